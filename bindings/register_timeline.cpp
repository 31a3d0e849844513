// timeline(): many documents in, one timeline out, as plain tuples for python/chronoweave/model.py, plus the native
// timeline that renders JSON, DOT and HTML (one renderer for C++ and Python).
#include <chronoweave/error.hpp>
#include <chronoweave/extractor.hpp>
#include <chronoweave/json.hpp>
#include <chronoweave/timeline.hpp>

#include <map>

#include "batch.hpp"
#include "core.hpp"
#include "offsets.hpp"

namespace py = pybind11;

namespace chronoweave::python {

namespace {

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
    for (auto& [id, list] : offsets) indexes.emplace(id, CodepointIndex(by_id.at(id)->text, [&list] { return std::move(list); }));

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
    for (const TimelineEdge& e : timeline.edges)
        edges.append(py::make_tuple(e.from, e.to, to_string(e.type), e.reason, to_string(e.basis)));
    py::list contradictions;
    for (const Contradiction& c : timeline.contradictions) contradictions.append(py::make_tuple(c.node, c.explanation));
    return py::make_tuple(nodes, edges, contradictions);
}

// The pickled form of a native timeline: every field, offsets in UTF-8 bytes as in C++, days as days since
// 1970-01-01, enums by name. Versioned, so a pickle from another release fails loudly instead of misreading.
constexpr int pickle_version = 2;

py::object days_or_none(const std::optional<date::sys_days>& day) {
    return day ? py::object(py::int_(day->time_since_epoch().count())) : py::object(py::none());
}

std::optional<date::sys_days> days_from(const py::handle& days) {
    if (days.is_none()) return std::nullopt;
    return date::sys_days{date::days{days.cast<int>()}};
}

DateBasis date_basis_from_string(std::string_view name) {
    for (DateBasis basis : {DateBasis::stated, DateBasis::inferred, DateBasis::none})
        if (to_string(basis) == name) return basis;
    throw Error("NativeTimeline pickle: unknown date basis '" + std::string(name) + "'");
}

EdgeBasis edge_basis_from_string(std::string_view name) {
    for (EdgeBasis basis : {EdgeBasis::stated, EdgeBasis::calendar})
        if (to_string(basis) == name) return basis;
    throw Error("NativeTimeline pickle: unknown edge basis '" + std::string(name) + "'");
}

template <class Enum>
Enum enum_from(std::optional<Enum> value, std::string_view what, std::string_view name) {
    if (!value) throw Error("NativeTimeline pickle: unknown " + std::string(what) + " '" + std::string(name) + "'");
    return *value;
}

py::tuple pickle_state(const Timeline& timeline) {
    py::list nodes;
    for (const TimelineNode& n : timeline.nodes) {
        py::list mentions;
        for (const Mention& m : n.mentions)
            mentions.append(py::make_tuple(m.doc_id, m.event, m.trigger.begin, m.trigger.end, py::bytes(m.text),
                                           py::bytes(m.sentence)));
        nodes.append(py::make_tuple(n.kind, n.label, days_or_none(n.date_from), days_or_none(n.date_to),
                                    to_string(n.basis), n.participants, n.place, to_string(n.status), n.sources,
                                    mentions, n.merge_reasons));
    }
    py::list edges;
    for (const TimelineEdge& e : timeline.edges)
        edges.append(py::make_tuple(e.from, e.to, to_string(e.type), e.reason, to_string(e.basis)));
    py::list contradictions;
    for (const Contradiction& c : timeline.contradictions) contradictions.append(py::make_tuple(c.node, c.explanation));
    return py::make_tuple(pickle_version, nodes, edges, contradictions);
}

// One record of the state: a tuple of `size` fields, or an error naming what it should have been.
py::tuple record(const py::handle& value, std::size_t size, std::string_view what) {
    if (!py::isinstance<py::tuple>(value) || py::len(value) != size)
        throw Error("NativeTimeline pickle: this " + std::string(what) + " is not a tuple of " + std::to_string(size) +
                    " fields");
    return value.cast<py::tuple>();
}

Timeline from_pickle_state(const py::tuple& state) {
    if (state.size() != 4 || state[0].cast<int>() != pickle_version)
        throw Error("NativeTimeline pickle: not a version " + std::to_string(pickle_version) + " state");
    Timeline timeline;
    for (const py::handle node : state[1].cast<py::list>()) {
        const auto n = record(node, 11, "node");
        TimelineNode& out = timeline.nodes.emplace_back();
        out.kind = n[0].cast<std::string>();
        out.label = n[1].cast<std::string>();
        out.date_from = days_from(n[2]);
        out.date_to = days_from(n[3]);
        out.basis = date_basis_from_string(n[4].cast<std::string>());
        out.participants = n[5].cast<std::vector<std::string>>();
        out.place = n[6].cast<std::string>();
        const auto status = n[7].cast<std::string>();
        out.status = enum_from(event_status_from_string(status), "event status", status);
        out.sources = n[8].cast<std::vector<std::string>>();
        for (const py::handle mention : n[9].cast<py::list>()) {
            const auto m = record(mention, 6, "mention");
            out.mentions.push_back({m[0].cast<std::string>(), m[1].cast<std::size_t>(),
                                    Span{m[2].cast<std::size_t>(), m[3].cast<std::size_t>()},
                                    m[4].cast<std::string>(), m[5].cast<std::string>()});
        }
        out.merge_reasons = n[10].cast<std::vector<std::string>>();
    }
    for (const py::handle edge : state[2].cast<py::list>()) {
        const auto e = record(edge, 5, "edge");
        const auto type = e[2].cast<std::string>();
        timeline.edges.push_back({e[0].cast<std::size_t>(), e[1].cast<std::size_t>(),
                                  enum_from(relation_type_from_string(type), "relation type", type),
                                  e[3].cast<std::string>(), edge_basis_from_string(e[4].cast<std::string>())});
    }
    for (const py::handle contradiction : state[3].cast<py::list>()) {
        const auto c = record(contradiction, 2, "contradiction");
        timeline.contradictions.push_back({c[0].cast<std::size_t>(), c[1].cast<std::string>()});
    }
    return timeline;
}

}  // namespace

void register_timeline(py::module_& m) {
    py::class_<Timeline>(m, "NativeTimeline", "A built timeline, kept to render it (private; see chronoweave.Timeline).")
        .def("to_json", [](const Timeline& t) { return to_json(t); })
        .def("to_dot", [](const Timeline& t) { return to_dot(t); })
        .def("to_html", [](const Timeline& t, const std::string& title) { return to_html(t, title); }, py::arg("title"))
        .def(
            "select",
            [](const Timeline& t, const std::vector<std::size_t>& nodes) {
                std::vector<bool> kept(t.nodes.size(), false);
                for (std::size_t n : nodes) {
                    if (n >= kept.size()) throw py::index_error("node index " + std::to_string(n) + " out of range");
                    kept[n] = true;
                }
                // select() hands each node by reference into t.nodes, so its position is its index.
                return select(t, [&](const TimelineNode& node) { return kept[static_cast<std::size_t>(&node - t.nodes.data())]; });
            },
            py::arg("nodes"), "The timeline of the nodes at these indexes, with the edges and contradictions among them.")
        .def(py::pickle(&pickle_state, &from_pickle_state));
    m.def(
        "timeline",
        [](const std::vector<std::tuple<py::bytes, std::optional<std::string>, std::string>>& items, std::size_t threads) {
            std::vector<BatchInput> inputs;
            inputs.reserve(items.size());
            for (const auto& [utf8, published, doc_id] : items) inputs.push_back({std::string(utf8), published, doc_id});
            Batch batch(std::move(inputs), threads, Extraction::full);
            std::vector<Document> documents;
            documents.reserve(items.size());
            while (true) {
                const std::size_t index = batch.handed_out();
                std::optional<Document> document;
                try {
                    document = batch.next();
                } catch (...) {
                    raise_with_context(std::current_exception(), "document " + std::to_string(index + 1) + ": ");
                }
                if (!document) break;
                documents.push_back(std::move(*document));
            }
            Timeline timeline;
            {
                py::gil_scoped_release release;
                timeline = build_timeline(documents);
                // Mentions name their document by the id the timeline knows it by.
                for (std::size_t d = 0; d < documents.size(); ++d) documents[d].id = timeline_document_id(documents[d], d);
            }
            return py::make_tuple(to_python(timeline, documents), timeline);
        },
        py::arg("inputs"), py::arg("threads"),
        "Extract from (utf8, published, doc_id) triples on `threads` threads (0: one per core) and build their "
        "timeline; returns (data, NativeTimeline).");
}

}  // namespace chronoweave::python
