// TimeML in and out: annotate an existing TimeML file, or write a document as TimeML.
#include <chronoweave/extractor.hpp>
#include <chronoweave/timeml.hpp>

#include "core.hpp"

namespace py = pybind11;

namespace chronoweave::python {

void register_timeml(py::module_& m) {
    m.def(
        "annotate_timeml",
        [](py::bytes xml) {
            std::string source = xml;
            std::string annotated;
            {
                py::gil_scoped_release release;
                const TimemlInput input = read_timeml(source);
                // TimeML output holds timexes only: events are not extracted.
                const Document doc = shared_extractor().extract(input.text, input.dct, input.id, Extraction::timexes);
                annotated = annotate_timeml(source, doc);
            }
            return py::bytes(annotated);
        },
        py::arg("xml"), "Replace the TIMEX3 tags of a TimeML file's TEXT with chronoweave's.");
    m.def(
        "to_timeml",
        [](py::bytes utf8, std::optional<std::string> published, std::string doc_id) {
            std::string text = utf8;
            std::optional<Date> date;
            if (published) date = parse_iso_date_or_throw(*published);
            std::string xml;
            {
                py::gil_scoped_release release;
                xml = to_timeml(shared_extractor().extract(std::move(text), date, std::move(doc_id), Extraction::timexes));
            }
            return py::bytes(xml);
        },
        py::arg("utf8"), py::arg("published"), py::arg("doc_id"), "Extract from text and write the result as TimeML.");
}

}  // namespace chronoweave::python
