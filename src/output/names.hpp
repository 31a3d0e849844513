#pragma once
// The names the outputs give things: element ids and calendar days. Internal to the library.
#include <cstddef>
#include <string>

#include <chronoweave/calendar.hpp>

namespace chronoweave::impl {

// "t3" for the timex at index 2, "n3" for the timeline node at index 2. Built by appending: GCC 12 misreports
// "t" + std::string as overlapping (PR 105329).
inline std::string numbered_id(char prefix, std::size_t index) {
    std::string id(1, prefix);
    id += std::to_string(index + 1);
    return id;
}
inline std::string timex_id(std::size_t index) { return numbered_id('t', index); }
inline std::string node_id(std::size_t index) { return numbered_id('n', index); }

inline std::string day_text(date::sys_days d) { return format_iso_date(date::year_month_day{d}); }
// "2025-05-16", or "2025-06-20 to 2025-06-30".
inline std::string day_range_text(date::sys_days first, date::sys_days last) {
    return first == last ? day_text(first) : day_text(first) + " to " + day_text(last);
}

}  // namespace chronoweave::impl
