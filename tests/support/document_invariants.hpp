#pragma once
// What every Document that Extractor::extract returns promises, checked in one place for the doctest suite and the
// fuzz targets: spans inside the text and on UTF-8 character boundaries, sentences and timexes in text order
// without overlap, TIMEX3 values well-formed, and every index pointing at something that exists.
#include <initializer_list>
#include <string>
#include <string_view>

#include <chronoweave/chronoweave.hpp>

namespace chronoweave::testing {

namespace detail {

inline bool on_boundary(std::string_view text, std::size_t offset) {
    return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

inline bool good_span(std::string_view text, const Span& span) {
    return span.begin < span.end && span.end <= text.size() && on_boundary(text, span.begin) &&
           on_boundary(text, span.end);
}

// A cursor over a value that consumes what matches and leaves the rest.
class ValueReader {
public:
    explicit ValueReader(std::string_view value) : rest_(value) {}
    bool done() const { return rest_.empty(); }
    bool literal(std::string_view s) {
        if (!rest_.starts_with(s)) return false;
        rest_.remove_prefix(s.size());
        return true;
    }
    bool one_of(std::initializer_list<std::string_view> options) {
        for (std::string_view s : options)
            if (literal(s)) return true;
        return false;
    }
    // 1 to max_digits digits whose number is in [low, high].
    bool number(std::size_t max_digits, long low, long high, std::size_t min_digits = 1) {
        std::size_t n = 0;
        long value = 0;
        for (; n < rest_.size() && n < max_digits && rest_[n] >= '0' && rest_[n] <= '9'; ++n)
            value = value * 10 + (rest_[n] - '0');
        if (n < min_digits || value < low || value > high) return false;
        rest_.remove_prefix(n);
        return true;
    }
    bool fixed(std::size_t digits, long low, long high) { return number(digits, low, high, digits); }

private:
    std::string_view rest_;
};

// A decade ("199") or a century ("19") alone, or "2025" or "XXXX" then an optional month (and day), week (and
// weekday or weekend), quarter, half or season, then an optional time of day or part of day. The same before the
// common era, after "BC" ("BC0480-09-20", "BC048"), except for weeks and "XXXX".
inline bool calendar_value(ValueReader r) {
    const bool before_common_era = r.literal("BC");
    if (!(r.fixed(4, before_common_era ? 1 : 0, 9999) || (!before_common_era && r.literal("XXXX")))) {
        ValueReader decade = r;
        if (decade.fixed(3, 0, 999) && decade.done()) return true;
        return r.fixed(2, 0, 99) && r.done();
    }
    if (r.one_of({"-SP", "-SU", "-FA", "-WI"})) {
        // a season: complete
    } else if (r.literal("-W")) {
        if (before_common_era || !(r.fixed(2, 1, 53) || r.literal("XX"))) return false;
        if (r.literal("-") && !(r.fixed(1, 1, 7) || r.literal("WE"))) return false;
    } else if (r.literal("-Q")) {
        if (!r.fixed(1, 1, 4)) return false;
    } else if (r.literal("-H")) {
        if (!r.fixed(1, 1, 2)) return false;
    } else if (r.literal("-")) {
        if (!(r.fixed(2, 1, 12) || r.literal("XX"))) return false;
        if (r.literal("-") && !(r.fixed(2, 1, 31) || r.literal("XX"))) return false;
    }
    if (r.literal("T") && !r.one_of({"MO", "AF", "EV", "NI", "DT"})) {
        if (!(r.fixed(2, 0, 24) && r.literal(":") && r.fixed(2, 0, 59))) return false;
        if (r.literal(":") && !r.fixed(2, 0, 59)) return false;
    }
    return r.done();
}

// A duration or set period: one amount of a TIMEX3 unit, unspecified or with a fraction ("P3Y", "PXD", "P2.5Y",
// "P1DE", "PT2H"), or whole amounts in ISO 8601's order of years, months and days, then "T" and hours, minutes and
// seconds, the last of which may have a fraction ("P2Y6M", "P3005DT4H48M", "PT1H30M").
inline bool one_amount(ValueReader r) {
    const bool time = r.literal("T");
    if (r.number(7, 0, 9999999)) {
        if (r.literal(".") && !r.number(9, 0, 999999999)) return false;
    } else if (!r.literal("X")) {
        return false;
    }
    if (time ? !r.one_of({"H", "M", "S"}) : !r.one_of({"Y", "M", "WE", "W", "DE", "D", "CE", "Q", "H"})) return false;
    return r.done();
}

inline bool iso_amounts(ValueReader r) {
    std::size_t parts = 0;
    bool fraction = false;  // only the last amount may have one
    auto amount_of = [&](std::string_view unit) {
        ValueReader at = r;
        if (fraction || !at.number(7, 0, 9'999'999)) return;
        const bool has_fraction = at.literal(".");
        if ((has_fraction && !at.number(9, 0, 999'999'999)) || !at.literal(unit)) return;
        r = at;
        ++parts;
        fraction = has_fraction;
    };
    for (std::string_view unit : {"Y", "M", "D"}) amount_of(unit);
    if (r.literal("T")) {
        const std::size_t before = parts;
        for (std::string_view unit : {"H", "M", "S"}) amount_of(unit);
        if (parts == before) return false;
    }
    return parts > 0 && r.done();
}

inline bool period_value(ValueReader r) { return r.literal("P") && (one_amount(r) || iso_amounts(r)); }

}  // namespace detail

// The TIMEX3 values chronoweave writes: calendar values ("2025-05-16", "2025-W21-WE", "2025-Q2", "199",
// "XXXX-05-16", "2025-05-16T15:00", "2025-05-16TNI"), durations and set periods ("P3Y", "PT2H", "PXD") and the
// reference words.
inline bool well_formed_timex_value(std::string_view value) {
    return value == "PRESENT_REF" || value == "PAST_REF" || value == "FUTURE_REF" ||
           detail::calendar_value(detail::ValueReader(value)) || detail::period_value(detail::ValueReader(value));
}

// The first promise `doc` breaks, described for a test failure or a fuzzer crash report; "" when it keeps them all.
inline std::string document_violation(const Document& doc) {
    const std::string_view text = doc.text;
    for (std::size_t k = 0; k < doc.sentences.size(); ++k) {
        if (!detail::good_span(text, doc.sentences[k])) return "sentence " + std::to_string(k) + " has a bad span";
        if (k > 0 && doc.sentences[k - 1].end > doc.sentences[k].begin)
            return "sentence " + std::to_string(k) + " overlaps or precedes the one before";
    }
    for (std::size_t k = 0; k < doc.timexes.size(); ++k) {
        const Timex& t = doc.timexes[k];
        const std::string which = "timex " + std::to_string(k) + " (" + t.value + ")";
        if (!detail::good_span(text, t.span)) return which + " has a bad span";
        if (k > 0 && doc.timexes[k - 1].span.end > t.span.begin) return which + " overlaps or precedes the one before";
        if (!well_formed_timex_value(t.value)) return which + " has a malformed value";
        const bool period = t.value.starts_with('P') && !t.value.ends_with("_REF");
        const bool calendar = t.type == TimexType::date || t.type == TimexType::time;
        if ((t.type == TimexType::duration && !period) || (calendar && period))
            return which + " has a value that does not fit its type " + std::string(to_string(t.type));
        if (t.interval != (calendar ? timex_interval(t.value) : std::nullopt))
            return which + " has an interval that is not the one its value names";
        if (t.interval && !t.interval->ok()) return which + " has an empty interval";
        if ((t.anchor == AnchorKind::timex) != t.anchor_timex.has_value() ||
            (t.anchor_timex && (*t.anchor_timex >= doc.timexes.size() || *t.anchor_timex == k)))
            return which + " is anchored to a timex the document does not have, or to itself";
        // An anchor may come later ("the day before May 16"), but a chain of anchors ends.
        std::size_t steps = 0;
        for (auto at = t.anchor_timex; at; at = doc.timexes[*at].anchor_timex)
            if (++steps > doc.timexes.size() || *at >= doc.timexes.size())
                return which + " is on a chain of timex anchors that never ends";
        if ((t.anchor == AnchorKind::event) != t.anchor_event.has_value() ||
            (t.anchor_event && *t.anchor_event >= doc.events.size()))
            return which + " is anchored to an event the document does not have";
        if (t.type != TimexType::set && !(t.quant.empty() && t.freq.empty())) return which + " has quant or freq";
        if (t.rule.empty()) return which + " names no rule";
    }
    for (const TimexRange& r : doc.ranges)
        if (!(r.from < r.to && r.to < doc.timexes.size())) return "a range points at timexes that do not exist";
    for (std::size_t k = 0; k < doc.events.size(); ++k) {
        const Event& e = doc.events[k];
        const std::string which = "event '" + e.kind + "' at " + std::to_string(e.trigger.begin);
        if (!detail::good_span(text, e.trigger) || (e.time && *e.time >= doc.timexes.size()))
            return which + " has a bad trigger span or time";
        if (k > 0 && doc.events[k - 1].trigger.begin >= e.trigger.begin) return which + " is out of text order";
        if (e.plover.empty() || e.cameo.empty()) return which + " has no PLOVER category or CAMEO code";
        for (const auto& span : {e.place_mention, e.quantity_mention})
            if (span && !detail::good_span(text, *span)) return which + " has a bad place or quantity span";
        if (e.place.empty() != !e.place_mention || e.quantity.empty() != !e.quantity_mention)
            return which + " has a place or quantity without its mention, or the reverse";
        for (const Participant& p : e.participants)
            if (p.name.empty() || !p.mention || !detail::good_span(text, *p.mention))
                return which + " has a participant without a name or mention";
        if ((e.time_source == TimeSource::timex) != e.time.has_value()) return which + " has a time source without its timex";
        if ((e.time_source == TimeSource::none) == e.interval.has_value()) return which + " has an interval without a time";
        if (e.time_source == TimeSource::publication && !doc.published) return which + " is dated by a missing publication";
        for (std::size_t r : e.reports)
            if (r >= doc.events.size() || r == k) return which + " reports an event that does not exist";
    }
    for (const Relation& r : doc.relations)
        for (const NodeRef& n : {r.from, r.to})
            if (n.index >= (n.kind == NodeKind::event ? doc.events.size() : doc.timexes.size()))
                return "a relation points at a node that does not exist";
    return {};
}

}  // namespace chronoweave::testing
