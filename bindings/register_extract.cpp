// extract(): text in, a plain tuple structure out, which python/chronoweave/model.py turns into its classes.
#include <chronoweave/calendar.hpp>
#include <chronoweave/extractor.hpp>

#include "core.hpp"
#include "offsets.hpp"

namespace py = pybind11;

namespace chronoweave::python {

const Extractor& shared_extractor() {
    static const Extractor extractor;  // built once; extract() is const and thread-safe
    return extractor;
}

namespace {

// datetime.date holds the years 1-9999: an interval that reaches into year 0 has no Python form and gives None, as
// one that names no fixed stretch does.
py::object day_or_none(const std::optional<CalendarInterval>& interval, bool last) {
    if (!interval || date::year_month_day{interval->first_day()}.year() < date::year{1}) return py::none();
    const date::year_month_day d{last ? interval->last_day() : interval->first_day()};
    static const py::object date_type = py::module_::import("datetime").attr("date");
    return date_type(static_cast<int>(d.year()), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

std::string_view anchor_name(AnchorKind a) {
    switch (a) {
        case AnchorKind::publication: return "publication";
        case AnchorKind::timex: return "timex";
        default: return "none";
    }
}

// (id, published, sentences, timexes, ranges, events) with str indices; the text itself stays on the Python side.
py::tuple to_python(const Document& doc) {
    std::vector<std::size_t> offsets;
    offsets.reserve(2 * (doc.sentences.size() + doc.timexes.size() + doc.events.size()));
    for (const Span& s : doc.sentences) offsets.insert(offsets.end(), {s.begin, s.end});
    for (const Timex& t : doc.timexes) offsets.insert(offsets.end(), {t.span.begin, t.span.end});
    for (const Event& e : doc.events) {
        offsets.insert(offsets.end(), {e.trigger.begin, e.trigger.end});
        for (const Participant& p : e.participants)
            if (p.mention) offsets.insert(offsets.end(), {p.mention->begin, p.mention->end});
        for (const auto& span : {e.place_mention, e.quantity_mention})
            if (span) offsets.insert(offsets.end(), {span->begin, span->end});
    }
    const CodepointIndex index(doc.text, std::move(offsets));

    py::list sentences;
    for (const Span& s : doc.sentences) sentences.append(py::make_tuple(index(s.begin), index(s.end)));
    py::list timexes;
    for (const Timex& t : doc.timexes) {
        timexes.append(py::make_tuple(index(t.span.begin), index(t.span.end), to_string(t.type), t.value, to_string(t.mod),
                                      t.quant, t.freq, day_or_none(t.interval, false), day_or_none(t.interval, true),
                                      anchor_name(t.anchor),
                                      t.anchor_timex ? py::object(py::int_(*t.anchor_timex)) : py::object(py::none()),
                                      t.rule));
    }
    py::list ranges;
    for (const TimexRange& r : doc.ranges) ranges.append(py::make_tuple(r.from, r.to));
    auto span_or_none = [&](const std::optional<Span>& span) -> py::object {
        if (!span) return py::none();
        return py::make_tuple(index(span->begin), index(span->end));
    };
    py::list events;
    for (const Event& e : doc.events) {
        py::list participants;
        for (const Participant& p : e.participants)
            participants.append(py::make_tuple(p.name, p.type, p.role, span_or_none(p.mention)));
        py::list reports;
        for (std::size_t r : e.reports) reports.append(r);
        events.append(py::make_tuple(e.kind, index(e.trigger.begin), index(e.trigger.end), participants, e.place,
                                     span_or_none(e.place_mention), e.quantity, span_or_none(e.quantity_mention),
                                     e.time ? py::object(py::int_(*e.time)) : py::object(py::none()),
                                     to_string(e.time_source), day_or_none(e.interval, false),
                                     day_or_none(e.interval, true), to_string(e.status), e.plover, e.mode, e.cameo,
                                     reports));
    }
    return py::make_tuple(doc.id, sentences, timexes, ranges, events);
}

}  // namespace

void register_extract(py::module_& m) {
    m.def(
        "extract",
        [](py::bytes utf8, std::optional<std::string> published, std::string doc_id) {
            std::string text = utf8;  // one copy out of the Python object, made while we hold the GIL
            std::optional<Date> date;
            if (published) date = parse_iso_date_or_throw(*published);
            Document doc;
            {
                py::gil_scoped_release release;
                doc = shared_extractor().extract(std::move(text), date, std::move(doc_id));
            }
            return to_python(doc);
        },
        py::arg("utf8"), py::arg("published"), py::arg("doc_id"),
        "Extract from UTF-8 bytes; returns (id, sentences, timexes, ranges, events) with str indices.");
    m.def("timex_interval", [](std::string_view value) -> py::object {
        const auto interval = timex_interval(value);
        const py::object first = day_or_none(interval, false);
        if (first.is_none()) return py::none();
        return py::make_tuple(first, day_or_none(interval, true));
    });
}

}  // namespace chronoweave::python
