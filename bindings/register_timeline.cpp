// timeline(): many documents in, one timeline out, as plain tuples for python/chronoweave/model.py, plus the native
// timeline that renders JSON, DOT and HTML (one renderer for C++ and Python).
#include <chronoweave/extractor.hpp>
#include <chronoweave/json.hpp>
#include <chronoweave/timeline.hpp>

#include <map>

#include "core.hpp"
#include "offsets.hpp"

namespace py = pybind11;

namespace chronoweave::python {

namespace {

py::object date_or_none(const std::optional<date::sys_days>& day) {
    if (!day) return py::none();
    const date::year_month_day d{*day};
    if (d.year() < date::year{1}) return py::none();  // datetime.date starts at year 1
    static const py::object date_type = py::module_::import("datetime").attr("date");
    return date_type(static_cast<int>(d.year()), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

py::tuple strings(const std::vector<std::string>& values) {
    py::tuple out(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) out[i] = py::str(values[i]);
    return out;
}

// (nodes, edges, contradictions); mention offsets become str indices into their document's text.
py::tuple to_python(const Timeline& timeline, const std::vector<Document>& documents) {
    std::map<std::string_view, const Document*> by_id;
    for (std::size_t d = 0; d < documents.size(); ++d) by_id.emplace(documents[d].id, &documents[d]);
    std::map<std::string_view, std::vector<std::size_t>> offsets;
    for (const TimelineNode& n : timeline.nodes)
        for (const Mention& m : n.mentions) offsets[m.doc_id].insert(offsets[m.doc_id].end(), {m.trigger.begin, m.trigger.end});
    std::map<std::string_view, CodepointIndex> indexes;
    for (auto& [id, list] : offsets) indexes.emplace(id, CodepointIndex(by_id.at(id)->text, std::move(list)));

    py::list nodes;
    for (const TimelineNode& n : timeline.nodes) {
        py::list mentions;
        for (const Mention& m : n.mentions) {
            const CodepointIndex& index = indexes.at(m.doc_id);
            mentions.append(py::make_tuple(m.doc_id, m.event, index(m.trigger.begin), index(m.trigger.end), m.text, m.sentence));
        }
        nodes.append(py::make_tuple(n.kind, n.label, date_or_none(n.date_from), date_or_none(n.date_to), to_string(n.basis),
                                    strings(n.participants), n.place, to_string(n.status), strings(n.sources), mentions,
                                    strings(n.merge_reasons)));
    }
    py::list edges;
    for (const TimelineEdge& e : timeline.edges) edges.append(py::make_tuple(e.from, e.to, to_string(e.type), e.reason));
    py::list contradictions;
    for (const Contradiction& c : timeline.contradictions) contradictions.append(py::make_tuple(c.node, c.explanation));
    return py::make_tuple(nodes, edges, contradictions);
}

}  // namespace

void register_timeline(py::module_& m) {
    py::class_<Timeline>(m, "NativeTimeline", "A built timeline, kept to render it (private; see chronoweave.Timeline).")
        .def("to_json", [](const Timeline& t) { return to_json(t); })
        .def("to_dot", [](const Timeline& t) { return to_dot(t); })
        .def("to_html", [](const Timeline& t, const std::string& title) { return to_html(t, title); }, py::arg("title"));
    m.def(
        "timeline",
        [](const std::vector<std::tuple<py::bytes, std::optional<std::string>, std::string>>& inputs) {
            std::vector<std::tuple<std::string, std::optional<Date>, std::string>> sources;
            sources.reserve(inputs.size());
            for (const auto& [utf8, published, id] : inputs)
                sources.emplace_back(std::string(utf8), published ? std::optional(parse_iso_date_or_throw(*published))
                                                                  : std::nullopt, id);
            std::vector<Document> documents;
            Timeline timeline;
            {
                py::gil_scoped_release release;
                documents.reserve(sources.size());
                for (auto& [text, published, id] : sources)
                    documents.push_back(shared_extractor().extract(std::move(text), published, std::move(id)));
                timeline = build_timeline(documents);
                // Give unnamed documents the ids the timeline gave them, so mentions find their text.
                for (std::size_t d = 0; d < documents.size(); ++d)
                    if (documents[d].id.empty()) documents[d].id = "#" + std::to_string(d + 1);
            }
            return py::make_tuple(to_python(timeline, documents), timeline);
        },
        py::arg("inputs"),
        "Extract from (utf8, published, doc_id) triples and build their timeline; returns (data, NativeTimeline).");
}

}  // namespace chronoweave::python
