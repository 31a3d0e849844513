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
    w.key("schema");
    w.value_string("chronoweave.timeline/1");
    w.key("offsets");
    w.value_string("utf8-bytes");
    w.key("nodes");
    w.open('[');
    for (std::size_t i = 0; i < timeline.nodes.size(); ++i) {
        const TimelineNode& n = timeline.nodes[i];
        w.open('{');
        w.key("id");
        w.value_string(node_id(i));
        w.key("kind");
        w.value_string(n.kind);
        w.key("label");
        w.value_string(n.label);
        w.key("date_from");
        day_or_null(w, n.date_from);
        w.key("date_to");
        day_or_null(w, n.date_to);
        w.key("date_basis");
        w.value_string(to_string(n.basis));
        w.key("status");
        w.value_string(to_string(n.status));
        w.key("participants");
        strings(w, n.participants);
        w.key("place");
        w.value_string(n.place);
        w.key("sources");
        strings(w, n.sources);
        w.key("mentions");
        w.open('[');
        for (const Mention& m : n.mentions) {
            w.open('{');
            w.key("doc_id");
            w.value_string(m.doc_id);
            w.key("event");
            w.value_number(m.event);
            w.key("begin");
            w.value_number(m.trigger.begin);
            w.key("end");
            w.value_number(m.trigger.end);
            w.key("text");
            w.value_string(m.text);
            w.key("sentence");
            w.value_string(m.sentence);
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
        w.key("from");
        w.value_string(node_id(e.from));
        w.key("to");
        w.value_string(node_id(e.to));
        w.key("type");
        w.value_string(to_string(e.type));
        w.key("reason");
        w.value_string(e.reason);
        w.close('}');
    }
    w.close(']');
    w.key("contradictions");
    w.open('[');
    for (const Contradiction& c : timeline.contradictions) {
        w.open('{');
        w.key("node");
        w.value_string(node_id(c.node));
        w.key("explanation");
        w.value_string(c.explanation);
        w.close('}');
    }
    w.close(']');
    w.close('}');
    return out;
}

}  // namespace chronoweave
