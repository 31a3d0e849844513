// extract(): text in, the Document of python/chronoweave/model.py out.
#include <chronoweave/calendar.hpp>
#include <chronoweave/error.hpp>
#include <chronoweave/extractor.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <vector>

#include "batch.hpp"
#include "core.hpp"
#include "offsets.hpp"

#include <datetime.h>
#include <structmember.h>

namespace py = pybind11;

namespace chronoweave::python {

const Extractor& shared_extractor() {
    static const Extractor extractor;  // built once; extract() is const and thread-safe
    return extractor;
}

py::object date_or_none(const std::optional<date::sys_days>& day) {
    if (!day) return py::none();
    const date::year_month_day d{*day};
    if (d.year() < date::year{1} || d.year() > date::year{9999}) return py::none();  // datetime.date's years
    static const bool imported = [] {
        PyDateTime_IMPORT;
        return PyDateTimeAPI != nullptr;
    }();
    if (!imported) throw py::error_already_set();
    auto date = py::reinterpret_steal<py::object>(PyDate_FromDate(
        static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
        static_cast<int>(static_cast<unsigned>(d.day()))));
    if (!date) throw py::error_already_set();
    return date;
}

namespace {

// An interval that reaches into year 0 or past 9999 (the ISO week 9999-W52 ends on 10000-01-02) has no Python form
// and gives None, as one that names no fixed stretch does.
std::optional<date::sys_days> interval_day(const std::optional<CalendarInterval>& interval, bool last) {
    constexpr date::sys_days first_python_day = date::year{1} / 1 / 1, last_python_day = date::year{9999} / 12 / 31;
    if (!interval || interval->first_day() < first_python_day || interval->last_day() > last_python_day)
        return std::nullopt;
    return last ? interval->last_day() : interval->first_day();
}

// A day as a datetime.date. The days of a document's intervals are mostly a few (its publication day, the days it
// reports on), and documents of one time share theirs, so the latest date made for each day is kept in a table of a
// fixed size, by day number: dates are immutable, and the table never grows. Called with the GIL held.
py::object day_object(date::sys_days day) {
    struct Slot {
        date::sys_days day;
        py::object date;  // null: the slot is empty
    };
    constexpr std::size_t slots = 1024;  // consecutive days take different slots
    static auto* recent = new std::array<Slot, slots>();  // never freed: Python objects must not outlive the interpreter
    Slot& slot = (*recent)[static_cast<std::size_t>(day.time_since_epoch().count()) & (slots - 1)];
    if (!slot.date || slot.day != day) slot = {day, date_or_none(day)};
    return slot.date;
}

py::object day_or_none(const std::optional<CalendarInterval>& interval, bool last) {
    const std::optional<date::sys_days> day = interval_day(interval, last);
    return day ? day_object(*day) : py::none();
}

// A result class of chronoweave.model, instantiated here field by field. The classes are frozen dataclasses with
// slots: like their generated __init__, this bypasses their __setattr__, and it writes each field's slot directly,
// as the slot's member descriptor would. Building them in Python was most of the cost of chronoweave.extract().
class ModelClass {
public:
    ModelClass(const py::module_& model, const char* name, std::initializer_list<const char*> fields)
        : type_(model.attr(name)) {
        const std::string where = std::string("chronoweave.model.") + name;
        py::list declared = py::module_::import("dataclasses").attr("fields")(type_);
        if (declared.size() != fields.size()) throw std::logic_error(where + " has fields the binding does not set");
        for (const char* field : fields) {
            const py::object descriptor = type_.attr(field);
            if (!Py_IS_TYPE(descriptor.ptr(), &PyMemberDescr_Type))
                throw std::logic_error(where + "." + field + " is not a slot");
            const PyMemberDef* member = reinterpret_cast<PyMemberDescrObject*>(descriptor.ptr())->d_member;
            if (member->type != T_OBJECT_EX || (member->flags & READONLY) != 0)
                throw std::logic_error(where + "." + field + " is not a writable object slot");
            offsets_.push_back(member->offset);
        }
    }

    // The values in the order of the constructor's `fields`. A py::object hands its reference over to the slot, so a
    // temporary costs no reference counting; a py::handle (a str shared_str() keeps) is given a new reference.
    template <class... Values>
    py::object make(Values&&... values) const {
        static const py::tuple no_arguments;
        PyObject* object =
            PyBaseObject_Type.tp_new(reinterpret_cast<PyTypeObject*>(type_.ptr()), no_arguments.ptr(), nullptr);
        if (!object) throw py::error_already_set();
        auto offset = offsets_.begin();
        (set_slot(object, *offset++, std::forward<Values>(values)), ...);
        return py::reinterpret_steal<py::object>(object);
    }

private:
    static void set_slot(PyObject* object, Py_ssize_t offset, py::object value) {
        // The new object's slots are empty (null).
        *reinterpret_cast<PyObject**>(reinterpret_cast<char*>(object) + offset) = value.release().ptr();
    }
    static void set_slot(PyObject* object, Py_ssize_t offset, py::handle value) {
        set_slot(object, offset, py::reinterpret_borrow<py::object>(value));
    }

    py::object type_;
    std::vector<Py_ssize_t> offsets_;
};

struct ModelClasses {
    explicit ModelClasses(const py::module_& model)
        : span(model, "Span", {"start", "end"}),
          timex(model, "Timex", {"text", "start", "end", "type", "value", "mod", "quant", "freq", "first_day",
                                 "last_day", "anchor", "anchor_timex", "anchor_event", "rule"}),
          range(model, "TimexRange", {"start", "end"}),
          participant(model, "Participant", {"name", "role", "type", "mention"}),
          event(model, "Event", {"kind", "text", "start", "end", "participants", "place", "time", "status", "plover",
                                 "mode", "cameo", "place_mention", "quantity", "quantity_mention", "time_source",
                                 "first_day", "last_day", "reports"}),
          document(model, "Document", {"text", "published", "id", "sentences", "timexes", "ranges", "events"}) {}
    ModelClass span, timex, range, participant, event, document;
};

const ModelClasses& model_classes() {
    // Never destroyed: Python objects must not outlive the interpreter in a static destructor.
    static const ModelClasses* classes = new ModelClasses(py::module_::import("chronoweave.model"));
    return *classes;
}

// A key read from a str's bytes with a few whole-word loads: the first and last 8 bytes, 4 of a shorter value, and
// each of one under 4. It tells apart any two values of up to 16 bytes without comparing their bytes.
struct StrKey {
    std::uint64_t head = 0, tail = 0;
    std::size_t size = 0;
    friend bool operator==(const StrKey&, const StrKey&) = default;

    static constexpr std::size_t exact_up_to = 16;  // bytes
    static StrKey of(std::string_view s) {
        auto load = [&](std::size_t at, auto word) {
            std::memcpy(&word, s.data() + at, sizeof word);
            return std::uint64_t{word};
        };
        if (s.size() >= 8) return {load(0, std::uint64_t{}), load(s.size() - 8, std::uint64_t{}), s.size()};
        if (s.size() >= 4) return {load(0, std::uint32_t{}), load(s.size() - 4, std::uint32_t{}), s.size()};
        if (s.empty()) return {};
        return {load(0, std::uint8_t{}) | load(s.size() / 2, std::uint8_t{}) << 8, load(s.size() - 1, std::uint8_t{}), s.size()};
    }
    std::size_t hash() const {
        const std::uint64_t h = (head * 0x9E3779B97F4A7C15ULL) ^ (tail * 0xC2B2AE3D27D4EB4FULL) ^ size;
        return static_cast<std::size_t>(h ^ (h >> 31));
    }
};

// The values of fields from small fixed sets (a type, a status, a rule name, an event kind, a role) as Python strs
// made once. A result looks up about six per event, so a lookup must cost far less than making the str: the table
// is probed by the values' StrKeys.
class SharedStrs {
public:
    py::handle get(std::string_view value) {
        const StrKey key = StrKey::of(value);
        std::size_t slot = slot_of(key);
        for (; slots_[slot].str; slot = next(slot))
            if (slots_[slot].key == key && (value.size() <= StrKey::exact_up_to || slots_[slot].value == value))
                return slots_[slot].str;
        if (2 * (used_ + 1) > slots_.size()) {
            grow();
            return get(value);
        }
        ++used_;
        slots_[slot] = {key, std::string(value), py::str(value.data(), value.size())};
        return slots_[slot].str;
    }

private:
    struct Slot {
        StrKey key;
        std::string value;
        py::object str;  // null: the slot is empty
    };

    std::size_t slot_of(const StrKey& key) const { return key.hash() & (slots_.size() - 1); }
    std::size_t next(std::size_t slot) const { return (slot + 1) & (slots_.size() - 1); }
    void grow() {
        std::vector<Slot> old(2 * slots_.size());
        old.swap(slots_);
        for (Slot& entry : old) {
            if (!entry.str) continue;
            std::size_t slot = slot_of(entry.key);
            while (slots_[slot].str) slot = next(slot);
            slots_[slot] = std::move(entry);
        }
    }

    std::vector<Slot> slots_ = std::vector<Slot>(256);  // a power of two, at most half full
    std::size_t used_ = 0;
};

// Called with the GIL held.
py::handle shared_str(std::string_view value) {
    static auto* strs = new SharedStrs();  // never freed: Python objects must not outlive the interpreter
    return strs->get(value);
}

// Free text (a timex's text and value, a trigger, a name, a place) as a Python str. Short ones recur across a
// document's timexes and events and from document to document ("said", "2025-03-03", "Ukraine"), so the latest str of
// each is kept in a table of a fixed size, one per slot: the table never grows with the text, as shared_str's would.
py::object free_str(std::string_view value) {
    struct Slot {
        StrKey key;
        py::object str;  // null: the slot is empty
    };
    constexpr std::size_t slots = 4096;
    if (value.size() > StrKey::exact_up_to) return py::str(value.data(), value.size());
    static auto* recent = new std::array<Slot, slots>();  // never freed, as shared_str's table
    const StrKey key = StrKey::of(value);
    Slot& slot = (*recent)[key.hash() & (slots - 1)];
    if (!slot.str || !(slot.key == key)) slot = {key, py::str(value.data(), value.size())};
    return slot.str;
}

// The name of an enumerator (a timex type, an event status, ...) as a Python str made once, found by the enumerator's
// value without shared_str's hashing: every timex and event sets several of these fields.
template <class Enum>
py::handle enumerator_str(Enum value) {
    static_assert(sizeof(Enum) == 1, "one str per possible value of a one-byte enum");
    static auto* made = new std::array<py::handle, 256>();  // never freed, as shared_str's cache; each holds a reference
    py::handle& str = (*made)[static_cast<std::uint8_t>(value)];
    if (!str) str = shared_str(to_string(value)).inc_ref();
    return str;
}

// An index (into the text or into a result's tuples) as a Python int. A document's result holds a hundred or more,
// and their values recur from document to document, so those below shared_below are made once each, as CPython
// makes the ints up to 256 once: the cache is bounded, and grows only as far as the largest value asked for.
py::object index_int(std::size_t value) {
    constexpr std::size_t shared_below = std::size_t{1} << 14;
    if (value >= shared_below) return py::int_(value);
    static auto* made = new std::vector<py::object>();  // never freed, as shared_str's cache
    if (value >= made->size()) made->resize(std::min(shared_below, std::max(2 * made->size(), value + 1)));
    py::object& shared = (*made)[value];
    if (!shared) shared = py::int_(value);
    return shared;
}

py::object optional_index(const std::optional<std::size_t>& index) {
    return index ? index_int(*index) : py::object(py::none());
}

// The publication date as a datetime.date. The library accepts year 0, which datetime.date cannot hold.
py::object published_date(const std::optional<Date>& published) {
    if (published && published->year() < date::year{1})
        throw InvalidDateError("publication date '" + format_iso_date(*published) +
                               "' is before year 1, the first year datetime.date can hold");
    return date_or_none(published ? std::optional<date::sys_days>(*published) : std::nullopt);
}

// Fills index i of a new tuple with `value`, handing its reference over.
void set_item(const py::tuple& tuple, std::size_t i, py::object value) {
    PyTuple_SET_ITEM(tuple.ptr(), static_cast<Py_ssize_t>(i), value.release().ptr());
}

// The chronoweave.model.Document of `doc`, with str indices into `text`, the str of doc.text.
py::object to_python(const Document& doc, const py::str& text) {
    const CodepointIndex index(doc.text, [&doc] {
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
        return offsets;
    });
    const ModelClasses& model = model_classes();
    auto text_of = [&](const Span& span) { return free_str(doc.text_of(span)); };
    auto span_of = [&](const Span& span) { return model.span.make(index_int(index(span.begin)), index_int(index(span.end))); };
    auto span_or_none = [&](const std::optional<Span>& span) { return span ? span_of(*span) : py::object(py::none()); };

    py::tuple sentences(doc.sentences.size());
    for (std::size_t i = 0; i < doc.sentences.size(); ++i) set_item(sentences, i, span_of(doc.sentences[i]));
    py::tuple timexes(doc.timexes.size());
    for (std::size_t i = 0; i < doc.timexes.size(); ++i) {
        const Timex& t = doc.timexes[i];
        set_item(timexes, i,
                 model.timex.make(text_of(t.span), index_int(index(t.span.begin)), index_int(index(t.span.end)),
                                  enumerator_str(t.type), free_str(t.value), enumerator_str(t.mod), shared_str(t.quant),
                                  free_str(t.freq), day_or_none(t.interval, false), day_or_none(t.interval, true),
                                  enumerator_str(t.anchor), optional_index(t.anchor_timex),
                                  optional_index(t.anchor_event), shared_str(t.rule)));
    }
    py::tuple ranges(doc.ranges.size());
    for (std::size_t i = 0; i < doc.ranges.size(); ++i)
        set_item(ranges, i, model.range.make(index_int(doc.ranges[i].from), index_int(doc.ranges[i].to)));
    py::tuple events(doc.events.size());
    for (std::size_t i = 0; i < doc.events.size(); ++i) {
        const Event& e = doc.events[i];
        py::tuple participants(e.participants.size());
        for (std::size_t k = 0; k < e.participants.size(); ++k) {
            const Participant& p = e.participants[k];
            set_item(participants, k,
                     model.participant.make(free_str(p.name), shared_str(p.role), shared_str(p.type), span_or_none(p.mention)));
        }
        py::tuple reports(e.reports.size());
        for (std::size_t k = 0; k < e.reports.size(); ++k) set_item(reports, k, index_int(e.reports[k]));
        set_item(events, i,
                 model.event.make(shared_str(e.kind), text_of(e.trigger), index_int(index(e.trigger.begin)),
                                  index_int(index(e.trigger.end)), std::move(participants), free_str(e.place),
                                  optional_index(e.time), enumerator_str(e.status), shared_str(e.plover),
                                  shared_str(e.mode), shared_str(e.cameo), span_or_none(e.place_mention),
                                  free_str(e.quantity), span_or_none(e.quantity_mention), enumerator_str(e.time_source),
                                  day_or_none(e.interval, false), day_or_none(e.interval, true), std::move(reports)));
    }
    return model.document.make(text, published_date(doc.published), py::str(doc.id), std::move(sentences),
                               std::move(timexes), std::move(ranges), std::move(events));
}

// The UTF-8 of a str, in the string the extractor takes. A str of ASCII characters holds them as its UTF-8 already.
// Others are encoded into a temporary bytes object: PyUnicode_AsUTF8AndSize would leave a UTF-8 copy cached in the
// str, as long-lived as the Document holding it. A lone surrogate raises UnicodeEncodeError, as str.encode() does.
std::string utf8_of(const py::str& text) {
    if (PyUnicode_IS_ASCII(text.ptr()))
        return std::string(static_cast<const char*>(PyUnicode_DATA(text.ptr())),
                           static_cast<std::size_t>(PyUnicode_GET_LENGTH(text.ptr())));
    const auto utf8 = py::reinterpret_steal<py::bytes>(PyUnicode_AsUTF8String(text.ptr()));
    if (!utf8) throw py::error_already_set();
    return std::string(utf8);
}

// chronoweave.model.Document has no relations, so they are not made.
Extraction extraction_of(bool events) { return events ? Extraction::events : Extraction::timexes; }

}  // namespace

void register_extract(py::module_& m) {
    m.def(
        "extract",
        [](const py::str& text, std::optional<std::string> published, std::string doc_id, bool events) {
            std::string utf8 = utf8_of(text);  // one copy out of the Python object, made while we hold the GIL
            std::optional<Date> date;
            if (published) date = parse_iso_date_or_throw(*published);
            Document doc;
            {
                py::gil_scoped_release release;
                doc = shared_extractor().extract(std::move(utf8), date, std::move(doc_id), extraction_of(events));
            }
            return to_python(doc, text);
        },
        py::arg("text"), py::arg("published"), py::arg("doc_id"), py::arg("events") = true,
        "Extract from a str (events too, or temporal expressions only); returns a chronoweave.model.Document that "
        "holds `text`.");
    py::class_<Batch>(m, "BatchExtraction", "Documents of extract_many() as they are extracted, in input order.")
        .def("__iter__", [](Batch& batch) -> Batch& { return batch; })
        .def("__next__", [](Batch& batch) {
            const std::size_t index = batch.handed_out();
            std::optional<Document> document;
            try {
                document = batch.next();
                if (document) return to_python(*document, py::str(document->text));
            } catch (...) {
                raise_with_context(std::current_exception(), "texts_or_pairs[" + std::to_string(index) + "]: ");
            }
            throw py::stop_iteration();
        });
    m.def(
        "extract_many",
        [](const std::vector<std::tuple<py::bytes, std::optional<std::string>, std::string>>& items, std::size_t threads,
           bool events) {
            std::vector<BatchInput> inputs;
            inputs.reserve(items.size());
            for (const auto& [utf8, published, doc_id] : items) inputs.push_back({std::string(utf8), published, doc_id});
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
