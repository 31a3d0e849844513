#include <doctest/doctest.h>

#include <chronoweave/chronoweave.hpp>

using namespace chronoweave;
using namespace date::literals;

TEST_CASE("ISO publication dates parse to real calendar days only") {
    CHECK(parse_iso_date("2025-05-16") == 2025_y / date::May / 16);
    CHECK_FALSE(parse_iso_date("2025-02-30").has_value());
    CHECK_FALSE(parse_iso_date("2025-5-16").has_value());
    CHECK_FALSE(parse_iso_date("").has_value());
    CHECK_FALSE(parse_iso_date("yesterday").has_value());
    CHECK_THROWS_AS(parse_iso_date_or_throw("2025-13-01"), InvalidDateError);
    CHECK(format_iso_date(2025_y / date::June / 2) == "2025-06-02");
    // Four-digit years with leading zeros, as ISO 8601 writes them; a year before 0 keeps its sign.
    CHECK(format_iso_date(date::year{0} / date::January / 1) == "0000-01-01");
    CHECK(format_iso_date(date::year{480} / date::September / 29) == "0480-09-29");
    CHECK(format_iso_date(date::year{9999} / date::December / 31) == "9999-12-31");
    CHECK(format_iso_date(date::year{-44} / date::March / 15) == "-0044-03-15");
    CHECK(format_iso_date(date::year{12345} / date::March / 15) == "12345-03-15");
}

TEST_CASE("TIMEX3 values name calendar intervals") {
    struct Case {
        const char* value;
        const char* first;
        const char* last;
    };
    const Case cases[] = {
        {"2025-05-16", "2025-05-16", "2025-05-16"}, {"2025-05", "2025-05-01", "2025-05-31"},
        {"2024-02", "2024-02-01", "2024-02-29"},    {"2025", "2025-01-01", "2025-12-31"},
        {"2025-W21", "2025-05-19", "2025-05-25"},   {"2025-W21-WE", "2025-05-24", "2025-05-25"},
        {"2025-Q2", "2025-04-01", "2025-06-30"},    {"2025-H2", "2025-07-01", "2025-12-31"},
        {"2022-SP", "2022-03-01", "2022-05-31"},    {"2022-WI", "2021-12-01", "2022-02-28"},
        {"199X", "1990-01-01", "1999-12-31"},       {"19XX", "1900-01-01", "1999-12-31"},
        {"199", "1990-01-01", "1999-12-31"},        {"19", "1900-01-01", "1999-12-31"},
        {"2025-05-16T15:00", "2025-05-16", "2025-05-16"}, {"2025-05-21TNI", "2025-05-21", "2025-05-22"},
    };
    for (const Case& c : cases) {
        const std::string value = c.value;
        CAPTURE(value);
        const auto interval = timex_interval(c.value);
        REQUIRE(interval.has_value());
        CHECK(format_iso_date(date::year_month_day{interval->first_day()}) == c.first);
        CHECK(format_iso_date(date::year_month_day{interval->last_day()}) == c.last);
    }
    for (const char* no_interval : {"P3Y", "PRESENT_REF", "XXXX-05-16", "2025-13", "2025-02-30", "2025-W60", "", "2", "20X"})
        CHECK_FALSE(timex_interval(no_interval).has_value());
    const auto three_pm = timex_interval("2025-05-16T15:00");
    CHECK(three_pm->end - three_pm->begin == std::chrono::minutes{1});
}
