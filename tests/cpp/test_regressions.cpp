// Inputs the fuzzers (tests/fuzz) found to break a promise, kept as tests once fixed (the same inputs are in the
// fuzzers' seed corpora, tests/fuzz/corpus/*/regression_*), and a check of the value checker the fuzzers rely on.
#include <doctest/doctest.h>

#include <chronoweave/chronoweave.hpp>

#include "document_invariants.hpp"

using namespace chronoweave;
using namespace date::literals;

TEST_CASE("an ordinal half past the second is no half of a year") {
    // Was "2020-H3", a value naming no stretch of the calendar.
    const Extractor extractor;
    for (const char* text : {"the third half of 2020", "the 5th half of 2020"}) {
        CAPTURE(text);
        const Document doc = extractor.extract(text, 2023_y / 7 / 4);
        CHECK(testing::document_violation(doc).empty());
        for (const Timex& t : doc.timexes) CHECK(t.value.find("-H") == std::string::npos);
    }
    CHECK(extractor.extract("the second half of 2020", 2023_y / 7 / 4).timexes.at(0).value == "2020-H2");
}

TEST_CASE("a weekday before the first day of year 0 is written before the common era") {
    // Was "-001-12-30": the Thursday before a publication date of 0000-01-01 (1 BC) is in 2 BC.
    const Extractor extractor;
    const Document doc = extractor.extract("They met on Thursday.", 0_y / 1 / 1);
    CHECK(doc.timexes.at(0).value == "BC0002-12-30");
    CHECK(extractor.extract("They met on Thursday.", 0_y / 1 / 8).timexes.at(0).value == "0000-01-06");
}

TEST_CASE("a week of year -1 or 10000 is left untagged") {
    // Was "-001-W52-WE": 0000-01-01 is a Saturday of the ISO week-numbering year -1.
    const Extractor extractor;
    CHECK(extractor.extract("They met this weekend, and this week.", 0_y / 1 / 1).timexes.empty());
    // 9999-12-31 is a Friday of week 52 of 9999; the week after is in year 10000.
    const Document last = extractor.extract("They meet this week and next week.", 9999_y / 12 / 31);
    REQUIRE(last.timexes.size() == 1);
    CHECK(last.timexes[0].value == "9999-W52");
}

TEST_CASE("the TIMEX3 value check accepts the values chronoweave writes and nothing else") {
    for (const char* value : {"2025", "199", "19", "BC0480", "BC0480-09", "BC03", "BC048", "BC0480-09-20", "BC0480-09-20TNI", "XXXX", "2025-05", "2025-05-16", "XXXX-05-16", "XXXX-XX-XX",
                              "2025-W21", "2025-W21-WE", "XXXX-WXX-4", "2025-Q2", "2025-H1", "2022-SP", "2022-WI",
                              "XXXX-SU", "2025-05-16T15:00", "2025-05-16T15:00:05", "2025-05-16TNI", "XXXX-XX-XXTMO", "P3Y",
                              "PXD", "P2WE", "P1DE", "PXCE", "PT2H", "PT30M", "PT99S", "P1000000D", "PT1.5H", "P2.25Y", "P2Y6M", "P10DT12H", "PT1H30M",
                              "P3005DT4H48M", "PT2.5S", "P1DT0.5S", "PRESENT_REF",
                              "PAST_REF", "FUTURE_REF"}) {
        CAPTURE(value);
        CHECK(testing::well_formed_timex_value(value));
    }
    for (const char* value : {"", "-001-12-30", "20250", "2025-13", "2025-00", "2025-05-32", "2025-5-16", "2025-W54",
                              "2025-W21-8", "2025-Q5", "2020-H3", "2025-SP-01", "2025-05-16T25:00", "2025-05-16T15",
                              "2025-05-16TXX", "P", "P3", "P3X", "PT3D", "P10000000D", "P-1D", "NOW_REF", "1X", "X", "1", "199X", "199-05", "BC", "BC4", "BC04800", "BC0480-13", "BC0480-W05", "BCXXXX", "BC0000", "P2.Y", "PT1.5", "P.5Y",
                              "P1.5Y6M", "P6M2Y", "P1DT", "PT1H2D", "P2Y10000000M"}) {
        CAPTURE(value);
        CHECK_FALSE(testing::well_formed_timex_value(value));
    }
}

TEST_CASE("a bare number between two dates is the elided partner of one of them only") {
    // Was two timexes on "27": the year after 2023 ("2023-27") and the year before 4 BC ("27-04BC").
    const Extractor extractor;
    for (const char* text : {"2023-27-04BC5, .", "In 2023-27-04 BC they ruled."}) {
        CAPTURE(text);
        const Document doc = extractor.extract(text, 2023_y / 7 / 4);
        CHECK(testing::document_violation(doc).empty());
    }
    const Document doc = extractor.extract("2023-27-04BC5, .", 2023_y / 7 / 4);
    REQUIRE(doc.timexes.size() == 3);
    CHECK(doc.timexes[1].value == "2027");
    CHECK(doc.timexes[2].value == "BC0004");
}

TEST_CASE("a timex may be anchored to a later one, and its chain of anchors ends") {
    // Failed the invariant then in force, that an anchor comes first: the clock time takes the day written after it.
    const Extractor extractor;
    const Document doc = extractor.extract("Polls close at 1 p.m., 06.05.2025, and again the day before May 16.",
                                           2025_y / 5 / 22);
    CHECK(testing::document_violation(doc).empty());
    REQUIRE(doc.timexes.size() == 4);
    CHECK((doc.timexes[0].value == "2025-05-06T13:00" && doc.timexes[0].anchor_timex == std::size_t{1}));
    CHECK((doc.timexes[2].value == "2025-05-15" && doc.timexes[2].anchor_timex == std::size_t{3}));
}

TEST_CASE("a clock time is not anchored to a day that was counted from it") {
    // Was a cycle (Hypothesis, through Python): "15:30" anchored to "the following day", itself counted from "15:30".
    const Extractor extractor;
    const Document doc = extractor.extract("at 15:30 the following day", 2000_y / 1 / 1);
    CHECK(testing::document_violation(doc).empty());
    REQUIRE(doc.timexes.size() == 2);
    CHECK(doc.timexes[1].anchor_timex == std::size_t{0});
    CHECK_FALSE(doc.timexes[0].anchor_timex.has_value());
}
