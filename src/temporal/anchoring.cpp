#include "anchoring.hpp"

#include <array>
#include <cstdlib>

#include <date/iso_week.h>
#include <date/julian.h>

#include "../digits.hpp"

namespace chronoweave::impl {
namespace {

using namespace date;


// The years a TIMEX3 value can write, from BC9999 (year -9998, as the calendar counts them) to 9999. Year 0 is
// written "0000", as ISO 8601 writes 1 BC, which is what the calendar's year 0 is.
constexpr int first_writable_year = -9998, last_writable_year = 9999;
bool writable(int y) { return y >= first_writable_year && y <= last_writable_year; }
bool writable(const year_month_day& d) { return d.ok() && writable(static_cast<int>(d.year())); }

// A calendar year as TIMEX3 counts it: -479 is "BC" 480.
std::string era_of(int y) { return y < 0 ? "BC" : ""; }
int era_year(int y) { return y < 0 ? 1 - y : y; }
std::string year_text(int y) { return era_of(y) + zero_padded(era_year(y), 4); }
std::string ymd_text(const year_month_day& d) {
    if (d.year() >= year{0}) return format_iso_date(d);
    return year_text(static_cast<int>(d.year())) + "-" + zero_padded(static_cast<unsigned>(d.month()), 2) + "-" +
           zero_padded(static_cast<unsigned>(d.day()), 2);
}
// nullopt when the ISO week-numbering year is not a four-digit year: the first days of year 0 belong to a week of
// year -1, the last days of 9999 may belong to one of 10000.
std::optional<std::string> week_text(sys_days d) {
    const iso_week::year_weeknum_weekday w{d};
    const int y = static_cast<int>(w.year());
    if (y < 0 || y > 9999) return std::nullopt;
    return zero_padded(y, 4) + "-W" + zero_padded(static_cast<unsigned>(w.weeknum()), 2);
}

int quarter_of(const year_month_day& d) { return (static_cast<int>(static_cast<unsigned>(d.month())) - 1) / 3 + 1; }

const char* unit_letter(Unit u) {
    switch (u) {
        case Unit::second: return "S";
        case Unit::minute: return "M";
        case Unit::hour: return "H";
        case Unit::day: return "D";
        case Unit::weekend: return "WE";
        case Unit::week: return "W";
        case Unit::month: return "M";
        case Unit::quarter: return "Q";
        case Unit::half: return "H";
        case Unit::year: return "Y";
        case Unit::decade: return "DE";
        case Unit::century: return "CE";
        default: return nullptr;
    }
}

// The month of a meteorological season that lies in the year naming it: its first, or January for a winter, which is
// named by the year of its January as TimeBank, WikiWars and the tweet corpus write it (2014-WI is December 2013 to
// February 2014). 0 for a code that is not a season.
unsigned season_named_month(std::string_view code) {
    return code == "SP" ? 3 : code == "SU" ? 6 : code == "FA" ? 9 : code == "WI" ? 1 : 0;
}

// The first month of a season in year y; nullopt for a code that is not a season.
std::optional<year_month> season_start(std::string_view code, date::year y) {
    const unsigned named = season_named_month(code);
    if (named == 0) return std::nullopt;
    return named == 1 ? (y - date::years{1}) / date::December : y / month{named};
}

bool time_unit(Unit u) { return u == Unit::second || u == Unit::minute || u == Unit::hour; }

// A duration as TIMEX3 writes one that is not a whole number of a single unit: whole years, months, days, hours,
// minutes and seconds ("2 1/2 years" is P2Y6M, "1.25 hours" PT1H15M, "1 week 1 day" P8D).
class DurationParts {
public:
    // Adds whole + numerator/denominator units, carrying a fraction down into smaller units; false when it does not
    // come out whole in seconds, or an amount would pass seven digits (as a count of one unit may: a million).
    bool add(Unit unit, long long whole, long long numerator = 0, long long denominator = 1) {
        const auto [slot, scale] = slot_of(unit);
        if (slot == none || whole < 0 || whole > most || numerator < 0 || denominator <= 0) return false;
        amounts_[slot] += whole * scale;
        long long rest = numerator * scale;  // below denominator * 100, which the grammar keeps under 10^11
        for (std::size_t s = slot;; ++s) {
            amounts_[s] += rest / denominator;
            if (amounts_[s] > most) return false;
            rest %= denominator;
            if (rest == 0) return true;
            if (s + 1 == amounts_.size()) return false;
            rest *= carry_[s];
        }
    }

    std::string text() const {
        static constexpr const char* letters[] = {"Y", "M", "D", "H", "M", "S"};
        std::string out = "P";
        for (std::size_t s = 0; s < amounts_.size(); ++s) {
            if (amounts_[s] == 0) continue;
            if (s >= 3 && out.find('T') == std::string::npos) out += 'T';
            out += std::to_string(amounts_[s]) + letters[s];
        }
        return out == "P" ? "PT0S" : out;
    }

private:
    static constexpr std::size_t none = 6;
    static constexpr long long most = 9'999'999;
    static std::pair<std::size_t, long long> slot_of(Unit u) {
        switch (u) {
            case Unit::century: return {0, 100};
            case Unit::decade: return {0, 10};
            case Unit::year: return {0, 1};
            case Unit::half: return {1, 6};
            case Unit::quarter: return {1, 3};
            case Unit::month: return {1, 1};
            case Unit::week: return {2, 7};
            case Unit::day: return {2, 1};
            case Unit::hour: return {3, 1};
            case Unit::minute: return {4, 1};
            case Unit::second: return {5, 1};
            default: return {none, 0};
        }
    }
    // How many of the next smaller slot make one of a slot; a month counts as 30 days, as TIMEX3 values do.
    static constexpr std::array<long long, 5> carry_{12, 30, 24, 60, 60};
    std::array<long long, 6> amounts_{};
};

// The day `n` units away from `d`; months and years keep the day clamped to the month's end.
std::optional<year_month_day> shift(const year_month_day& d, Unit unit, long long n) {
    if (std::llabs(n) > 100000) return std::nullopt;
    const int k = static_cast<int>(n);
    auto clamp_day = [](year_month ym, day dd) {
        const auto last = (ym.year() / ym.month() / date::last).day();
        return ym.year() / ym.month() / (dd > last ? last : dd);
    };
    switch (unit) {
        case Unit::day: case Unit::part_of_day: return year_month_day{sys_days{d} + days{k}};
        case Unit::week: case Unit::weekend: return year_month_day{sys_days{d} + days{7 * k}};
        case Unit::month: return clamp_day(year_month{d.year(), d.month()} + months{k}, d.day());
        case Unit::quarter: return clamp_day(year_month{d.year(), d.month()} + months{3 * k}, d.day());
        case Unit::half: return clamp_day(year_month{d.year(), d.month()} + months{6 * k}, d.day());
        case Unit::year: return clamp_day(year_month{d.year() + years{k}, d.month()}, d.day());
        case Unit::decade: return clamp_day(year_month{d.year() + years{10 * k}, d.month()}, d.day());
        case Unit::century: return clamp_day(year_month{d.year() + years{100 * k}, d.month()}, d.day());
        default: return std::nullopt;
    }
}

// The part of a unit a count adds to its whole units, as numerator and denominator: 1/2 for "and a half", 5/10 for
// "2.5"; 0/1 for a whole count. A count is at most a million and a fraction at most nine digits, so the products
// below stay far from overflow.
std::pair<long long, long long> fraction_of_count(const Frame& f) {
    if (f.and_half) return {1, 2};
    if (f.qty_fraction.empty()) return {0, 1};
    long long denominator = 1;
    for (std::size_t i = 0; i < f.qty_fraction.size(); ++i) denominator *= 10;
    return {std::stoll(f.qty_fraction), denominator};
}

// A count with a fraction ("2.5 years", "a year and a half") in whole units of the next smaller calendar unit, to the
// nearest (30 months): what a date that far away is counted in. nullopt for a whole count, or a unit with none below
// it on the calendar.
std::optional<std::pair<Unit, long long>> in_smaller_units(const Frame& f) {
    const auto [smaller, scale] = [&]() -> std::pair<Unit, long long> {
        switch (f.unit) {
            case Unit::century: return {Unit::year, 100};
            case Unit::decade: return {Unit::year, 10};
            case Unit::year: return {Unit::month, 12};
            case Unit::half: return {Unit::month, 6};
            case Unit::quarter: return {Unit::month, 3};
            case Unit::month: return {Unit::day, 30};  // as TIMEX3 durations count a month
            case Unit::week: return {Unit::day, 7};
            default: return {Unit::none, 0};
        }
    }();
    const auto [numerator, denominator] = fraction_of_count(f);
    if (smaller == Unit::none || !f.qty || numerator == 0) return std::nullopt;
    return std::pair{smaller, *f.qty * scale + (numerator * scale + denominator / 2) / denominator};
}

std::optional<std::string> format_at(const year_month_day& d, Unit unit) {
    if (!writable(d)) return std::nullopt;
    const int y = static_cast<int>(d.year());
    switch (unit) {
        case Unit::day: case Unit::part_of_day: case Unit::hour: case Unit::minute: case Unit::second:
            return ymd_text(d);
        case Unit::week: return week_text(sys_days{d});
        case Unit::weekend: {
            auto week = week_text(sys_days{d});
            if (week) *week += "-WE";
            return week;
        }
        case Unit::month: return year_text(y) + "-" + zero_padded(static_cast<unsigned>(d.month()), 2);
        case Unit::quarter: return year_text(y) + "-Q" + std::to_string(quarter_of(d));
        case Unit::half: return year_text(y) + "-H" + std::to_string(quarter_of(d) <= 2 ? 1 : 2);
        case Unit::year: return year_text(y);
        // TIMEX3 names a decade or a century by truncating the year: "199" is the 1990s, "19" the 1900s, "BC048"
        // the 480s BC.
        case Unit::decade: return era_of(y) + zero_padded(era_year(y) / 10, 3);
        case Unit::century: return era_of(y) + zero_padded(era_year(y) / 100, 2);
        default: return std::nullopt;
    }
}

std::string time_suffix(const Frame& f) {
    if (f.hour) {
        int h = *f.hour;
        if (f.meridiem) h = h % 12 + *f.meridiem;
        std::string text = "T";
        append_zero_padded(text, h, 2);
        text += ':';
        append_zero_padded(text, f.minute.value_or(0), 2);
        if (f.second) {
            text += ':';
            append_zero_padded(text, *f.second, 2);
        }
        return text;
    }
    if (!f.part_of_day.empty()) return "T" + f.part_of_day;
    return {};
}

// Easter Sunday of year y (1 to 9999) as the calendar writes it. The Orthodox churches reckon it on the Julian
// calendar, as every church did before 1583; the western ones since then on the Gregorian (the anonymous Gregorian
// algorithm, as Meeus gives it).
std::optional<sys_days> easter_sunday(int y, bool orthodox) {
    if (y < 1 || y > 9999) return std::nullopt;
    if (orthodox || y < 1583) {
        const int d = (19 * (y % 19) + 15) % 30;
        const int e = (2 * (y % 4) + 4 * (y % 7) - d + 34) % 7;
        const auto m = static_cast<unsigned>((d + e + 114) / 31), dd = static_cast<unsigned>((d + e + 114) % 31 + 1);
        return sys_days{julian::year_month_day{julian::year{y}, julian::month{m}, julian::day{dd}}};
    }
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const auto month_number = static_cast<unsigned>((h + l - 7 * m + 114) / 31);
    const auto day_number = static_cast<unsigned>((h + l - 7 * m + 114) % 31 + 1);
    return sys_days{date::year{y} / month{month_number} / day{day_number}};
}

bool moves_with_easter(const Frame& f) { return f.western_easter || f.orthodox_easter; }

// The day a month/day frame names in year y; a floating holiday moves on to its weekday (Thanksgiving: the Thursday
// on or after Nov 22), a feast that moves with Easter to its day.
std::optional<sys_days> calendar_day(const Frame& f, int y) {
    if (moves_with_easter(f)) {
        const auto sunday = easter_sunday(y, f.orthodox_easter.has_value());
        if (!sunday) return std::nullopt;
        return *sunday + days{f.orthodox_easter ? *f.orthodox_easter : *f.western_easter};
    }
    if (*f.month < 1 || *f.month > 12 || *f.day < 1 || *f.day > 31) return std::nullopt;
    const year_month_day d{date::year{y}, month{static_cast<unsigned>(*f.month)}, day{static_cast<unsigned>(*f.day)}};
    if (!d.ok()) return std::nullopt;
    const sys_days from{d};
    if (!f.floating_weekday) return from;
    return from + (weekday{static_cast<unsigned>(*f.floating_weekday % 7)} - weekday{from});
}

// The first and last day a month/day/quarter/half/season frame names in year y.
std::optional<std::pair<sys_days, sys_days>> bounds_in_year(const Frame& f, int y) {
    const date::year yy{y};
    unsigned first_month = 1, months_long = 12;
    if (f.month) first_month = static_cast<unsigned>(*f.month), months_long = 1;
    else if (f.quarter) first_month = static_cast<unsigned>((*f.quarter - 1) * 3 + 1), months_long = 3;
    else if (f.half) first_month = static_cast<unsigned>((*f.half - 1) * 6 + 1), months_long = 6;
    if (first_month < 1 || first_month > 12) return std::nullopt;
    year_month first = yy / month{first_month};
    if (!f.season.empty()) {
        const auto start = season_start(f.season, yy);
        if (!start) return std::nullopt;
        first = *start;
        months_long = 3;
    }
    if (f.day && f.month) {
        const auto d = calendar_day(f, y);
        if (!d) return std::nullopt;
        return std::pair{*d, *d};
    }
    const year_month last = first + months{static_cast<int>(months_long) - 1};
    return std::pair{sys_days{first / 1}, sys_days{last.year() / last.month() / date::last}};
}

// News reports mostly speak of their own year; a neighbouring year is chosen only when the tense clearly rules the
// publication year out (a past event a month or more after publication, a future one a month or more before), or,
// without a tense, when the neighbouring year's reading is much closer. Without a tense the reading leans to the past,
// which news mostly reports: a date five months ahead is taken as the one seven months back.
int choose_year(const Frame& f, const year_month_day& anchor, Tense tense) {
    const int ay = static_cast<int>(anchor.year());
    const sys_days a{anchor};
    const auto same = bounds_in_year(f, ay);
    if (!same) return ay;
    // A quarter's or a half's results are reported in the months after it ends ("will report a third-quarter loss").
    const auto tolerance = f.quarter || f.half ? days{92} : days{31};
    if (tense == Tense::past && same->first > a + tolerance) return ay - 1;
    if (tense == Tense::future && same->second < a - tolerance) return ay + 1;
    if (tense == Tense::unknown) {
        constexpr auto furthest_ahead = days{150}, furthest_back = days{215};
        if (same->first > a + furthest_ahead) return ay - 1;
        if (same->second < a - furthest_back) return ay + 1;
    }
    return ay;
}

// A story moves forward: a partial date takes the story's year unless that would put it more than three months before
// the story's point, then the next year ("November 1941 ... in January" is January 1942).
int following_year(const Frame& f, const year_month_day& story) {
    const int sy = static_cast<int>(story.year());
    const auto same = bounds_in_year(f, sy);
    if (same && same->second < sys_days{story} - days{92}) return sy + 1;
    return sy;
}

}  // namespace

std::optional<Resolution> resolve(const Frame& f, const AnchorContext& ctx) {
    Resolution r;
    const bool has_time = f.hour.has_value() || !f.part_of_day.empty();
    TimexType type = f.type.value_or(TimexType::date);
    if (!f.type) {
        if (f.unit != Unit::none && !f.dir && f.weekday == std::nullopt && (f.qty || f.vague_qty)) type = TimexType::duration;
        else if (has_time) type = TimexType::time;
    }
    r.type = type;

    if (type == TimexType::duration) {
        const char* letter = unit_letter(f.unit);
        if (!letter) {
            if (f.unit == Unit::part_of_day || f.unit == Unit::season) letter = "D";
            else return std::nullopt;
        }
        const std::string amount = f.vague_qty || !f.qty ? "X"
                                   : f.qty_fraction.empty() ? std::to_string(*f.qty)
                                                            : std::to_string(*f.qty) + "." + f.qty_fraction;
        r.value = std::string("P") + (time_unit(f.unit) ? "T" : "") + amount + letter;
        // Part of a unit, or a smaller unit added, is written in whole smaller units when it comes out whole.
        if (f.qty && !f.vague_qty && (f.and_half || !f.qty_fraction.empty() || f.plus)) {
            DurationParts parts;
            const auto [numerator, denominator] = fraction_of_count(f);
            const bool whole = parts.add(f.unit, *f.qty, numerator, denominator) &&
                               (!f.plus || parts.add(f.plus->unit, f.plus->qty));
            if (whole) r.value = parts.text();
            else if (f.and_half || f.plus) return std::nullopt;
        }
        return r;
    }
    if (type == TimexType::set) {
        if (f.weekday) r.value = "XXXX-WXX-" + std::to_string(*f.weekday) + time_suffix(f);
        else if (f.month) r.value = "XXXX-" + zero_padded(*f.month, 2);
        else if (!f.part_of_day.empty()) r.value = "XXXX-XX-XXT" + f.part_of_day;
        else if (const char* letter = unit_letter(f.unit))
            r.value = std::string("P") + (time_unit(f.unit) ? "T" : "") + std::to_string(f.qty.value_or(1)) + letter;
        else return std::nullopt;
        return r;
    }
    if (!f.literal_value.empty()) {
        r.value = f.literal_value;
        return r;
    }
    if (f.not_in_past && ctx.tense == Tense::past) return std::nullopt;
    if (!f.ref.empty()) {
        r.value = f.ref;
        r.anchor = AnchorKind::publication;
        return r;
    }

    if (f.period_shift && ctx.period) {
        auto moved = shift(*ctx.period, Unit::month, *f.period_shift);
        if (!moved) return std::nullopt;
        if (f.year) moved = year_month_day{date::year{*f.year}, moved->month(), moved->day()};
        auto text = format_at(*moved, Unit::quarter);
        if (!text) return std::nullopt;
        r.type = TimexType::date;
        r.value = *text;
        r.anchor = AnchorKind::timex;
        r.used_period = true;
        return r;
    }

    // "that year", "the following month": the last stretch the text dated, which may be coarser than a day.
    const bool from_story = f.anchoring == Anchoring::reference || f.anchoring == Anchoring::following ||
                            (f.anchoring == Anchoring::story && ctx.story);
    const bool by_dated = !ctx.story && ctx.dated && from_story &&
                          (f.unit == Unit::month || f.unit == Unit::quarter || f.unit == Unit::year ||
                           f.unit == Unit::decade || f.unit == Unit::century);
    const std::optional<Date> reference = ctx.story ? ctx.story : by_dated ? ctx.dated : ctx.reference;
    const bool use_reference = from_story && reference;
    const std::optional<Date> anchor = use_reference ? reference : ctx.publication;
    r.used_reference = use_reference && !by_dated;
    r.used_dated = by_dated;
    const std::string suffix = time_suffix(f);

    const bool has_calendar = f.month || f.day || !f.season.empty() || f.quarter || f.half || f.week;
    // A calendar part of a relative year: "June last year", "this year's third quarter".
    std::optional<int> relative_year;
    if (f.unit == Unit::year && f.dir && has_calendar && !f.year && anchor)
        relative_year = static_cast<int>(anchor->year()) + *f.dir * static_cast<int>(f.qty.value_or(1));

    // Relative to the anchor by a number of units: "yesterday", "last week", "two years ago", "the next day".
    if (f.unit != Unit::none && f.dir && !f.weekday && !f.month && !relative_year) {
        r.anchor = AnchorKind::publication;
        if (f.vague_qty) {
            r.value = *f.dir < 0 ? "PAST_REF" : *f.dir > 0 ? "FUTURE_REF" : "PRESENT_REF";
            return r;
        }
        // "two hours later": without a clock time to count from, what can be written is the stretch itself, as
        // TimeBank does.
        if (time_unit(f.unit) && f.qty) return resolve(as_duration(f), ctx);
        if (!anchor) {
            r.value = f.unit == Unit::year ? "XXXX" : f.unit == Unit::month ? "XXXX-XX" : "XXXX-XX-XX";
            return r;
        }
        long long units = *f.dir * f.qty.value_or(1);
        Unit step = f.unit;
        // "a year and a half ago", "2.5 years ago": counted in months, written as the year they fall in.
        if (const auto counted = in_smaller_units(f)) {
            step = counted->first;
            units = *f.dir * counted->second;
        }
        // "the weekend" said on a weekday is the one just past, unless the text looks ahead; "this weekend" and a
        // bare "weekend" are this week's.
        if (f.unit == Unit::weekend && f.lean && *f.dir == 0 && ctx.tense != Tense::future &&
            weekday{sys_days{*anchor}}.iso_encoding() <= 5)
            units = *f.lean;
        const auto shifted = shift(*anchor, step, units);
        if (!shifted) return std::nullopt;
        auto text = format_at(*shifted, f.unit);
        if (!text) return std::nullopt;
        r.value = *text + (f.unit == Unit::day || f.unit == Unit::part_of_day ? suffix : "");
        if (f.unit == Unit::day || f.unit == Unit::part_of_day) r.day = *shifted;
        return r;
    }

    // A weekday: "on Thursday", "last Monday", "next Friday".
    if (f.weekday && !f.month && !f.day) {
        r.anchor = AnchorKind::publication;
        if (!anchor) {
            r.value = "XXXX-WXX-" + std::to_string(*f.weekday) + suffix;
            return r;
        }
        const sys_days a{*anchor};
        const weekday wanted{static_cast<unsigned>(*f.weekday % 7)};
        const sys_days on_or_before = a - (weekday{a} - wanted);
        const sys_days after = a + (wanted - weekday{a});
        sys_days chosen;
        Tense tense = ctx.tense;
        if (f.dir) tense = *f.dir < 0 ? Tense::past : *f.dir > 0 ? Tense::future : Tense::unknown;
        // "this Friday": the one in the anchor's own week, Monday to Sunday.
        if (f.dir && *f.dir == 0)
            chosen = a + days{static_cast<int>(wanted.iso_encoding()) - static_cast<int>(weekday{a}.iso_encoding())};
        else if (tense == Tense::past) chosen = f.dir && *f.dir < 0 && on_or_before == a ? a - days{7} : on_or_before;
        // "will meet on Friday" written on a Friday is that day; "next Friday" is a week on.
        else if (tense == Tense::future) chosen = after == a && f.dir ? a + days{7} : after;
        else chosen = on_or_before;  // news reports a bare weekday mostly of the week just past
        if (!writable(year_month_day{chosen})) return std::nullopt;
        r.value = ymd_text(year_month_day{chosen}) + suffix;
        r.day = year_month_day{chosen};
        return r;
    }

    // Calendar fields, the year filled from the anchor when the text leaves it out.
    std::optional<int> year = f.year ? f.year : relative_year;
    if (relative_year) r.anchor = AnchorKind::publication;
    if (year && f.two_digit_year) {
        const int century_base = anchor ? static_cast<int>(anchor->year()) / 100 * 100 : 1900;
        int y = century_base + *year;
        if (anchor && y > static_cast<int>(anchor->year()) + 20) y -= 100;
        year = y;
    }
    const std::string era = f.before_common_era ? "BC" : "";
    if (f.century && !year) {
        r.value = era + zero_padded(*f.century, 2);
        return r;
    }
    if (f.decade && !year) {
        r.value = era + zero_padded(*f.decade, 3);
        return r;
    }
    if (f.before_common_era) {
        // A year before the common era is stated whole, so the publication date says nothing of it; as the calendar
        // counts it ("480 BC" is year -479) it is written back with the rest of the date like any other year.
        if (!year || *year < 1 || *year > 9999) return std::nullopt;
        year = 1 - *year;
    }
    if (!year && has_calendar) {
        if (!anchor) {
            year.reset();
        } else {
            r.anchor = AnchorKind::publication;
            r.used_reference = use_reference;
            year = ctx.story ? following_year(f, *ctx.story) : choose_year(f, *anchor, ctx.tense);
            if (ctx.story) r.used_reference = true;
            // "last November", "next May", "this September": the determiner decides, not the tense.
            if (f.dir && (f.month || !f.season.empty()) && !f.day) {
                const int ay = static_cast<int>(anchor->year());
                const unsigned wanted = named_month(f);
                const unsigned current = static_cast<unsigned>(anchor->month());
                if (*f.dir < 0) {
                    // "last" passes over the current month and, for a month, the one just gone, which is "last month":
                    // "last February" said in March is the February a year before.
                    const unsigned passed_over = f.month ? 2 : 1;
                    unsigned back = (current + 12 - wanted) % 12;
                    if (back < passed_over) back += 12;
                    year = static_cast<int>((anchor->year() / anchor->month() - months{back}).year());
                } else if (*f.dir > 0) {
                    year = wanted > current ? ay : ay + 1;
                } else {
                    // "this winter" said from July on is the one ahead, which ends in the next year.
                    year = f.season == "WI" && current >= 7 ? ay + 1 : ay;
                }
            }
            // "last Thanksgiving", "next Oct. 23": the nearest such day before or after the anchor.
            if (f.dir && f.month && f.day) {
                const int ay = static_cast<int>(anchor->year());
                if (const auto day_in_year = calendar_day(f, ay)) {
                    const sys_days a{*anchor};
                    if (*f.dir < 0) year = *day_in_year < a ? ay : ay - 1;
                    else if (*f.dir > 0) year = *day_in_year > a ? ay : ay + 1;
                    else year = ay;
                }
            }
        }
    }

    std::string value;
    if (year) {
        if (!writable(*year)) return std::nullopt;
        value = year_text(*year);
    } else if (has_calendar) {
        value = "XXXX";
    } else if (has_time && anchor) {
        // In a story told away from its publication date, a clock time on its own ("at 3 p.m.") falls on the day
        // the story last named.
        const bool on_story_day = f.hour && ctx.story && !use_reference;
        const Date day = on_story_day ? *ctx.story : *anchor;
        r.anchor = AnchorKind::publication;
        r.used_reference = use_reference || on_story_day;
        r.day = day;
        r.value = ymd_text(day) + suffix;
        return r;
    } else {
        return std::nullopt;
    }
    if (f.month) {
        if (*f.month < 1 || *f.month > 12) return std::nullopt;
        if (f.day && year) {
            const auto named = calendar_day(f, *year);
            if (!named) return std::nullopt;
            const year_month_day d{*named};
            if (f.unit == Unit::week) {  // "the week of March 6": the ISO week holding that day
                auto week = week_text(sys_days{d});
                if (!week) return std::nullopt;
                r.value = *week;
                return r;
            }
            r.day = d;
            // The named day's month: a feast that moves with Easter may fall outside the month it is listed under.
            value += "-" + zero_padded(static_cast<unsigned>(d.month()), 2) + "-" +
                     zero_padded(static_cast<unsigned>(d.day()), 2) + suffix;
        } else if (f.day) {
            if (*f.day < 1 || *f.day > 31) return std::nullopt;
            // Without its year a floating holiday is known to its month, one that moves with Easter not even to that.
            if (moves_with_easter(f)) value += "-XX-XX";
            else value += "-" + zero_padded(*f.month, 2) + "-" + (f.floating_weekday ? "XX" : zero_padded(*f.day, 2));
            value += suffix;
        } else {
            value += "-" + zero_padded(*f.month, 2);
            if (r.type == TimexType::time) r.type = TimexType::date;
        }
    } else if (f.quarter) {
        if (*f.quarter < 1 || *f.quarter > 4) return std::nullopt;
        value += "-Q" + std::to_string(*f.quarter);
    } else if (f.half) {
        if (*f.half < 1 || *f.half > 2) return std::nullopt;
        value += "-H" + std::to_string(*f.half);
    } else if (!f.season.empty()) {
        value += "-" + f.season;
    } else if (f.week) {
        if (*f.week < 1 || *f.week > 53) return std::nullopt;
        value += "-W" + zero_padded(*f.week, 2);
    }
    r.value = value;
    return r;
}

unsigned named_month(const Frame& frame) {
    return frame.month ? static_cast<unsigned>(*frame.month) : season_named_month(frame.season);
}

Frame as_duration(Frame frame) {
    frame.type = TimexType::duration;
    return frame;
}

bool one_day(const std::optional<CalendarInterval>& interval) noexcept {
    return interval && interval->first_day() == interval->last_day();
}

std::optional<Resolution> resolve_against_day(Frame frame, AnchorContext context, Date day) {
    frame.anchoring = Anchoring::reference;
    context.reference = day;
    context.story.reset();
    context.dated.reset();
    auto resolution = resolve(frame, context);
    if (!resolution || !timex_interval(resolution->value)) return std::nullopt;
    return resolution;
}

void take_value(Timex& timex, const Resolution& resolution) {
    timex.type = resolution.type;
    timex.value = resolution.value;
    timex.interval = timex_interval(timex.value);
}

}  // namespace chronoweave::impl

namespace chronoweave {

std::optional<CalendarInterval> timex_interval(std::string_view v) noexcept {
    using namespace date;
    using std::chrono::hours, std::chrono::minutes, std::chrono::seconds;
    auto digits = [&](std::size_t pos, std::size_t n) { return impl::digits_at(v, pos, n); };
    auto span_days = [](year_month_day first, year_month_day last) -> std::optional<CalendarInterval> {
        if (!first.ok() || !last.ok()) return std::nullopt;
        return CalendarInterval::days(sys_days{first}, sys_days{last});
    };
    // "BC0490" is the year 490 BC, which the calendar counts as year -489: years before the common era count down,
    // and the calendar has a year 0 (1 BC).
    const bool before_common_era = v.starts_with("BC");
    if (before_common_era) v.remove_prefix(2);
    auto years = [&](int first, int last) {
        return before_common_era ? span_days(year{1 - last} / 1 / 1, year{1 - first} / 12 / 31)
                                 : span_days(year{first} / 1 / 1, year{last} / 12 / 31);
    };
    // A century or a decade: "19" (or "19XX"), "199" (or "199X"), as other annotators write them.
    if (v.size() == 2 || (v.size() == 4 && v[2] == 'X' && v[3] == 'X')) {
        auto c = digits(0, 2);
        if (!c) return std::nullopt;
        return years(*c * 100, *c * 100 + 99);
    }
    if (v.size() == 3 || (v.size() == 4 && v[3] == 'X')) {
        auto d = digits(0, 3);
        if (!d) return std::nullopt;
        return years(*d * 10, *d * 10 + 9);
    }
    const auto y = digits(0, 4);
    if (!y || (before_common_era && *y == 0)) return std::nullopt;
    const year yy{before_common_era ? 1 - *y : *y};
    if (v.size() == 4) return span_days(yy / 1 / 1, yy / 12 / 31);
    if (v[4] != '-' || v.size() < 7) return std::nullopt;
    const std::string_view rest = v.substr(5);
    if (const auto first = impl::season_start(rest, yy)) {
        const year_month last = *first + months{2};
        return span_days(*first / 1, last.year() / last.month() / date::last);
    }
    if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H')) {
        auto n = digits(6, 1);
        const unsigned span = rest[0] == 'Q' ? 3 : 6;
        if (!n || *n < 1 || static_cast<unsigned>(*n) > 12 / span) return std::nullopt;
        const unsigned first = (static_cast<unsigned>(*n) - 1) * span + 1;
        return span_days(yy / month{first} / 1, yy / month{first + span - 1} / date::last);
    }
    if (rest[0] == 'W') {
        auto w = digits(6, 2);
        if (!w || before_common_era) return std::nullopt;
        const iso_week::year_weeknum_weekday monday{iso_week::year{*y}, iso_week::weeknum{static_cast<unsigned>(*w)}, iso_week::mon};
        if (!monday.ok()) return std::nullopt;
        const sys_days start{monday};
        if (rest.size() == 3) return CalendarInterval::days(start, start + days{6});
        if (rest.substr(3) == "-WE") return CalendarInterval::days(start + days{5}, start + days{6});
        return std::nullopt;
    }
    auto m = digits(5, 2);
    if (!m) return std::nullopt;
    const month mm{static_cast<unsigned>(*m)};
    if (v.size() == 7) return span_days(yy / mm / 1, yy / mm / date::last);
    if (v[7] != '-') return std::nullopt;
    auto d = digits(8, 2);
    if (!d) return std::nullopt;
    const year_month_day day_value{yy, mm, day{static_cast<unsigned>(*d)}};
    if (!day_value.ok()) return std::nullopt;
    const sys_seconds midnight{sys_days{day_value}};
    if (v.size() == 10) return CalendarInterval{midnight, midnight + days{1}};
    if (v[10] != 'T') return std::nullopt;
    const std::string_view time = v.substr(11);
    struct PartOfDay { std::string_view code; int from, to; };
    for (const PartOfDay& p : {PartOfDay{"MO", 6, 12}, PartOfDay{"AF", 12, 18}, PartOfDay{"EV", 18, 24},
                               PartOfDay{"NI", 20, 30}, PartOfDay{"DT", 8, 18}})
        if (time == p.code) return CalendarInterval{midnight + hours{p.from}, midnight + hours{p.to}};
    auto h = digits(11, 2);
    auto mi = digits(14, 2);
    if (!h || !mi || v.size() < 16 || v[13] != ':' || *h > 24 || *mi > 59) return std::nullopt;
    const sys_seconds start = midnight + hours{*h} + minutes{*mi};
    if (v.size() == 16) return CalendarInterval{start, start + minutes{1}};
    auto s = digits(17, 2);
    if (v.size() == 19 && v[16] == ':' && s && *s <= 59) return CalendarInterval{start + seconds{*s}, start + seconds{*s + 1}};
    return std::nullopt;
}

}  // namespace chronoweave
