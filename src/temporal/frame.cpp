#include "frame.hpp"

#include <array>
#include <charconv>
#include <utility>

#include <chronoweave/error.hpp>

namespace chronoweave::impl {
namespace {

using Field = Assignment::Field;

constexpr std::array<std::pair<std::string_view, Field>, 36> field_names{{
    {"type", Field::type}, {"mod", Field::mod}, {"year", Field::year}, {"month", Field::month},
    {"day", Field::day}, {"week", Field::week}, {"weekday", Field::weekday}, {"quarter", Field::quarter},
    {"half", Field::half}, {"hour", Field::hour}, {"minute", Field::minute}, {"second", Field::second},
    {"decade", Field::decade}, {"century", Field::century}, {"nth", Field::nth}, {"season", Field::season},
    {"pod", Field::part_of_day}, {"meridiem", Field::meridiem}, {"unit", Field::unit}, {"qty", Field::qty},
    {"dir", Field::dir}, {"ref", Field::ref}, {"value", Field::value}, {"anchor", Field::anchor},
    {"quant", Field::quant}, {"freq", Field::freq}, {"period", Field::period},
    {"floating", Field::floating}, {"western_easter", Field::western_easter},
    {"orthodox_easter", Field::orthodox_easter}, {"unit_count", Field::unit_count}, {"and_half", Field::and_half},
    {"era", Field::era},
    {"lean", Field::lean}, {"in_past", Field::in_past}, {"alone", Field::alone},
}};

constexpr std::array<std::pair<std::string_view, Unit>, 14> unit_names{{
    {"S", Unit::second}, {"MIN", Unit::minute}, {"H", Unit::hour}, {"POD", Unit::part_of_day}, {"D", Unit::day},
    {"WE", Unit::weekend}, {"W", Unit::week}, {"M", Unit::month}, {"Q", Unit::quarter}, {"HALF", Unit::half},
    {"SEASON", Unit::season}, {"Y", Unit::year}, {"DE", Unit::decade}, {"CE", Unit::century},
}};

bool is_textual(Field f) {
    switch (f) {
        case Field::type: case Field::mod: case Field::season: case Field::part_of_day: case Field::unit:
        case Field::ref: case Field::value: case Field::anchor: case Field::quant: case Field::freq: case Field::era:
        case Field::in_past: case Field::alone:
            return true;
        default:
            return false;
    }
}

std::optional<int>* numeric_slot(Frame& f, Field field) {
    switch (field) {
        case Field::year: return &f.year;
        case Field::month: return &f.month;
        case Field::day: return &f.day;
        case Field::week: return &f.week;
        case Field::weekday: return &f.weekday;
        case Field::quarter: return &f.quarter;
        case Field::half: return &f.half;
        case Field::hour: return &f.hour;
        case Field::minute: return &f.minute;
        case Field::second: return &f.second;
        case Field::decade: return &f.decade;
        case Field::century: return &f.century;
        case Field::nth: return &f.nth;
        case Field::meridiem: return &f.meridiem;
        case Field::dir: return &f.dir;
        case Field::period: return &f.period_shift;
        case Field::floating: return &f.floating_weekday;
        case Field::western_easter: return &f.western_easter;
        case Field::orthodox_easter: return &f.orthodox_easter;
        case Field::unit_count: return &f.unit_count;
        case Field::and_half: return &f.and_half;
        case Field::lean: return &f.lean;
        default: return nullptr;
    }
}

std::optional<long long> read_numeric(const Frame& f, Field field) {
    if (field == Field::qty) return f.qty;
    if (auto* slot = numeric_slot(const_cast<Frame&>(f), field); slot && *slot) return **slot;
    return std::nullopt;
}

}  // namespace

std::optional<Unit> unit_from_string(std::string_view s) noexcept {
    for (auto& [name, unit] : unit_names)
        if (name == s) return unit;
    return std::nullopt;
}

bool reads_against_day(const Frame& f) noexcept {
    if (f.year || f.month || f.season.size() || f.quarter || f.half) return false;
    if (f.weekday || f.hour || !f.part_of_day.empty()) return true;
    return f.dir && f.unit != Unit::none && f.unit <= Unit::week;
}

Assignment parse_assignment(std::string_view key, std::string_view value, std::string_view where) {
    auto fail = [&](std::string_view what) {
        std::string message(where);  // appended, not added: GCC 12 misreports operator+ here (PR 105329)
        message.append(": ").append(what).append(" in '").append(key).append("=").append(value).append("'");
        throw ResourceError(message);
    };
    Assignment a;
    bool known = false;
    for (auto& [name, field] : field_names)
        if (name == key) { a.field = field; known = true; }
    if (!known) fail("unknown field");
    for (auto& [name, field] : field_names)
        if (name == value && !is_textual(a.field)) { a.copy_from = field; return a; }
    if (is_textual(a.field)) {
        a.text = std::string(value);
        if (a.field == Field::type && !timex_type_from_string(value) && value != "reject") fail("unknown type");
        if (a.field == Field::mod && !timex_mod_from_string(value)) fail("unknown mod");
        if (a.field == Field::unit && !unit_from_string(value)) fail("unknown unit");
        if (a.field == Field::anchor && value != "publication" && value != "reference" && value != "story" &&
            value != "following" && value != "sentence")
            fail("unknown anchor");
        if (a.field == Field::era && value != "BC") fail("unknown era");
        if (a.field == Field::in_past && value != "reject") fail("unknown in_past");
        if (a.field == Field::alone && value != "DURATION") fail("unknown alone");
        return a;
    }
    if (a.field == Field::qty && value == "X") {
        a.unspecified = true;
        return a;
    }
    const char* first = value.data();
    if (!value.empty() && value.front() == '+') ++first;
    auto [ptr, ec] = std::from_chars(first, value.data() + value.size(), a.number);
    if (ec != std::errc{} || ptr != value.data() + value.size()) fail("not a number");
    return a;
}

void apply(Frame& f, const std::vector<Assignment>& assignments) {
    for (const Assignment& a : assignments) {
        std::optional<long long> number = a.number;
        if (a.copy_from) {
            number = read_numeric(f, *a.copy_from);
            if (!number) continue;
        }
        switch (a.field) {
            case Field::type:
                if (a.text == "reject") f.reject = true;
                else f.type = timex_type_from_string(a.text);
                break;
            case Field::mod: f.mod = *timex_mod_from_string(a.text); break;
            case Field::season: f.season = a.text; break;
            case Field::part_of_day: f.part_of_day = a.text; break;
            case Field::unit: f.unit = *unit_from_string(a.text); break;
            case Field::ref: f.ref = a.text; break;
            case Field::value: f.literal_value = a.text; break;
            case Field::anchor:
                f.anchoring = a.text == "reference"   ? Anchoring::reference
                              : a.text == "story"     ? Anchoring::story
                              : a.text == "following" ? Anchoring::following
                              : a.text == "sentence"  ? Anchoring::sentence_day
                                                      : Anchoring::publication;
                break;
            case Field::quant: f.quant = a.text; break;
            case Field::freq: f.freq = a.text; break;
            case Field::era: f.before_common_era = true; break;
            case Field::in_past: f.not_in_past = true; break;
            case Field::alone: f.duration_alone = true; break;
            case Field::qty:
                if (a.unspecified) { f.vague_qty = true; f.qty.reset(); }
                else { f.qty = *number; f.vague_qty = false; }
                break;
            default:
                *numeric_slot(f, a.field) = static_cast<int>(*number);
                break;
        }
    }
}

}  // namespace chronoweave::impl
