#include <chronoweave/json.hpp>

#include "output/json_writer.hpp"
#include "output/names.hpp"

namespace chronoweave {
namespace {

using impl::day_text;
using impl::timex_id;

using impl::JsonWriter;

void write_span(JsonWriter& w, const Span& s) {
    w.field("begin", s.begin);
    w.field("end", s.end);
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

// first_day and last_day of a calendar interval, null without one.
void write_days(JsonWriter& w, const std::optional<CalendarInterval>& interval) {
    for (const bool last : {false, true}) {
        w.key(last ? "last_day" : "first_day");
        if (interval) w.value_string(day_text(last ? interval->last_day() : interval->first_day()));
        else w.value_null();
    }
}

}  // namespace

std::string to_json(const Document& doc) {
    std::string out;
    out.reserve(256 + doc.timexes.size() * 200);
    JsonWriter w(out);
    w.open('{');
    w.field("schema", "chronoweave.document/1");
    w.field("offsets", "utf8-bytes");
    w.field("id", doc.id);
    w.key("published");
    if (doc.published) w.value_string(format_iso_date(*doc.published));
    else w.value_null();
    w.field("text", doc.text);
    w.key("timexes");
    w.open('[');
    for (std::size_t i = 0; i < doc.timexes.size(); ++i) {
        const Timex& t = doc.timexes[i];
        w.open('{');
        w.field("id", timex_id(i));
        write_span(w, t.span);
        w.field("text", doc.text_of(t.span));
        w.field("type", to_string(t.type));
        w.field("value", t.value);
        w.field("mod", to_string(t.mod));
        if (t.type == TimexType::set) {
            w.field("quant", t.quant);
            w.field("freq", t.freq);
        }
        write_days(w, t.interval);
        w.field("anchor", to_string(t.anchor));
        if (t.anchor_timex) {
            w.field("anchor_timex", timex_id(*t.anchor_timex));
        }
        if (t.anchor_event) {
            w.field("anchor_event", *t.anchor_event);
        }
        w.field("rule", t.rule);
        w.close('}');
    }
    w.close(']');
    w.key("ranges");
    w.open('[');
    for (const TimexRange& r : doc.ranges) {
        w.open('{');
        w.field("from", timex_id(r.from));
        w.field("to", timex_id(r.to));
        w.close('}');
    }
    w.close(']');
    w.key("events");
    w.open('[');
    for (const Event& e : doc.events) {
        w.open('{');
        w.field("kind", e.kind);
        w.field("plover", e.plover);
        w.field("mode", e.mode);
        w.field("cameo", e.cameo);
        w.key("trigger");
        w.open('{');
        write_span(w, e.trigger);
        w.close('}');
        w.field("text", doc.text_of(e.trigger));
        w.field("status", to_string(e.status));
        w.key("participants");
        w.open('[');
        for (const Participant& p : e.participants) {
            w.open('{');
            w.field("name", p.name);
            w.field("type", p.type);
            w.field("role", p.role);
            w.key("mention");
            write_optional_span(w, p.mention);
            w.close('}');
        }
        w.close(']');
        w.field("place", e.place);
        w.key("place_mention");
        write_optional_span(w, e.place_mention);
        w.field("quantity", e.quantity);
        w.key("quantity_mention");
        write_optional_span(w, e.quantity_mention);
        w.key("time");
        if (e.time) w.value_string(timex_id(*e.time));
        else w.value_null();
        w.field("time_source", to_string(e.time_source));
        write_days(w, e.interval);
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
