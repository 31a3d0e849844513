// extract(): text in, a plain tuple structure out, which python/chronoweave/model.py turns into its classes.
#include <chronoweave/calendar.hpp>
#include <chronoweave/extractor.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

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

struct BatchInput {
    std::string text;
    std::optional<std::string> published;
    std::string doc_id;
};

Extraction extraction_of(bool events) { return events ? Extraction::full : Extraction::timexes; }

// A batch extracted by `threads` threads sharing the one const extractor: threads - 1 native helpers, and the calling
// thread, which hands the documents to Python in input order and, while the next one is not ready, extracts too.
// So Python's serial work on the results (tuples here, then the classes of model.py) overlaps the extraction of
// later documents instead of following it, and no core idles. Threads take the next untaken index from a counter,
// so long and short documents even out. After a failure no new index is taken: every index below the failing one
// has already been taken and finishes, so the first failing index in input order, the one reported, is the same on
// every run. Helpers never touch Python objects; the GIL is released while the calling thread extracts or waits.
class Batch {
public:
    Batch(std::vector<BatchInput> inputs, std::size_t threads, Extraction extraction)
        : inputs_(std::move(inputs)), extraction_(extraction), documents_(inputs_.size()), errors_(inputs_.size()),
          done_(inputs_.size()) {
        for (std::size_t t = 1; t < std::min(threads, inputs_.size()); ++t)
            helpers_.emplace_back([this] {
                while (extract_one()) {
                }
            });
    }
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    ~Batch() {
        stop_ = true;  // an abandoned batch: helpers finish the document in hand and quit
        py::gil_scoped_release release;
        helpers_.clear();
    }

    py::tuple next() {
        const std::size_t i = handed_out_;
        if (i == inputs_.size()) throw py::stop_iteration();
        {
            py::gil_scoped_release release;
            while (!done(i) && extract_one()) {
            }
            std::unique_lock lock(mutex_);
            finished_.wait(lock, [&] { return done_[i] != 0; });
        }
        if (errors_[i]) {
            if (!set_python_error(errors_[i], "texts_or_pairs[" + std::to_string(i) + "]: "))
                std::rethrow_exception(errors_[i]);
            throw py::error_already_set();
        }
        ++handed_out_;
        const Document document = std::move(documents_[i]);
        return to_python(document);
    }

private:
    bool done(std::size_t i) {
        std::lock_guard lock(mutex_);
        return done_[i] != 0;
    }

    // Extracts the next untaken document; false when none is left or the batch stopped.
    bool extract_one() {
        if (stop_) return false;
        const std::size_t i = next_.fetch_add(1);
        if (i >= inputs_.size()) return false;
        BatchInput& input = inputs_[i];
        try {
            std::optional<Date> date;
            if (input.published) date = parse_iso_date_or_throw(*input.published);
            documents_[i] = shared_extractor().extract(std::move(input.text), date, std::move(input.doc_id), extraction_);
        } catch (...) {
            errors_[i] = std::current_exception();
            stop_ = true;
        }
        {
            std::lock_guard lock(mutex_);
            done_[i] = 1;
        }
        finished_.notify_all();
        return true;
    }

    std::vector<BatchInput> inputs_;
    const Extraction extraction_;
    std::vector<Document> documents_;
    std::vector<std::exception_ptr> errors_;
    std::vector<char> done_;  // guarded by mutex_; set once documents_[i] or errors_[i] is written
    std::mutex mutex_;
    std::condition_variable finished_;
    std::atomic<std::size_t> next_{0};
    std::atomic<bool> stop_{false};
    std::size_t handed_out_ = 0;      // used by the calling thread only
    std::vector<std::jthread> helpers_;  // last: joined before the state they use is destroyed
};

}  // namespace

void register_extract(py::module_& m) {
    m.def(
        "extract",
        [](py::bytes utf8, std::optional<std::string> published, std::string doc_id, bool events) {
            std::string text = utf8;  // one copy out of the Python object, made while we hold the GIL
            std::optional<Date> date;
            if (published) date = parse_iso_date_or_throw(*published);
            Document doc;
            {
                py::gil_scoped_release release;
                doc = shared_extractor().extract(std::move(text), date, std::move(doc_id), extraction_of(events));
            }
            return to_python(doc);
        },
        py::arg("utf8"), py::arg("published"), py::arg("doc_id"), py::arg("events") = true,
        "Extract from UTF-8 bytes (events too, or temporal expressions only); returns (id, sentences, timexes, "
        "ranges, events) with str indices.");
    py::class_<Batch>(m, "BatchExtraction", "Documents of extract_many() as they are extracted, in input order.")
        .def("__iter__", [](Batch& batch) -> Batch& { return batch; })
        .def("__next__", &Batch::next);
    m.def(
        "extract_many",
        [](const std::vector<std::tuple<py::bytes, std::optional<std::string>, std::string>>& items, std::size_t threads,
           bool events) {
            std::vector<BatchInput> inputs;
            inputs.reserve(items.size());
            for (const auto& [utf8, published, doc_id] : items) inputs.push_back({std::string(utf8), published, doc_id});
            if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
            return std::make_unique<Batch>(std::move(inputs), threads, extraction_of(events));
        },
        py::arg("items"), py::arg("threads"), py::arg("events") = true,
        "Extract from (utf8, published, doc_id) triples on `threads` threads (0: one per core); iterates over what "
        "extract() returns for each, in input order.");
    m.def("timex_interval", [](std::string_view value) -> py::object {
        const auto interval = timex_interval(value);
        const py::object first = day_or_none(interval, false);
        if (first.is_none()) return py::none();
        return py::make_tuple(first, day_or_none(interval, true));
    });
}

}  // namespace chronoweave::python
