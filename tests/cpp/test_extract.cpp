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

TEST_CASE("byte offsets are right after multi-byte text") {
    const Extractor extractor;
    const std::string text = "Київ і Москва — переговори 16 травня; in English: May 16, 2025 🙂.";
    const auto doc = extractor.extract(text, 2025_y / 5 / 20);
    REQUIRE(doc.timexes.size() == 1);
    CHECK(doc.text_of(doc.timexes[0].span) == "May 16, 2025");
}

TEST_CASE("a timexes-only extraction finds what a full one finds, and no events; an events one, no relations") {
    const Extractor extractor;
    const std::string text =
        "Envoys of Valdoria and Karesh met in Geneva on Tuesday and agreed to meet again between June 20 and June 30.\n"
        "The ministers said last week that a ceasefire signed on 3 March 2024 would hold for two years.\n"
        "Sales rose 4% in the third quarter; the board will vote at the end of next month, about 10:30 a.m.";
    const auto full = extractor.extract(text, 2025_y / date::June / 5, "talks");
    const auto timexes_only = extractor.extract(text, 2025_y / date::June / 5, "talks", Extraction::timexes);
    REQUIRE(full.timexes.size() >= 6);
    REQUIRE_FALSE(full.events.empty());
    REQUIRE_FALSE(full.ranges.empty());
    CHECK(timexes_only.events.empty());
    CHECK(timexes_only.relations.empty());
    CHECK(timexes_only.id == full.id);
    CHECK(timexes_only.published == full.published);
    CHECK(timexes_only.sentences == full.sentences);
    CHECK(timexes_only.timexes == full.timexes);
    CHECK(timexes_only.ranges == full.ranges);
    CHECK_THROWS_AS(extractor.extract("bad \xff text", std::nullopt, {}, Extraction::timexes), InvalidUtf8Error);
    // An extraction of the events finds what a full one finds, without the relations.
    const auto events_only = extractor.extract(text, 2025_y / date::June / 5, "talks", Extraction::events);
    REQUIRE_FALSE(full.relations.empty());
    CHECK(events_only.relations.empty());
    CHECK(events_only.sentences == full.sentences);
    CHECK(events_only.timexes == full.timexes);
    CHECK(events_only.ranges == full.ranges);
    CHECK(events_only.events == full.events);
    // Only the events can anchor a timex to one: without them "the night" keeps the story's reading.
    const std::string anchored = "Talks ended on May 16. Officials announced on Thursday that talks were over. "
                                 "On the night before the announcement, drones hit a depot.";
    const auto night = [](const Document& doc) { return doc.timexes.back(); };
    const auto with_events = extractor.extract(anchored, 2025_y / date::May / 23);
    const auto without_events = extractor.extract(anchored, 2025_y / date::May / 23, {}, Extraction::timexes);
    CHECK(night(with_events).anchor == AnchorKind::event);
    CHECK(night(with_events).value == "2025-05-21TNI");
    CHECK(night(without_events).anchor == AnchorKind::timex);
    // A count of days before an event counts from the event's day too.
    const auto counted = extractor.extract("Talks ended on May 16. Officials announced on Thursday that talks were "
                                           "over. Ten days before the announcement, drones hit a depot.",
                                           2025_y / date::May / 23);
    CHECK(counted.timexes.back().anchor == AnchorKind::event);
    CHECK(counted.timexes.back().value == "2025-05-12");
    // A count after an event is the stretch itself until the event dates it.
    const std::string after = "The envoys first met in Brenner on 3 March. The two sides freed their prisoners "
                              "almost a week after their first meeting.";
    const Timex week = extractor.extract(after, 2025_y / date::March / 11).timexes.back();
    CHECK((week.type == TimexType::date && week.value == "2025-W11" && week.mod == TimexMod::approx));
    CHECK(week.anchor == AnchorKind::event);
    const Timex stretch = extractor.extract(after, 2025_y / date::March / 11, {}, Extraction::timexes).timexes.back();
    CHECK((stretch.type == TimexType::duration && stretch.value == "P1W" && stretch.anchor == AnchorKind::none));
}

TEST_CASE("a count before or after a day counts from that day, with or without the events") {
    for (const Extraction extraction : {Extraction::full, Extraction::timexes}) {
        CAPTURE(static_cast<int>(extraction));
        const Document doc = Extractor{}.extract("They met the day before May 16, and again ten days after May 16.",
                                                 2025_y / date::May / 22, {}, extraction);
        REQUIRE(doc.timexes.size() == 4);
        CHECK((doc.timexes[0].value == "2025-05-15" && doc.timexes[0].anchor == AnchorKind::timex &&
               doc.timexes[0].anchor_timex == std::size_t{1}));
        CHECK((doc.timexes[2].value == "2025-05-26" && doc.timexes[2].anchor_timex == std::size_t{3}));
    }
    // The day the phrase counts from is not the day the sentence tells of: "the following day" goes on from Sunday.
    const Document swap = Extractor{}.extract(
        "Both sides freed 500 detainees on Sunday, almost a week after their first meeting in Brenner on 3 March. "
        "The following day, the presidents spoke by telephone.",
        2025_y / date::March / 11);
    CHECK(swap.timexes.back().value == "2025-03-10");
}

TEST_CASE("a phrase set beside a day after a comma names that day; a count beside it stays the stretch") {
    for (const Extraction extraction : {Extraction::full, Extraction::timexes}) {
        CAPTURE(static_cast<int>(extraction));
        const Document doc = Extractor{}.extract(
            "The index peaked on May 12, the day before the talks collapsed. The envoy left on May 20, nearly two "
            "weeks after the shelling began.",
            2025_y / date::May / 22, {}, extraction);
        REQUIRE(doc.timexes.size() == 4);
        CHECK((doc.timexes[1].value == "2025-05-12" && doc.timexes[1].anchor == AnchorKind::timex &&
               doc.timexes[1].anchor_timex == std::size_t{0}));
        CHECK(doc.timexes[3].value == "P2W");
    }
}
