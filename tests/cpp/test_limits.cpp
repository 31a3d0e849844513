// The documented limits (README, "Limits and reliability"): each input at or past a limit has one stated outcome.
// Every document extracted here is also checked against the promises of document_invariants.hpp.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <chronoweave/chronoweave.hpp>

#include "document_invariants.hpp"

using namespace chronoweave;
using namespace date::literals;

namespace {

const Extractor& extractor() {
    static const Extractor instance;
    return instance;
}

constexpr Date published = 2025_y / date::May / 22;

Document checked_extract(std::string text, std::optional<Date> date = published) {
    Document doc = extractor().extract(std::move(text), date);
    const std::string violation = testing::document_violation(doc);
    CHECK_MESSAGE(violation.empty(), violation);
    return doc;
}

// (text, value) of every timex, for comparing what two spellings of a document give.
std::vector<std::pair<std::string, std::string>> found(const Document& doc) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Timex& t : doc.timexes) out.emplace_back(doc.text_of(t.span), t.value);
    return out;
}

using Found = std::vector<std::pair<std::string, std::string>>;

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace

TEST_CASE("limits: 50 MB in one line is processed whole") {
    const std::string unit = "talks resumed on May 16, 2025 in Istanbul, and the delegations stayed late, ";
    const std::size_t units = (std::size_t{50} << 20) / unit.size() + 1;
    std::string text;
    text.reserve(units * unit.size());
    for (std::size_t k = 0; k < units; ++k) text += unit;
    REQUIRE(text.size() > std::size_t{50} << 20);
    REQUIRE(text.size() <= Extractor::max_document_bytes);
    const Document doc = checked_extract(std::move(text));
    CHECK(doc.sentences.size() == 1);
    REQUIRE(doc.timexes.size() == units);
    CHECK(doc.timexes.back().value == "2025-05-16");
    CHECK(doc.text_of(doc.timexes.back().span) == "May 16, 2025");
}

TEST_CASE("limits: a document of one million short sentences") {
    std::string text;
    for (int k = 0; k < 1000000; ++k) text += k % 1000 == 0 ? "It rained on May 16. " : "It rained. ";
    const Document doc = checked_extract(std::move(text));
    CHECK(doc.sentences.size() == 1000000);
    REQUIRE(doc.timexes.size() == 1000);
    CHECK(doc.timexes.back().value == "2025-05-16");
}

TEST_CASE("limits: the largest document is accepted, one byte more is refused before any work") {
    std::string largest(Extractor::max_document_bytes, ' ');
    CHECK(checked_extract(largest).sentences.empty());
    largest += ' ';
    CHECK_THROWS_AS(extractor().extract(std::move(largest)), DocumentTooLargeError);
}

TEST_CASE("limits: a timex anchored to an event at the edge of the calendar is left untagged, not wrapped") {
    // The day after 9999-12-31 cannot be written: no timex, no event dated by one.
    const Document last = checked_extract("Talks were held on Friday. The day after the talks, the envoys left.",
                                          date::year{9999} / date::December / 31);
    for (const Timex& t : last.timexes) CHECK(t.value.rfind("9999-12-31", 0) == 0);
    // The night before 0000-01-01 (1 BC) falls in 2 BC, which values write before the common era.
    const Document first = checked_extract(
        "Officials announced on Saturday that talks were over. On the night before the announcement, the army said it "
        "had downed 40 drones.",
        date::year{0} / date::January / 1);
    CHECK(found(first) == Found{{"Saturday", "0000-01-01"}, {"the night", "BC0002-12-31TNI"}});
    for (const Event& e : first.events)
        if (e.interval) CHECK(date::year_month_day{e.interval->first_day()}.year() >= date::year{-1});
    // Nothing named after the signal, or nothing dated: the story's reading stays.
    CHECK(checked_extract("the night before the announcement").timexes.front().anchor == AnchorKind::publication);
    CHECK(checked_extract("The day after").timexes.front().anchor == AnchorKind::publication);
}

TEST_CASE("limits: years far from now are tagged only where the value can be written") {
    // Values have four-digit years, from BC9999 to 9999. Bare numbers are years only from 1000 to 2099; others need
    // a cue.
    // "10,000 years ago" and counts past a million are in test_temporal.cpp ("things that are not timexes").
    struct Case {
        std::string text;
        Found expected;
    };
    for (const Case& c : std::vector<Case>{
             {"The vault stays shut until 9999.", {}},
             {"The vault stays shut until the year 9999.", {{"the year 9999", "9999"}}},
             {"The calendar starts with the year 1.", {{"the year 1", "0001"}}},
             {"Nothing is known of the year 10000.", {}},
             {"The 9990s are far off.", {{"The 9990s", "999"}}},
             {"Dinosaurs lived 66000000 years ago.", {}},
         }) {
        CAPTURE(c.text);
        CHECK(found(checked_extract(c.text)) == c.expected);
    }
    // Relative to a publication date at either end of the calendar, what would leave the years values can write is
    // left untagged: after 9999, before BC9999, and weeks before year 0.
    CHECK(found(checked_extract("They met yesterday, on Thursday, and last week.", 0_y / 1 / 1)) ==
          Found{{"yesterday", "BC0002-12-31"}, {"Thursday", "BC0002-12-30"}});
    CHECK(found(checked_extract("In 9990 BC the herds came back. In 9999 BC the ice retreated. The previous year, the "
                                "river flooded. The following year it froze.")) ==
          Found{{"9990 BC", "BC9990"}, {"9999 BC", "BC9999"}, {"The following year", "BC9998"}});
    CHECK(found(checked_extract("They will meet tomorrow, next week and next year.", 9999_y / 12 / 31)).empty());
    CHECK(found(checked_extract("They met yesterday.", 9999_y / 12 / 31)) == Found{{"yesterday", "9999-12-30"}});
    // Publication dates outside the calendar are the caller's error.
    for (const Date bad : {Date{-1_y / 12 / 31}, Date{10000_y / 1 / 1}, Date{2025_y / 2 / 30}})
        CHECK_THROWS_AS(extractor().extract("text", bad), InvalidDateError);
}

TEST_CASE("limits: numbers that overflow any integer type are never wrapped into a value") {
    for (const char* text : {"It ends in 99999999999999999999 days.", "It began 99999999999999999999 years ago.",
                             "It lasts 18446744073709551616 seconds.", "It ends 9223372036854775808 days later.",
                             "It began 2147483648 weeks ago.", "It ends 4294967296 hours later.",
                             "It repeats every 99999999999999999999 days.", "at 99999999999999999999:30",
                             "at 15:30:99999999999999999999", "in the 99999999999999999990s",
                             "the 99999999999999999999th century", "on 99999999999999999999-05-16",
                             "on 5/16/99999999999999999999", "the year 99999999999999999999"}) {
        CAPTURE(text);
        CHECK(checked_extract(text).timexes.empty());
    }
    // A range end that would share a year past BC9999 keeps its own reading; a fraction of ten digits is no count.
    for (const Timex& t : checked_extract("The siege lasted from November to March 9999 BC.").timexes)
        CHECK(t.value.rfind("BC1", 0) != 0);
    CHECK(checked_extract("It took 1.1234567891 hours.").timexes.empty());
    // A run of 260 digits is not read as four (260 modulo 256), nor as a year.
    CHECK(checked_extract("In " + std::string(260, '1') + " the talks began.").timexes.empty());
    // A huge number next to a date leaves the date alone rather than taking the number as a day or year.
    CHECK(found(checked_extract("on May 99999999999999999999")) == Found{{"May", "2025-05"}});
    CHECK(found(checked_extract("the 99999999999999999999th of May")) == Found{{"May", "2025-05"}});
}

TEST_CASE("limits: deeply repeated patterns take linear work and give one timex per repetition") {
    std::string mays;
    for (int k = 0; k < 1000000; ++k) mays += "May ";
    const Document may_doc = checked_extract(mays);
    REQUIRE(may_doc.timexes.size() == 1000000);
    CHECK(may_doc.timexes.back().value == "2025-05");

    std::string ranges;
    for (int k = 0; k < 100000; ++k) ranges += "between June 20 and June 30 and ";
    const Document range_doc = checked_extract(ranges);
    CHECK(range_doc.timexes.size() == 200000);
    CHECK(range_doc.ranges.size() == 100000);

    // Runs of words that each could continue an expression, with nothing that completes one.
    for (const char* word : {"the ", "last ", "ago ", "years ", "every ", "16 ", ", ", "and ", "May 16, "}) {
        std::string text;
        for (int k = 0; k < 200000; ++k) text += word;
        CAPTURE(word);
        checked_extract(text);
    }
}

TEST_CASE("limits: invalid UTF-8 is refused at its first bad byte wherever it is") {
    std::string large(1 << 20, 'a');
    for (const std::string bad : {"\xff", "\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80", "\xe2\x82"}) {
        for (const std::size_t at : {std::size_t{0}, large.size() / 2, large.size()}) {
            std::string text = large;
            text.insert(at, bad);
            CAPTURE(at);
            try {
                (void)extractor().extract(text, published);
                FAIL("no InvalidUtf8Error");
            } catch (const InvalidUtf8Error& e) {
                CHECK(e.byte_offset() == at);
            }
        }
    }
}

TEST_CASE("limits: NUL bytes are text like any other") {
    const std::string nul(1, '\0');
    // A NUL separates words as punctuation does: it ends an expression but does not hide one.
    CHECK(found(checked_extract("On May 16" + nul + "2025 and" + nul + "yesterday" + nul)) ==
          Found{{"May 16", "2025-05-16"}, {"2025", "2025"}, {"yesterday", "2025-05-21"}});
    CHECK(checked_extract(std::string(1 << 20, '\0')).timexes.empty());
    CHECK(to_json(checked_extract("a" + nul + "b")).find("a\\u0000b") != std::string::npos);
}

TEST_CASE("limits: CR LF, lone CR, Unicode line separators and mixed line endings read as LF does") {
    // A timex never spans a line break: "May\n17" is two words on two lines.
    const std::string lf =
        "On\nMay 16,\n2025 the talks resumed.\nThey ended\non Thursday\nand resumed two days later.\n\nMay\n17";
    const Document reference = checked_extract(lf);
    CHECK(found(reference) == Found{{"May 16", "2025-05-16"},
                                    {"2025", "2025"},
                                    {"Thursday", "2025-05-22"},
                                    {"two days", "2025-05-24"},
                                    {"May", "2025-05"}});
    for (const std::string ending : {"\r\n", "\r", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
        CAPTURE(ending);
        const Document doc = checked_extract(replace_all(lf, "\n", ending));
        CHECK(found(doc) == found(reference));
        CHECK(doc.sentences.size() == reference.sentences.size());
    }
    // Mixed: every line ending of the text a different one.
    std::string mixed;
    int line = 0;
    for (const char c : lf) {
        if (c != '\n') {
            mixed += c;
            continue;
        }
        mixed += std::vector<std::string>{"\n", "\r\n", "\r"}[line++ % 3];
    }
    const Document mixed_doc = checked_extract(mixed);
    CHECK(found(mixed_doc) == found(reference));
    CHECK(mixed_doc.sentences.size() == reference.sentences.size());
}

TEST_CASE("limits: HTML entities are not decoded; decode them before extraction") {
    // "&nbsp;" is read as the characters it is written with, so it splits "May 16, 2025" like any punctuation.
    CHECK(found(checked_extract("Talks on May&nbsp;16, 2025 and on May&#160;17.")) ==
          Found{{"May", "2025-05"}, {"2025", "2025"}, {"May", "2025-05"}});
    CHECK(found(checked_extract("Talks on May 16&amp;17.")) == Found{{"May 16", "2025-05-16"}});
    // The decoded text, with U+00A0 NO-BREAK SPACE, is read whole.
    CHECK(found(checked_extract("Talks on May\xC2\xA0" "16, 2025 and on May\xC2\xA0" "17.")) ==
          Found{{"May\xC2\xA0" "16, 2025", "2025-05-16"}, {"May\xC2\xA0" "17", "2025-05-17"}});
}

TEST_CASE("limits: reading one timex against another day at the edges of the calendar") {
    const std::string text = "They meet Friday at 3 p.m. and again ten days after December 25. The day before January "
                             "1, drones struck overnight. Talks lasted 1000000 years and 11 months.";
    // Each day a count, a clock time or a night is read against may lie past 9999 or before year 0: such a reading
    // keeps the timex's own value (or none), never a value outside the calendar (checked_extract checks the values).
    for (const Date edge : {Date{9999_y / 12 / 28}, Date{9999_y / 12 / 31}, Date{0_y / 1 / 1}, Date{0_y / 1 / 5}}) {
        CAPTURE(format_iso_date(edge));
        CHECK_FALSE(checked_extract(text, edge).timexes.empty());
    }
    CHECK(found(checked_extract("They met the day before January 1.", 0_y / 1 / 5)) ==
          Found{{"the day", "BC0002-12-31"}, {"January 1", "0000-01-01"}});
    // Ten days after 9999-12-25 is past the calendar: the count stays the stretch it is.
    CHECK(found(checked_extract("They will meet ten days after December 25.", 9999_y / 12 / 28)) ==
          Found{{"ten days", "P10D"}, {"December 25", "9999-12-25"}});
    CHECK(found(checked_extract("Talks lasted 1000000 years and 11 months.")) ==
          Found{{"1000000 years and 11 months", "P1000000Y11M"}});
}

TEST_CASE("limits: the readings added last, cut short at the end of a text or at the edges of the calendar") {
    // An aside, a possessive or a count cut off by the end of the text, or reaching past 9999 or before year 0, gives
    // whatever timexes it holds and never a value outside the calendar (checked_extract checks every document).
    const std::vector<std::string> texts = {
        "",
        "(",
        "The quake struck at 10:35 a.m. (",
        "The quake struck at 10:35 a.m. (0835 GMT)",
        "Polls close at 9 p.m. () Friday.",
        "They will appeal Wednesday'",
        "They will appeal Wednesday's",
        "Banks must wait 30 days before",
        "Banks must wait 99999999999999999999 days before closing.",
        "The port was rebuilt two years before.",
        "On December 7, 1941, and in 1941, war came. In January it spread.",
        "On Tuesday, the national association of county road engineers of the western districts plans",
    };
    for (const Date edge : {published, Date{9999_y / 12 / 31}, Date{0_y / 1 / 1}})
        for (const std::string& text : texts) {
            CAPTURE(text);
            CAPTURE(format_iso_date(edge));
            checked_extract(text, edge);
        }
    CHECK(found(checked_extract("The port was rebuilt ten days before.", 0_y / 1 / 1)) ==
          Found{{"ten days", "BC0002-12-22"}});
    CHECK(found(checked_extract("They will appeal Wednesday's", 9999_y / 12 / 31)) == Found{{"Wednesday", "9999-12-29"}});
}

TEST_CASE("limits: deferrals, weekdays beside dates, ranges in a story and winters, cut short or at the calendar's edges") {
    const std::vector<std::string> texts = {
        "The court postponed until",
        "The court postponed until Tuesday",
        "until",
        "December 14,",
        "December 14, Friday",
        "December 14, Friday night",
        "Friday (",
        "Friday (Dec. 14",
        "Dec. 14 (Friday",
        "Dec. 14 (Friday)",
        "at 8 p.m. (Dec. 14)",
        "The war began in 1914. In 1918 they fought from October to",
        "The war began in 1914. In 1918 they fought from October to March, then in May.",
        "The war began in 1914. In 1918 the army held out over the winter.",
        "This winter, last winter, next winter and the winter of 9999.",
        "In the third quarter. For the nine months, net rose from a year earlier.",
        "The fire was out 1.5 hours later.",
        "The fire was out 99999999999999999999.5 hours later.",
        "at the then current price",
        "later in the day",
        "On May 12, the day before",
        ", the day before the vote",
        "On May 12, the night after the vote, 99999999999999999999 days after it",
        "see u next fri, this sat or coming thurs",
        "next",
        "every other",
        "It will last",
        "the first quarter of next",
        "at 2:30 a.m. local time on",
        "that afternoon",
        "the early morning hours of 30",
        "the night of Friday, Oct.",
        "the morning of 31 January 99999",
        "In 480 BC, held since",
        "In 480 BC, held since 99999 BC. The following year",
        "Christmas Eve night",
        "for 99999999999999999999 straight days and 99999999999999999999 and half years",
        "three straight",
        "next Friday night, this sat morning, coming sun",
        "last December, last January, last November",
        "In 1789, the same",
        "the early hours of",
        "the small hours of Sunday, 3",
        "the early hours of 99999999999999999999 May",
        "a fortnight",
        "99999999999999999999 fortnights, 1000000 fortnights ago, a fortnight and a half, a fortnight before",
        "In 99999 BC, a fortnight earlier, by the end of the decade and the century",
        "the week before",
        "the year before last, the quarter after next",
        "the second half of next",
        "the third half of next year",
        "Easter, last Easter, next Orthodox Easter, Easter 9999, Easter 1 and Good Friday 480 BC",
        "the week of Easter",
        "Easter week",
        "H2 99999, H0 2025, H99999999999999999999 2025, the year to",
        "9999999 and a half centuries ago, 9999999.999999999 years ago, 0.5 weeks ago, two and a half",
    };
    for (const Date edge : {published, Date{9999_y / 12 / 31}, Date{0_y / 1 / 1}, Date{0_y / 12 / 31}})
        for (const std::string& text : texts) {
            CAPTURE(text);
            CAPTURE(format_iso_date(edge));
            checked_extract(text, edge);
        }
    // The Friday after the last day of 9999 (a Friday) is in 10000, which cannot be written.
    CHECK(found(checked_extract("see u next fri", 9999_y / 12 / 31)).empty());
    // The winter ahead of the last day of 9999 ends in 10000, which cannot be written.
    CHECK(found(checked_extract("Next winter.", 9999_y / 12 / 31)).empty());
    // The winter of the first January of year 0 began in December of 2 BC.
    CHECK(found(checked_extract("This winter.", 0_y / 1 / 1)) == Found{{"This winter", "0000-WI"}});
    // "last December" said in January is the December a year before the one just gone; before year 0 it is written
    // as a year before the common era (year -1 is 2 BC).
    CHECK(found(checked_extract("It closed last December.", 2_y / 1 / 15)) == Found{{"last December", "0000-12"}});
    CHECK(found(checked_extract("It closed last December.", 1_y / 1 / 15)) == Found{{"last December", "BC0002-12"}});
}

TEST_CASE("limits: a short text after a long one on the same thread reads as it reads alone") {
    // Each thread keeps its token buffers from one document to the next; what a longer text left in them must not
    // show through.
    const std::string short_text = "Talks resumed on Monday at 10:00 (0800 GMT).";
    const std::string alone = to_json(checked_extract(short_text));
    std::string long_text;
    for (int i = 0; i < 20000; ++i) long_text += "Envoys met in Brenner on May 16, 2025 and talks resumed on Monday. ";
    checked_extract(long_text);
    CHECK(to_json(checked_extract(short_text)) == alone);
}
