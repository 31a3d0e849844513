#pragma once
// What every Document that Extractor::extract returns promises, checked in one place for the doctest suite and the
// fuzz targets: spans inside the text and on UTF-8 character boundaries, sentences and timexes in text order
// without overlap, TIMEX3 values well-formed, and every index pointing at something that exists.
#include <regex>
#include <string>
#include <string_view>

#include <chronoweave/chronoweave.hpp>

namespace chronoweave::testing {

// The TIMEX3 values chronoweave writes: calendar values ("2025-05-16", "2025-W21-WE", "2025-Q2", "199X",
// "XXXX-05-16", "2025-05-16T15:00", "2025-05-16TNI"), durations and set periods ("P3Y", "PT2H", "PXD") and the
// reference words. Counts have at most seven digits: larger ones are documented to stay untagged.
inline bool well_formed_timex_value(std::string_view value) {
    static const std::regex pattern(
        "(?:(?:[0-9]{4}|[0-9]{3}X|[0-9]{2}XX|XXXX)"
        "(?:-(?:0[1-9]|1[0-2]|XX)(?:-(?:0[1-9]|[12][0-9]|3[01]|XX))?"
        "|-W(?:0[1-9]|[1-4][0-9]|5[0-3]|XX)(?:-(?:[1-7]|WE))?"
        "|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?"
        "(?:T(?:(?:[01][0-9]|2[0-4]):[0-5][0-9](?::[0-5][0-9])?|MO|AF|EV|NI|DT))?)"
        "|P(?:[0-9]{1,7}|X)(?:Y|M|W|D|DE|CE|Q|H|WE)"
        "|PT(?:[0-9]{1,7}|X)(?:H|M|S)"
        "|(?:PRESENT|PAST|FUTURE)_REF");
    return std::regex_match(value.begin(), value.end(), pattern);
}

namespace detail {

inline bool on_boundary(std::string_view text, std::size_t offset) {
    return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

inline bool good_span(std::string_view text, const Span& span) {
    return span.begin < span.end && span.end <= text.size() && on_boundary(text, span.begin) &&
           on_boundary(text, span.end);
}

}  // namespace detail

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
        if ((t.anchor == AnchorKind::timex) != t.anchor_timex.has_value() || (t.anchor_timex && *t.anchor_timex >= k))
            return which + " is anchored to a timex that is not an earlier one";
        if (t.type != TimexType::set && !(t.quant.empty() && t.freq.empty())) return which + " has quant or freq";
        if (t.rule.empty()) return which + " names no rule";
    }
    for (const TimexRange& r : doc.ranges)
        if (!(r.from < r.to && r.to < doc.timexes.size())) return "a range points at timexes that do not exist";
    for (const Event& e : doc.events)
        if (!detail::good_span(text, e.trigger) || (e.time && *e.time >= doc.timexes.size()))
            return "event '" + e.kind + "' has a bad trigger span or time";
    for (const Relation& r : doc.relations)
        for (const NodeRef& n : {r.from, r.to})
            if (n.index >= (n.kind == NodeKind::event ? doc.events.size() : doc.timexes.size()))
                return "a relation points at a node that does not exist";
    return {};
}

}  // namespace chronoweave::testing
