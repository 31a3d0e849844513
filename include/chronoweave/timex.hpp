#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <chronoweave/calendar.hpp>
#include <chronoweave/span.hpp>

namespace chronoweave {

enum class TimexType : std::uint8_t { date, time, duration, set };

// TIMEX3 mod values (TimeML 1.2.1).
enum class TimexMod : std::uint8_t {
    none, before, after, on_or_before, on_or_after, less_than, more_than,
    equal_or_less, equal_or_more, start, mid, end, approx
};

std::string_view to_string(TimexType) noexcept;   // "DATE", "TIME", "DURATION", "SET"
std::string_view to_string(TimexMod) noexcept;    // "" for none, else "APPROX", "START", ...
std::optional<TimexType> timex_type_from_string(std::string_view) noexcept;
std::optional<TimexMod> timex_mod_from_string(std::string_view) noexcept;

// What a timex's value was resolved against.
enum class AnchorKind : std::uint8_t {
    none,          // absolute ("May 16, 2025") or not anchored (durations, sets)
    publication,   // the document's publication date
    timex,         // another timex of the document (anchor_timex)
    event          // an event of the document (anchor_event): "the night before the Kremlin's announcement"
};

std::string_view to_string(AnchorKind) noexcept;  // "none", "publication", "timex", "event"

// One temporal expression: where it is, what kind it is, and its normalized TIMEX3 value.
struct Timex {
    Span span;
    TimexType type = TimexType::date;
    std::string value;             // TIMEX3 value: "2025-05-16", "2025-W21", "P3Y", "PRESENT_REF", ...
    TimexMod mod = TimexMod::none;
    std::string quant;             // SET only: "EVERY", "EACH", ...
    std::string freq;              // SET only: "2X", ...
    std::optional<CalendarInterval> interval;  // for DATE/TIME values that name a stretch of the calendar
    AnchorKind anchor = AnchorKind::none;
    std::optional<std::size_t> anchor_timex;   // index into Document::timexes when anchor == timex
    std::optional<std::size_t> anchor_event;   // index into Document::events when anchor == event
    std::string rule;              // the rule that recognized it, for explanations and debugging

    friend bool operator==(const Timex&, const Timex&) = default;
};

// Two timexes that bound a range ("between June 20 and June 30"), as indexes into Document::timexes.
struct TimexRange {
    std::size_t from = 0;
    std::size_t to = 0;
    friend bool operator==(const TimexRange&, const TimexRange&) = default;
};

}  // namespace chronoweave
