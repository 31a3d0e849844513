#include <atomic>
#include <thread>
#include <doctest/doctest.h>

#include <chronoweave/chronoweave.hpp>

using namespace chronoweave;
using namespace date::literals;

TEST_CASE("absolute dates in their common written forms") {
    const Extractor extractor;
    for (const char* text : {"The talks were held on May 16, 2025.", "The talks were held on 2025-05-16.",
                             "The talks were held on 16 May 2025.", "The talks were held on May 16th, 2025.",
                             "The talks were held on 5/16/2025.", "The talks were held on Friday, May 16, 2025."}) {
        CAPTURE(text);
        const auto doc = extractor.extract(text, 2025_y / date::June / 1);
        REQUIRE(doc.timexes.size() == 1);
        CHECK(doc.timexes[0].type == TimexType::date);
        CHECK(doc.timexes[0].value == "2025-05-16");
        REQUIRE(doc.timexes[0].interval.has_value());
        CHECK(doc.timexes[0].interval->first_day() == date::sys_days{2025_y / date::May / 16});
        CHECK(doc.text_of(doc.timexes[0].span).find("16") != std::string_view::npos);
    }
}

TEST_CASE("extract rejects bad input with our errors and accepts edge cases") {
    const Extractor extractor;
    CHECK_THROWS_AS(extractor.extract("bad \xff text"), InvalidUtf8Error);
    CHECK_THROWS_AS(extractor.extract("text", date::year_month_day{2025_y / 2 / 30}), InvalidDateError);
    const auto empty = extractor.extract("");
    CHECK(empty.timexes.empty());
    CHECK(empty.sentences.empty());
    const auto nul = extractor.extract(std::string("On May 16, 2025\0 and", 21), 2025_y / 5 / 20);
    REQUIRE(nul.timexes.size() == 1);
    CHECK(nul.timexes[0].value == "2025-05-16");
}

TEST_CASE("documents past the size limit are refused before any work") {
    const Extractor extractor;
    std::string huge(Extractor::max_document_bytes + 1, ' ');
    CHECK_THROWS_AS(extractor.extract(std::move(huge)), DocumentTooLargeError);
    // A large document within the limit, one long line of repeated sentences, is processed whole.
    std::string large;
    for (int i = 0; i < 100000; ++i) large += "Talks resumed on May 16, 2025 in Istanbul. ";
    const auto doc = extractor.extract(std::move(large), 2025_y / 5 / 20);
    CHECK(doc.timexes.size() == 100000);
    CHECK(doc.timexes.back().value == "2025-05-16");
}

TEST_CASE("byte offsets are right after multi-byte text") {
    const Extractor extractor;
    const std::string text = "Київ і Москва — переговори 16 травня; in English: May 16, 2025 🙂.";
    const auto doc = extractor.extract(text, 2025_y / 5 / 20);
    REQUIRE(doc.timexes.size() == 1);
    CHECK(doc.text_of(doc.timexes[0].span) == "May 16, 2025");
}

TEST_CASE("one extractor shared by threads gives the same documents") {
    const Extractor extractor;
    const std::string text = "On Thursday, two days after the May 16 talks, officials met again. Talks resume next week.";
    const auto expected = extractor.extract(text, 2025_y / 5 / 22);
    std::vector<std::thread> threads;
    std::atomic<int> mismatches{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i)
                if (!(extractor.extract(text, 2025_y / 5 / 22) == expected)) ++mismatches;
        });
    for (auto& t : threads) t.join();
    CHECK(mismatches == 0);
}
