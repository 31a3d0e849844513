// Inputs the fuzzers (tests/fuzz) found to break a promise, kept as tests once fixed. The same inputs are in the
// fuzzers' seed corpora (tests/fuzz/corpus/*/regression_*).
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

TEST_CASE("a weekday before the first day of year 0 is left untagged") {
    // Was "-001-12-30": the Thursday before a publication date of 0000-01-01, outside the years values can spell.
    const Extractor extractor;
    const Document doc = extractor.extract("They met on Thursday.", 0_y / 1 / 1);
    CHECK(doc.timexes.empty());
    CHECK(extractor.extract("They met on Thursday.", 0_y / 1 / 8).timexes.at(0).value == "0000-01-06");
}
