#include <chronoweave/json.hpp>

#include "output/json_writer.hpp"
#include "output/names.hpp"

namespace chronoweave {
namespace {

using impl::day_text;
using impl::timex_id;

using impl::JsonWriter;

void write_span(JsonWriter& w, const Span& s) {
    w.key("begin");
    w.value_number(s.begin);
    w.key("end");
    w.value_number(s.end);
}

void write_optional_span(JsonWriter& w, const std::optional<Span>& s) {
    if (!s) {
        w.value_null();
        return;
    }
    w.open('{');
    write_span(w, *s);
    w.close('}');
}

}  // namespace

std::string to_json(const Document& doc) {
    std::string out;
    out.reserve(256 + doc.timexes.size() * 200);
    JsonWriter w(out);
    w.open('{');
    w.key("schema");
    w.value_string("chronoweave.document/1");
    w.key("offsets");
    w.value_string("utf8-bytes");
    w.key("id");
    w.value_string(doc.id);
    w.key("published");
    if (doc.published) w.value_string(format_iso_date(*doc.published));
    else w.value_null();
    w.key("text");
    w.value_string(doc.text);
    w.key("timexes");
    w.open('[');
    for (std::size_t i = 0; i < doc.timexes.size(); ++i) {
        const Timex& t = doc.timexes[i];
        w.open('{');
        w.key("id");
        w.value_string(timex_id(i));
        write_span(w, t.span);
        w.key("text");
        w.value_string(doc.text_of(t.span));
        w.key("type");
        w.value_string(to_string(t.type));
        w.key("value");
        w.value_string(t.value);
        w.key("mod");
        w.value_string(to_string(t.mod));
        if (t.type == TimexType::set) {
            w.key("quant");
            w.value_string(t.quant);
            w.key("freq");
            w.value_string(t.freq);
        }
        w.key("first_day");
        if (t.interval) w.value_string(day_text(t.interval->first_day()));
        else w.value_null();
        w.key("last_day");
        if (t.interval) w.value_string(day_text(t.interval->last_day()));
        else w.value_null();
        w.key("anchor");
        w.value_string(to_string(t.anchor));
        if (t.anchor_timex) {
            w.key("anchor_timex");
            w.value_string(timex_id(*t.anchor_timex));
        }
        if (t.anchor_event) {
            w.key("anchor_event");
            w.value_number(*t.anchor_event);
        }
        w.key("rule");
        w.value_string(t.rule);
        w.close('}');
    }
    w.close(']');
    w.key("ranges");
    w.open('[');
    for (const TimexRange& r : doc.ranges) {
        w.open('{');
        w.key("from");
        w.value_string(timex_id(r.from));
        w.key("to");
        w.value_string(timex_id(r.to));
        w.close('}');
    }
    w.close(']');
    w.key("events");
    w.open('[');
    for (const Event& e : doc.events) {
        w.open('{');
        w.key("kind");
        w.value_string(e.kind);
        w.key("plover");
        w.value_string(e.plover);
        w.key("mode");
        w.value_string(e.mode);
        w.key("cameo");
        w.value_string(e.cameo);
        w.key("trigger");
        w.open('{');
        write_span(w, e.trigger);
        w.close('}');
        w.key("text");
        w.value_string(doc.text_of(e.trigger));
        w.key("status");
        w.value_string(to_string(e.status));
        w.key("participants");
        w.open('[');
        for (const Participant& p : e.participants) {
            w.open('{');
            w.key("name");
            w.value_string(p.name);
            w.key("type");
            w.value_string(p.type);
            w.key("role");
            w.value_string(p.role);
            w.key("mention");
            write_optional_span(w, p.mention);
            w.close('}');
        }
        w.close(']');
        w.key("place");
        w.value_string(e.place);
        w.key("place_mention");
        write_optional_span(w, e.place_mention);
        w.key("quantity");
        w.value_string(e.quantity);
        w.key("quantity_mention");
        write_optional_span(w, e.quantity_mention);
        w.key("time");
        if (e.time) w.value_string(timex_id(*e.time));
        else w.value_null();
        w.key("time_source");
        w.value_string(to_string(e.time_source));
        w.key("first_day");
        if (e.interval) w.value_string(day_text(e.interval->first_day()));
        else w.value_null();
        w.key("last_day");
        if (e.interval) w.value_string(day_text(e.interval->last_day()));
        else w.value_null();
        w.key("reports");
        w.open('[');
        for (std::size_t r : e.reports) w.value_number(r);
        w.close(']');
        w.close('}');
    }
    w.close(']');
    w.close('}');
    return out;
}

}  // namespace chronoweave
