#include "ellipsis.hpp"

#include <string>
#include <string_view>

#include "../digits.hpp"

namespace chronoweave::impl {
namespace {

// The value of a whole number or an ordinal token ("25", "7th").
std::optional<long long> plain_number(const Token& t) {
    using K = NumberShape::Kind;
    if (t.kind != TokenKind::number || (t.shape->kind != K::integer && t.shape->kind != K::ordinal)) return std::nullopt;
    return t.shape->value;
}

// The day of a "YYYY-MM-DD" value.
std::optional<int> day_of_date(std::string_view v) {
    if (v.size() != 10 || v[4] != '-' || v[7] != '-') return std::nullopt;
    return digits_at(v, 8, 2);
}

// A hyphen glued to the numbers on both sides ("6-7", "1915-17") joins nothing but a range.
bool glued_hyphen(const std::vector<Token>& tokens, std::size_t at) {
    return tokens[at].norm == "-" && !tokens[at].space_before && !tokens[at + 1].space_before;
}

// After a joiner word or a spaced dash the bare number must end the phrase: "May 4 and 5 others" is no date.
bool ends_phrase(const Grammar& grammar, const std::vector<Token>& tokens, std::size_t at) {
    if (at + 1 >= tokens.size()) return true;
    const Token& next = tokens[at + 1];
    return next.newline_before || next.kind == TokenKind::punct || grammar.joins(Joint::range_joiner, next.norm);
}

// The partner's "YYYY-MM-" with another day; nullopt when that day is not in the month ("February 30").
std::optional<std::string> with_day(std::string_view date, long long day) {
    std::string value = std::string(date.substr(0, 8)) + zero_padded(day, 2);
    if (!timex_interval(value)) return std::nullopt;
    return value;
}

// Resolved as its partner was, from the same anchor.
std::optional<Timex> elided(const std::vector<Token>& tokens, std::size_t at, std::optional<std::string> value,
                            const Timex& partner) {
    if (!value) return std::nullopt;
    Timex t;
    t.interval = timex_interval(*value);
    t.span = tokens[at].span;
    t.type = TimexType::date;
    t.value = std::move(*value);
    t.anchor = partner.anchor;
    t.anchor_timex = partner.anchor_timex;
    t.rule = "date.elided";
    return t;
}

}  // namespace

std::optional<Timex> elided_before(const Grammar& grammar, const std::vector<Token>& tokens, std::size_t begin,
                                   const Timex& partner, std::size_t free_from) {
    if (begin < free_from + 2 || partner.type != TimexType::date) return std::nullopt;
    const std::size_t joiner = begin - 1, at = begin - 2;
    const auto bare = plain_number(tokens[at]), shared = plain_number(tokens[begin]);
    if (!bare || !shared || !grammar.joins(Joint::range_joiner, tokens[joiner].norm) || tokens[joiner].newline_before ||
        tokens[begin].newline_before)
        return std::nullopt;
    if (at > 0 && tokens[at - 1].kind == TokenKind::number && !tokens[at].space_before) return std::nullopt;
    const std::string_view v = partner.value;
    // "22-25 April 1951", "from 15 to 22 February": an earlier day of the same month.
    if (const auto day = day_of_date(v); day && *day == *shared && *bare >= 1 && *bare < *shared)
        return elided(tokens, at, with_day(v, *bare), partner);
    // "499-493 BC": an earlier year, a larger number.
    if (v.size() == 6 && v.substr(0, 2) == "BC" && digits_at(v, 2, 4) == *shared && *bare > *shared && *bare <= 9999)
        return elided(tokens, at, "BC" + zero_padded(*bare, 4), partner);
    return std::nullopt;
}

std::optional<Timex> elided_after(const Grammar& grammar, const std::vector<Token>& tokens, std::size_t end,
                                  const Timex& partner, std::size_t free_until) {
    const std::size_t joiner = end, at = end + 1;
    if (end == 0 || at >= free_until || at >= tokens.size() || partner.type != TimexType::date) return std::nullopt;
    const auto bare = plain_number(tokens[at]), shared = plain_number(tokens[end - 1]);
    if (!bare || !shared || !grammar.joins(Joint::range_joiner, tokens[joiner].norm) || tokens[joiner].newline_before ||
        tokens[at].newline_before)
        return std::nullopt;
    const bool glued = glued_hyphen(tokens, joiner);
    if (!glued && !ends_phrase(grammar, tokens, at)) return std::nullopt;
    const std::string_view v = partner.value;
    // "April 6-7", "April 24 and 25": a later day of the same month.
    if (const auto day = day_of_date(v); day && *day == *shared && *bare > *shared && *bare <= 31)
        return elided(tokens, at, with_day(v, *bare), partner);
    // "1915-17": a later year of the same century, in its last two digits.
    if (const auto year = v.size() == 4 ? digits_at(v, 0, 4) : std::nullopt;
        glued && year && *year == *shared && tokens[at].shape->digits == 2 && *bare > *year % 100)
        return elided(tokens, at, zero_padded(*year / 100 * 100 + *bare, 4), partner);
    return std::nullopt;
}

}  // namespace chronoweave::impl
