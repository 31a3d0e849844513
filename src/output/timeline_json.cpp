#include <chronoweave/json.hpp>

#include "output/json_writer.hpp"
#include "output/names.hpp"

namespace chronoweave {
namespace {

using impl::node_id;

using impl::JsonWriter;

void day_or_null(JsonWriter& w, const std::optional<date::sys_days>& day) {
    if (day) w.value_string(format_iso_date(date::year_month_day{*day}));
    else w.value_null();
}

void strings(JsonWriter& w, const std::vector<std::string>& values) {
    w.open('[');
    for (const std::string& v : values) w.value_string(v);
    w.close(']');
}

}  // namespace

std::string to_json(const Timeline& timeline) {
    std::string out;
    out.reserve(256 + timeline.nodes.size() * 600);
    JsonWriter w(out);
    w.open('{');
    w.field("schema", "chronoweave.timeline/1");
    w.field("offsets", "utf8-bytes");
    w.key("nodes");
    w.open('[');
    for (std::size_t i = 0; i < timeline.nodes.size(); ++i) {
        const TimelineNode& n = timeline.nodes[i];
        w.open('{');
        w.field("id", node_id(i));
        w.field("kind", n.kind);
        w.field("label", n.label);
        w.key("date_from");
        day_or_null(w, n.date_from);
        w.key("date_to");
        day_or_null(w, n.date_to);
        w.field("date_basis", to_string(n.basis));
        w.field("status", to_string(n.status));
        w.key("participants");
        strings(w, n.participants);
        w.field("place", n.place);
        w.key("sources");
        strings(w, n.sources);
        w.key("mentions");
        w.open('[');
        for (const Mention& m : n.mentions) {
            w.open('{');
            w.field("doc_id", m.doc_id);
            w.field("event", m.event);
            w.field("begin", m.trigger.begin);
            w.field("end", m.trigger.end);
            w.field("text", m.text);
            w.field("sentence", m.sentence);
            w.close('}');
        }
        w.close(']');
        w.key("merge_reasons");
        strings(w, n.merge_reasons);
        w.close('}');
    }
    w.close(']');
    w.key("edges");
    w.open('[');
    for (const TimelineEdge& e : timeline.edges) {
        w.open('{');
        w.field("from", node_id(e.from));
        w.field("to", node_id(e.to));
        w.field("type", to_string(e.type));
        w.field("reason", e.reason);
        w.field("basis", to_string(e.basis));
        w.close('}');
    }
    w.close(']');
    w.key("contradictions");
    w.open('[');
    for (const Contradiction& c : timeline.contradictions) {
        w.open('{');
        w.field("node", node_id(c.node));
        w.field("explanation", c.explanation);
        w.close('}');
    }
    w.close(']');
    w.close('}');
    return out;
}

}  // namespace chronoweave
