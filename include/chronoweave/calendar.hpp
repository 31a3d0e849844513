#pragma once
// Calendar values: publication dates and the intervals that timexes denote, on Howard Hinnant's date library.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace chronoweave {

using Date = date::year_month_day;

// The years a TIMEX3 value can spell with four digits; dates outside are not representable.
inline constexpr date::year min_year{0};
inline constexpr date::year max_year{9999};

constexpr bool representable(const Date& d) noexcept {
    return d.ok() && d.year() >= min_year && d.year() <= max_year;
}

// "2025-05-16" -> Date; nullopt when the string is not an ISO calendar date of a real, representable day.
std::optional<Date> parse_iso_date(std::string_view text) noexcept;
// Same, but throws InvalidDateError with a message naming the bad input.
Date parse_iso_date_or_throw(std::string_view text);
// "2025-05-16"; a year before year 0 with its sign, as ISO 8601 does: "-0489-08-15" (490 BC).
std::string format_iso_date(const Date& d);

// The stretch of time a temporal expression denotes, half-open [begin, end) in naive (zone-less) local seconds.
// A day is [00:00, next 00:00); "May 2025" is [May 1, June 1); an instant such as 15:00 is one minute.
struct CalendarInterval {
    date::sys_seconds begin{};
    date::sys_seconds end{};

    static CalendarInterval days(date::sys_days first, date::sys_days last) noexcept {
        return {date::sys_seconds{first}, date::sys_seconds{last + date::days{1}}};
    }
    constexpr bool ok() const noexcept { return begin < end; }
    date::sys_days first_day() const noexcept { return date::floor<date::days>(begin); }
    date::sys_days last_day() const noexcept { return date::floor<date::days>(end - std::chrono::seconds{1}); }
    constexpr bool contains(const CalendarInterval& o) const noexcept { return begin <= o.begin && o.end <= end; }
    constexpr bool overlaps(const CalendarInterval& o) const noexcept { return begin < o.end && o.begin < end; }
    friend constexpr bool operator==(const CalendarInterval&, const CalendarInterval&) = default;
};

// The calendar stretch a TIMEX3 value names: "2025-05-16", "2025-05", "2025", "2025-W21", "2025-W21-WE",
// "2025-Q2", "2025-H1", "2022-SP" (meteorological seasons), "199" (or "199X"), "19" (or "19XX"), "2025-05-16T15:00",
// "2025-05-16TNI" (parts of day: MO 06-12, AF 12-18, EV 18-24, NI 20-30, DT 08-18), and the same before the
// common era ("BC0490-08", "BC048" the 480s BC), whose years the calendar counts astronomically: 490 BC is year -489.
// nullopt for values that name no fixed stretch (durations, PRESENT_REF, "XXXX-05-16") or that are malformed.
std::optional<CalendarInterval> timex_interval(std::string_view value) noexcept;

}  // namespace chronoweave
