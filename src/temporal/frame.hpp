#pragma once
// What a matched temporal expression says, field by field, before it is resolved against an anchor.
// Lexicon entries and rules fill a Frame through assignments such as "month=5" or "unit=D dir=-1".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <chronoweave/timex.hpp>

namespace chronoweave::impl {

// Calendar units, in TIMEX3 duration spelling order.
enum class Unit : std::uint8_t { none, second, minute, hour, part_of_day, day, weekend, week, month, quarter, half, season, year, decade, century };

std::optional<Unit> unit_from_string(std::string_view) noexcept;  // "D", "W", "M", "Y", "H", "MIN", ...

enum class Anchoring : std::uint8_t {
    publication,  // relative to the document's publication date ("yesterday", "last week")
    reference,    // relative to the time the story last talked about ("the next day", "that week")
    story,        // relative to a story's own time when the text tells one ("later in the year"), else to publication
    following,    // relative to what the words after it name: an event ("the night before the announcement") once
                  // the events are known, else as `reference`
    sentence_day  // relative to the day its sentence names, wherever in the sentence ("drones struck overnight, the
                  // ministry said on Saturday"), else as `publication`
};

struct Frame {
    std::optional<TimexType> type;
    bool reject = false;           // a rule that says "this is not a timex" ("50-year-old")
    TimexMod mod = TimexMod::none;
    std::optional<int> year, month, day, week, weekday, quarter, half, hour, minute, second;
    std::optional<int> decade;     // 199 for "the 1990s"
    std::optional<int> century;    // 19 for "the 1900s" / "the 20th century"
    std::optional<int> nth;        // an ordinal read by a rule ("the third quarter")
    std::string season;            // SP SU FA WI
    std::string part_of_day;       // MO AF EV NI DT
    std::optional<int> meridiem;   // 0 for a.m., 12 for p.m.
    bool two_digit_year = false;
    bool before_common_era = false;  // "480 BC": TIMEX3 writes the year, decade or century after "BC"
    Unit unit = Unit::none;
    std::optional<long long> qty;  // a count of units
    std::string qty_fraction;      // the digits after the count's decimal point ("5" of "2.5 years")
    bool vague_qty = false;        // "several days", "years"
    std::optional<int> dir;        // -1 before the anchor, 0 the anchor's own, +1 after
    // Where "the weekend" said on a weekday leans when the tense does not look ahead: -1, the one just past.
    std::optional<int> lean;
    // "soon" in a clause about the past ("the crowd soon grew") tells of shortly after that past, not of the future.
    bool not_in_past = false;
    std::string ref;               // PRESENT_REF, PAST_REF, FUTURE_REF
    std::string literal_value;     // a value given whole by the lexicon (rare)
    Anchoring anchoring = Anchoring::publication;
    // Earnings reports date "a year earlier" and "the year-ago quarter" by the quarter they report on: when the text
    // has named a quarter, the value is that quarter moved by this many months, else the rule's own reading.
    std::optional<int> period_shift;
    // Holidays that float: the first such weekday on or after month/day (Thanksgiving: Thursday on or after Nov 22).
    std::optional<int> floating_weekday;
    // Feasts that move with Easter: so many days from Easter Sunday by the western or the Orthodox rule (Good Friday:
    // -2). The holiday's month and day are then only where it falls in most years, for choosing its year.
    std::optional<int> western_easter, orthodox_easter;
    // A unit word worth several of the unit ("fortnight": two weeks); interpret() turns the count into the unit's.
    std::optional<int> unit_count;
    std::optional<int> and_half;   // "two and a half years", "5 1/2 hours": half a unit more than qty
    // "a week after the talks": read as the stretch itself until what follows the signal word dates it; "a week
    // later" before the text has dated anything, the same.
    bool duration_alone = false;
    struct Amount {
        Unit unit = Unit::none;
        long long qty = 0;
    };
    std::optional<Amount> plus;    // "two hours and 30 minutes", "1 week 1 day": a smaller amount added to qty units
    std::string quant, freq;
};

// Whether the frame, left without a year, is read against one day ("the next morning", "on Friday", "at 3 p.m."),
// not against a month or a year ("that June", "the following year").
bool reads_against_day(const Frame& frame) noexcept;

// One "field=value" of a lexicon entry or rule, parsed once at load time.
struct Assignment {
    enum class Field : std::uint8_t {
        type, mod, year, month, day, week, weekday, quarter, half, hour, minute, second, decade, century, nth,
        season, part_of_day, meridiem, unit, qty, dir, ref, value, anchor, quant, freq, period, floating,
        western_easter, orthodox_easter, unit_count, and_half, era, lean, in_past, alone
    };
    Field field{};
    std::string text;                 // textual values (type, mod, season, ...)
    long long number = 0;             // numeric values
    bool unspecified = false;         // "qty=X": a count the text leaves open
    std::optional<Field> copy_from;   // "quarter=nth": take another field's value
};

// Parses "month=5"; throws ResourceError naming `where` when the key or value is not known.
Assignment parse_assignment(std::string_view key, std::string_view value, std::string_view where);
// Applies in order; assignments that copy from an unset field do nothing.
void apply(Frame& frame, const std::vector<Assignment>& assignments);

}  // namespace chronoweave::impl
