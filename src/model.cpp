// Names of the data model's enumerations and the calendar helpers.
#include <chronoweave/calendar.hpp>
#include <chronoweave/error.hpp>
#include <chronoweave/event.hpp>
#include <chronoweave/relation.hpp>
#include <chronoweave/timex.hpp>

#include <array>
#include <cstdio>
#include <utility>

#include "digits.hpp"

namespace chronoweave {
namespace {

template <class Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::string_view, N>& names, std::string_view text) noexcept {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == text) return static_cast<Enum>(i);
    return std::nullopt;
}

constexpr std::array<std::string_view, 4> timex_type_names{"DATE", "TIME", "DURATION", "SET"};
constexpr std::array<std::string_view, 13> timex_mod_names{
    "", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
    "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX"};
constexpr std::array<std::string_view, 6> event_status_names{"occurred", "planned", "proposed",
                                                             "possible", "negated", "unknown"};
constexpr std::array<std::string_view, 4> anchor_kind_names{"none", "publication", "timex", "event"};
constexpr std::array<std::string_view, 3> time_source_names{"none", "timex", "publication"};
constexpr std::array<std::string_view, 7> relation_type_names{"BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED",
                                                              "SIMULTANEOUS", "OVERLAP", "VAGUE"};

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::string_view to_string(TimexType t) noexcept { return timex_type_names[static_cast<std::size_t>(t)]; }
std::string_view to_string(TimexMod m) noexcept { return timex_mod_names[static_cast<std::size_t>(m)]; }
std::string_view to_string(AnchorKind a) noexcept { return anchor_kind_names[static_cast<std::size_t>(a)]; }
std::string_view to_string(EventStatus s) noexcept { return event_status_names[static_cast<std::size_t>(s)]; }
std::string_view to_string(TimeSource s) noexcept { return time_source_names[static_cast<std::size_t>(s)]; }
std::string_view to_string(RelationType r) noexcept { return relation_type_names[static_cast<std::size_t>(r)]; }

std::optional<TimexType> timex_type_from_string(std::string_view s) noexcept { return lookup<TimexType>(timex_type_names, s); }
std::optional<TimexMod> timex_mod_from_string(std::string_view s) noexcept { return lookup<TimexMod>(timex_mod_names, s); }
std::optional<EventStatus> event_status_from_string(std::string_view s) noexcept {
    return lookup<EventStatus>(event_status_names, s);
}
std::optional<TimeSource> time_source_from_string(std::string_view s) noexcept {
    return lookup<TimeSource>(time_source_names, s);
}
std::optional<RelationType> relation_type_from_string(std::string_view s) noexcept {
    return lookup<RelationType>(relation_type_names, s);
}

RelationType inverse(RelationType r) noexcept {
    switch (r) {
        case RelationType::before: return RelationType::after;
        case RelationType::after: return RelationType::before;
        case RelationType::includes: return RelationType::is_included;
        case RelationType::is_included: return RelationType::includes;
        default: return r;
    }
}

std::optional<Date> parse_iso_date(std::string_view text) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    auto num = [](std::string_view s) {
        int v = 0;
        for (char c : s) v = v * 10 + (c - '0');
        return v;
    };
    const Date date{date::year{num(y)}, date::month{static_cast<unsigned>(num(m))},
                    date::day{static_cast<unsigned>(num(d))}};
    if (!representable(date)) return std::nullopt;
    return date;
}

Date parse_iso_date_or_throw(std::string_view text) {
    if (auto d = parse_iso_date(text)) return *d;
    throw InvalidDateError("not a calendar date in the form YYYY-MM-DD: '" + std::string(text.substr(0, 64)) + "'");
}

std::string format_iso_date(const Date& d) {
    std::string text;
    text.reserve(11);
    // ISO 8601 writes a year before year 0 with its sign and at least four digits: "-0489-08-15".
    const int y = static_cast<int>(d.year());
    if (y < 0) text += '-';
    impl::append_zero_padded(text, y < 0 ? -y : y, 4);
    text += '-';
    impl::append_zero_padded(text, static_cast<unsigned>(d.month()), 2);
    text += '-';
    impl::append_zero_padded(text, static_cast<unsigned>(d.day()), 2);
    return text;
}

}  // namespace chronoweave
