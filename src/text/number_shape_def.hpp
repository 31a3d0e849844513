#pragma once
// The grammar of digit-led tokens. Included only by number_shape.cpp, which instantiates it once.
#include <boost/spirit/home/x3.hpp>

#include <boost/fusion/include/std_pair.hpp>
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "token.hpp"

namespace chronoweave::impl::grammar {

namespace x3 = boost::spirit::x3;
using Shape = NumberShape;

// Gives a sub-parser a fixed attribute type, so X3 does not flatten it into its neighbours.
template <class T, class Parser>
auto as(Parser p) {
    return x3::rule<struct as_tag, T>{"as"} = p;
}

template <class T, unsigned Min, unsigned Max>
const auto digits = x3::uint_parser<T, 10, Min, Max>{};

inline const auto d1_2 = digits<unsigned, 1, 2>;
inline const auto d2 = digits<unsigned, 2, 2>;
inline const auto d4 = digits<unsigned, 4, 4>;
inline const auto d1_4 = digits<unsigned, 1, 4>;

// ASCII classes as explicit ranges: x3::digit and x3::alnum hand each byte to <cctype> as a char, negative for the
// bytes of UTF-8 sequences, which is undefined behaviour (and a failed assertion in Boost.Spirit).
inline const auto digit = x3::char_('0', '9');
inline const auto alnum = x3::char_("0-9A-Za-z");

// A shape must not run into a following letter or digit ("16th" is an ordinal, "16thx" is not).
inline const auto boundary = !alnum;

// Wraps an action that fills the rule's shape and says whether the values are plausible; implausible ones fail the
// alternative so the next one is tried.
template <class F>
auto with_shape(F f) {
    return [f](auto& ctx) { x3::_pass(ctx) = f(x3::_val(ctx), x3::_attr(ctx)); };
}

inline bool plausible_date(const Shape& s) {
    return s.month >= 1 && s.month <= 12 && s.day >= 0 && s.day <= 31 &&
           (s.hour < 0 || (s.hour <= 24 && s.minute >= 0 && s.minute <= 59));
}

using boost::fusion::at_c;

// The year of a numeric date, written with two or four digits ("5/16/25", "16.05.2025"); three digits are no year.
inline bool read_numeric_year(Shape& s, const std::string& digits) {
    s.kind = Shape::Kind::ymd;
    s.digits = static_cast<std::uint8_t>(digits.size());
    s.year = 0;
    for (char c : digits) s.year = s.year * 10 + (c - '0');
    return s.digits != 3;
}

x3::rule<class iso_date, Shape> const iso_date = "iso_date";
x3::rule<class numeric_date, Shape> const numeric_date = "numeric_date";
x3::rule<class clock_time, Shape> const clock_time = "clock_time";
x3::rule<class ordinal, Shape> const ordinal = "ordinal";
x3::rule<class decade, Shape> const decade = "decade";
x3::rule<class grouped, Shape> const grouped = "grouped";
x3::rule<class decimal, Shape> const decimal = "decimal";
x3::rule<class phone_number, Shape> const phone_number = "phone_number";
x3::rule<class integer, Shape> const integer = "integer";
x3::rule<class number_shape, Shape> const number_shape = "number_shape";

inline const auto iso_date_def =
    (d4 >> '-' >> d2 >> -('-' >> d2) >> -as<std::pair<unsigned, unsigned>>(x3::lit('T') >> d2 >> ':' >> d2))[with_shape([](Shape& s, auto& a) {
        s.kind = Shape::Kind::ymd;
        s.year = static_cast<int>(at_c<0>(a));
        s.month = static_cast<int>(at_c<1>(a));
        s.day = static_cast<int>(at_c<2>(a).value_or(0));
        if (auto& t = at_c<3>(a)) {
            s.hour = static_cast<int>(t->first);
            s.minute = static_cast<int>(t->second);
        }
        // "2007-08" naming the next year after the first is a span of two years, not August.
        if (s.day == 0 && s.hour < 0 && s.month == (s.year + 1) % 100) return false;
        return plausible_date(s);
    })] >> boundary;

// 5/16/2025, 5/16/25, 5/16: month first, unless the first number cannot be a month.
inline const auto numeric_date_def =
    (d1_2 >> '/' >> d1_2 >> -as<std::string>(x3::lit('/') >> x3::repeat(2, 4)[digit]))[with_shape([](Shape& s, auto& a) {
        const int first = static_cast<int>(at_c<0>(a)), second = static_cast<int>(at_c<1>(a));
        s.month = first > 12 ? second : first;
        s.day = first > 12 ? first : second;
        if (auto& y = at_c<2>(a)) {
            if (!read_numeric_year(s, *y)) return false;
        } else {
            s.kind = Shape::Kind::month_day;
        }
        return s.day >= 1 && plausible_date(s);
    })] >> boundary
    // 16.05.2025 and 16.05.25: European order, always with a year so "2.5" stays a decimal; a fourth group makes
    // it an address or a version ("10.12.15.1"), not a date.
    | (d1_2 >> '.' >> d2 >> '.' >> as<std::string>(x3::repeat(2, 4)[digit]))[with_shape([](Shape& s, auto& a) {
        s.day = static_cast<int>(at_c<0>(a));
        s.month = static_cast<int>(at_c<1>(a));
        return read_numeric_year(s, at_c<2>(a)) && s.day >= 1 && plausible_date(s);
    })] >> boundary >> !('.' >> digit);

// "am" or "pm" glued to a clock time ("7:30pm") ends it as a blank would, and so does the "hrs" of military time.
inline const auto glued_meridiem = x3::no_case[x3::lit("am") | "pm"] >> boundary;
inline const auto glued_hours = x3::no_case[x3::lit("hrs") | "hr" | "h"] >> boundary;

// Hours and minutes written without a colon ("7.30pm", "1130pm") are a clock time only with am/pm glued on.
inline const auto twelve_hour_clock = with_shape([](Shape& s, auto& a) {
    s.kind = Shape::Kind::clock;
    s.hour = static_cast<int>(at_c<0>(a));
    s.minute = static_cast<int>(at_c<1>(a));
    return s.hour >= 1 && s.hour <= 12 && s.minute <= 59;
});

inline const auto clock_time_def =
    (d1_2 >> ':' >> d2 >> -(':' >> d2))[with_shape([](Shape& s, auto& a) {
        s.kind = Shape::Kind::clock;
        s.hour = static_cast<int>(at_c<0>(a));
        s.minute = static_cast<int>(at_c<1>(a));
        s.second = at_c<2>(a) ? static_cast<int>(*at_c<2>(a)) : -1;
        return s.hour <= 24 && s.minute <= 59 && s.second <= 59;
    })] >> (boundary | &glued_meridiem | &glued_hours)
    | (d1_2 >> '.' >> d2)[twelve_hour_clock] >> &glued_meridiem
    | (d2 >> d2)[twelve_hour_clock] >> &glued_meridiem
    | (digits<unsigned, 1, 1> >> d2)[twelve_hour_clock] >> &glued_meridiem;

inline const auto ordinal_def =
    (digits<long long, 1, 4> >> x3::no_case[x3::lit("st") | "nd" | "rd" | "th"])[with_shape([](Shape& s, auto& a) {
        s.kind = Shape::Kind::ordinal;
        s.value = a;
        return true;
    })] >> boundary;

inline const auto decade_def =
    (as<std::string>(x3::repeat(2, 4)[digit]) >> -x3::lit('\'') >> x3::lit('s'))[with_shape([](Shape& s, auto& a) {
        s.kind = Shape::Kind::decade;
        s.digits = static_cast<std::uint8_t>(a.size());
        s.value = 0;
        for (char c : a) s.value = s.value * 10 + (c - '0');
        return s.digits != 3 && s.value % 10 == 0;
    })] >> boundary;

// 1,000 or 1.000: groups of exactly three digits. Counts like these are never dates.
inline const auto grouped_def =
    (digits<long long, 1, 3> >> as<std::vector<long long>>(+(x3::lit(',') >> digits<long long, 3, 3>) |
                                                            +(x3::lit('.') >> digits<long long, 3, 3>)))[with_shape([](Shape& s, auto& a) {
        s.kind = Shape::Kind::grouped;
        long long v = at_c<0>(a);
        for (long long group : at_c<1>(a)) v = v < 1'000'000'000'000LL ? v * 1000 + group : v;
        s.value = v;
        return true;
    })] >> boundary;

inline const auto decimal_def =
    (x3::raw[digits<long long, 1, 9> >> '.' >> digits<long long, 1, 9>])[with_shape([](Shape& s, auto& a) {
        s.kind = Shape::Kind::decimal;
        s.value = 0;
        bool after_point = false;
        for (char c : a) {
            if (c == '.') after_point = true;
            else if (after_point) s.fraction = s.fraction * 10 + (c - '0'), ++s.fraction_digits;
            else s.value = s.value * 10 + (c - '0');
        }
        for (; s.fraction_digits > 0 && s.fraction % 10 == 0; --s.fraction_digits) s.fraction /= 10;
        return true;
    })] >> !digit;  // a unit may be glued on, as to an integer: "1.5hrs" 

// 555-0134, 202-555-0134, 1-800-555-0199: groups of three then four digits, which no date or range of years has.
inline const auto three_digits = x3::repeat(3)[digit];
inline const auto phone_number_def =
    (x3::raw[-(x3::repeat(1, 3)[digit] >> '-' >> &(three_digits >> '-' >> three_digits >> '-')) >>
             -(three_digits >> '-' >> &(three_digits >> '-')) >> three_digits >> '-' >> x3::repeat(4)[digit]])
        [with_shape([](Shape& s, auto&) {
        s.kind = Shape::Kind::code;
        return true;
    })] >> boundary;

inline const auto integer_def = (x3::raw[+digit])[with_shape([](Shape& s, auto& a) {
    s.kind = Shape::Kind::integer;
    s.digits = static_cast<std::uint8_t>(std::min<std::size_t>(a.size(), 255));
    s.value = 0;
    for (char c : a) {
        // Saturate instead of overflowing; anything this long is not a date part anyway.
        if (s.value > 99'999'999'999'999LL) { s.value = 999'999'999'999'999LL; break; }
        s.value = s.value * 10 + (c - '0');
    }
    return true;
})];

inline const auto number_shape_def =
    iso_date | grouped | numeric_date | phone_number | clock_time | ordinal | decade | decimal | integer;

BOOST_SPIRIT_DEFINE(iso_date, numeric_date, clock_time, ordinal, decade, grouped, decimal, phone_number, integer,
                    number_shape)

}  // namespace chronoweave::impl::grammar
