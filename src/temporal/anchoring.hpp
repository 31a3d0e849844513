#pragma once
// The anchoring pass: turns a Frame into a TIMEX3 value against the publication date or the story's reference time.
#include <optional>
#include <string>

#include <chronoweave/calendar.hpp>
#include <chronoweave/timex.hpp>

#include "frame.hpp"

namespace chronoweave::impl {

// future_in_past ("would") is read by the extractor as future in news and as the story's own time in a story;
// anchoring sees only the other three.
enum class Tense : signed char { past = -1, unknown = 0, future = 1, future_in_past = 2 };

struct AnchorContext {
    std::optional<Date> publication;
    std::optional<Date> reference;   // the last fully dated day the text talked about
    // The first day of the last dated stretch of any size the text talked about ("in June 1998", "last year"):
    // what "that year" or "the following month" counts from.
    std::optional<Date> dated;
    // In a story told away from its publication date (history, a look back), the start of the last dated stretch
    // it talked about: partial dates ("in April") then follow the story, not the publication year. Left unset for
    // what is read against a day ("the next morning") when the story last named more than a month ("in 1990").
    std::optional<Date> story;
    std::optional<Date> period;      // the first day of the last quarter the text named ("the third quarter")
    Tense tense = Tense::unknown;
};

struct Resolution {
    TimexType type = TimexType::date;
    std::string value;
    AnchorKind anchor = AnchorKind::none;
    bool used_reference = false;
    bool used_dated = false;         // counted from AnchorContext::dated
    bool used_period = false;
    std::optional<Date> day;         // the day it names, when it names exactly one (becomes the reference time)
};

// nullopt when the frame cannot be a timex after all (an impossible date such as "February 30").
std::optional<Resolution> resolve(const Frame& frame, const AnchorContext& context);

// Where a month or season frame falls in the year that names it, for ordering two of them: its month, a season's
// first month, or January for a winter. 0 for a frame that names neither.
unsigned named_month(const Frame& frame);

// The stretch a frame counts ("two hours" of "two hours later", "a week" of "a week after the talks"), read as a
// duration when there is nothing to count it from.
Frame as_duration(Frame frame);

// Whether an interval is one whole day: a day that a count, a night or a clock time can be read against.
bool one_day(const std::optional<CalendarInterval>& interval) noexcept;

// The frame read against `day` as the text's reference time ("ten days before" May 16, "3 p.m." on Friday, the night
// before the announcement's day); nullopt unless the value names a stretch of the calendar.
std::optional<Resolution> resolve_against_day(Frame frame, AnchorContext context, Date day);

// Gives the timex the resolution's type, its value and the interval that value names.
void take_value(Timex& timex, const Resolution& resolution);

}  // namespace chronoweave::impl
