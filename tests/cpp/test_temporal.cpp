#include <doctest/doctest.h>

#include <chronoweave/chronoweave.hpp>

using namespace chronoweave;

namespace {

struct Expect {
    const char* text;        // the sentence
    const char* dct;         // publication date
    const char* timex;       // the expected timex text ("" for none)
    const char* type;
    const char* value;
    const char* mod = "";
};

const Extractor& extractor() {
    static const Extractor instance;
    return instance;
}

void check_table(const std::vector<Expect>& table) {
    for (const Expect& e : table) {
        const std::string text = e.text, dct = e.dct;
        CAPTURE(text);
        CAPTURE(dct);
        const auto doc = extractor().extract(e.text, parse_iso_date_or_throw(e.dct));
        if (std::string_view(e.timex).empty()) {
            CHECK(doc.timexes.empty());
            continue;
        }
        const Timex* found = nullptr;
        for (const Timex& t : doc.timexes)
            if (doc.text_of(t.span) == e.timex) found = &t;
        REQUIRE_MESSAGE(found != nullptr, "no timex '" << e.timex << "'");
        CHECK(to_string(found->type) == e.type);
        CHECK(found->value == e.value);
        CHECK(to_string(found->mod) == e.mod);
    }
}

// The values of every timex of `text`, in text order.
std::vector<std::string> values_of(const char* text, const char* published) {
    std::vector<std::string> values;
    for (const Timex& t : extractor().extract(text, parse_iso_date_or_throw(published)).timexes) values.push_back(t.value);
    return values;
}

}  // namespace

TEST_CASE("calendar dates, partial and full") {
    check_table({
        {"Talks resumed on May 16.", "2025-05-22", "May 16", "DATE", "2025-05-16"},
        {"They will meet on June 20.", "2025-06-03", "June 20", "DATE", "2025-06-20"},
        {"Prices rose in May.", "2026-01-10", "May", "DATE", "2025-05"},
        {"The region was annexed in September 2022.", "2025-06-03", "September 2022", "DATE", "2022-09"},
        {"Crimea was annexed in 2014.", "2025-05-17", "2014", "DATE", "2014"},
        {"It happened in the 1990s.", "2025-05-17", "the 1990s", "DATE", "199"},
        {"Sales boomed in the late '90s.", "2025-05-17", "the late '90s", "DATE", "199", "END"},
        {"the first talks since the spring of 2022", "2025-05-17", "the spring of 2022", "DATE", "2022-SP"},
        {"After their 1982 summer offensives failed, they dug in.", "2009-12-19", "1982 summer", "DATE", "1982-SU"},
        {"Sales fell in the third quarter.", "1989-10-30", "the third quarter", "DATE", "1989-Q3"},
        {"We met on 16 May 2025.", "2025-05-20", "16 May 2025", "DATE", "2025-05-16"},
        {"A museum trip on 27.03.15 with the class.", "2015-03-28", "27.03.15", "DATE", "2015-03-27"},
        {"Signed on 16.05.2025 in Istanbul.", "2025-05-20", "16.05.2025", "DATE", "2025-05-16"},
        {"Shops will close at Christmas.", "2025-05-20", "Christmas", "DATE", "2025-12-25"},
        {"The army crossed the river on Christmas night.", "2025-12-20", "Christmas night", "TIME", "2025-12-25TNI"},
        {"Sales were strong at Christmas.", "2025-05-20", "Christmas", "DATE", "2024-12-25"},
        {"Shops close at Christmas.", "2025-10-20", "Christmas", "DATE", "2025-12-25"},
        {"Growth slowed in mid-May.", "2025-06-20", "mid-May", "DATE", "2025-05", "MID"},
        {"Results come early June.", "2025-05-20", "early June", "DATE", "2025-06", "START"},
        {"Debt will rise by the end of 2024.", "2024-03-01", "the end of 2024", "DATE", "2024", "END"},
    });
}

TEST_CASE("dates relative to the publication date") {
    check_table({
        {"The exchange was agreed yesterday.", "2025-05-17", "yesterday", "DATE", "2025-05-16"},
        {"The Kremlin said today that talks would continue.", "2025-05-17", "today", "DATE", "2025-05-17"},
        {"Delegates arrive tomorrow.", "2025-05-17", "tomorrow", "DATE", "2025-05-18"},
        {"Peskov said on Thursday that no talks were set.", "2025-05-22", "Thursday", "DATE", "2025-05-22"},
        {"The round of talks held on Monday ended early.", "2025-06-03", "Monday", "DATE", "2025-06-02"},
        {"The sides will meet on Monday.", "2025-05-22", "Monday", "DATE", "2025-05-26"},
        {"Prices fell last week.", "2025-05-22", "last week", "DATE", "2025-W20"},
        {"Parliament meets next month.", "2025-05-22", "next month", "DATE", "2025-06"},
        {"The ceasefire began two days ago.", "2025-05-22", "two days ago", "DATE", "2025-05-20"},
        {"The law changed a year earlier.", "2025-05-22", "a year earlier", "DATE", "2024"},
        {"Unemployment is high this year.", "2025-05-22", "this year", "DATE", "2025"},
        {"Talks are not scheduled now.", "2025-05-22", "now", "DATE", "PRESENT_REF"},
        {"Holders could buy at half the then-current price.", "2025-05-22", "then-current", "DATE", "PAST_REF"},
        {"Holders could buy at half the then current price.", "2025-05-22", "then current", "DATE", "PAST_REF"},
        {"Prices rose in past years.", "2025-05-22", "past years", "DATE", "PAST_REF"},
        {"Talks may resume in the coming months.", "2025-05-22", "coming months", "DATE", "FUTURE_REF"},
        {"Drones were launched last night.", "2025-05-22", "last night", "TIME", "2025-05-21TNI"},
        {"The spokesman spoke this morning.", "2025-05-22", "this morning", "TIME", "2025-05-22TMO"},
        // "before last" and "after next" count two units; the day before "last Tuesday" is one day before it.
        {"Prices fell the week before last.", "2026-11-20", "the week before last", "DATE", "2026-W45"},
        {"They met the year before last.", "2026-11-20", "the year before last", "DATE", "2024"},
        {"The plan is due the year after next.", "2026-11-20", "the year after next", "DATE", "2028"},
        {"Sales fell in the quarter before last.", "2026-11-20", "the quarter before last", "DATE", "2026-Q2"},
        {"He left the day before last Tuesday.", "2026-11-20", "last Tuesday", "DATE", "2026-11-17"},
    });
}

TEST_CASE("informal spellings of short texts") {
    check_table({
        {"see u tmrw at the rally", "2025-05-22", "tmrw", "DATE", "2025-05-23"},
        {"leaving for Crewe tomo morning", "2025-05-22", "tomo morning", "TIME", "2025-05-23TMO"},
        {"see u tommorow", "2025-05-22", "tommorow", "DATE", "2025-05-23"},
        {"Tomo Suzuki said hi", "2025-05-22", "", "", ""},
        {"big night 2nite", "2025-05-22", "2nite", "TIME", "2025-05-22TNI"},
        {"home for xmas", "2025-12-01", "xmas", "DATE", "2025-12-25"},
        {"We love summer in the city.", "2025-05-22", "summer", "DATE", "2025-SU"},
        {"Rallies were planned for the weekend.", "2025-05-22", "the weekend", "DATE", "2025-W21-WE"},
        // A short weekday in lower case is read after "this" or "next", where it cannot be a verb.
        {"gig this sat at 8", "2025-05-22", "this sat", "DATE", "2025-05-24"},
        {"see u next fri", "2025-05-22", "next fri", "DATE", "2025-05-23"},
        {"voting closes this fri night", "2025-05-22", "this fri night", "TIME", "2025-05-23TNI"},
        {"The panel sat in March.", "2025-05-22", "March", "DATE", "2025-03"},
        {"Enjoy this sun while it lasts.", "2025-05-22", "", "", ""},
    });
}

TEST_CASE("times of day") {
    check_table({
        {"The meeting starts at 3 p.m.", "2025-05-16", "3 p.m.", "TIME", "2025-05-16T15:00"},
        {"The call was at 15:30 GMT.", "2025-05-16", "15:30 GMT", "TIME", "2025-05-16T15:30"},
        {"Dinner is at 8:30pm sharp.", "2015-04-20", "8:30pm", "TIME", "2015-04-20T20:30"},
        {"We got back to camp at 1130pm.", "2015-04-20", "1130pm", "TIME", "2015-04-20T23:30"},
        {"Doors open at 7.30am sharp.", "2015-04-20", "7.30am", "TIME", "2015-04-20T07:30"},
        {"The barrage began at 03:00hrs on the front.", "2015-04-20", "03:00hrs", "TIME", "2015-04-20T03:00"},
        {"Doors open at 6pm tmr at the hall.", "2013-03-29", "6pm tmr", "TIME", "2013-03-30T18:00"},
        {"The final is this Sat, 7pm at the stadium.", "2013-04-10", "this Sat, 7pm", "TIME", "2013-04-13T19:00"},
        {"Class will resume Wed 9:00am sharp.", "2015-05-04", "Wed 9:00am", "TIME", "2015-05-06T09:00"},
        {"Join us on May 10, 2014 2pm at the studio.", "2014-05-06", "May 10, 2014 2pm", "TIME", "2014-05-10T14:00"},
        {"Lunch is served at 12 noon.", "2015-03-22", "12 noon", "TIME", "2015-03-22T12:00"},
        {"By mid afternoon the roads were shut.", "1998-03-06", "mid afternoon", "TIME", "1998-03-06TAF", "MID"},
        {"Shares rose at mid-afternoon yesterday.", "1989-11-02", "mid-afternoon yesterday", "TIME", "1989-11-01TAF",
         "MID"},
        {"Another late night at the office.", "2014-09-16", "late night", "TIME", "2014-09-16TNI", "END"},
        {"Sirens sounded on Thursday night.", "2025-05-23", "Thursday night", "TIME", "2025-05-22TNI"},
        {"He left last Saturday night.", "2013-04-11", "last Saturday night", "TIME", "2013-04-06TNI"},
        {"They meet next Monday morning.", "2013-04-11", "next Monday morning", "TIME", "2013-04-15TMO"},
    });
}

TEST_CASE("durations and their modifiers") {
    check_table({
        {"The meeting lasted two hours.", "2025-05-16", "two hours", "DURATION", "PT2H"},
        {"a two-hour meeting", "2025-05-16", "two-hour", "DURATION", "PT2H"},
        {"a 30-day ceasefire", "2025-05-16", "30-day", "DURATION", "P30D"},
        // TimeML leaves "over", "about", "almost" out of the span and records them in mod.
        {"a conflict that has lasted over three years", "2025-06-03", "over three years", "DURATION", "P3Y", "MORE_THAN"},
        {"the second round in less than two weeks", "2025-06-03", "less than two weeks", "DURATION", "P2W", "LESS_THAN"},
        {"It took several months.", "2025-06-03", "several months", "DURATION", "PXM"},
        // An adjective between the count and its unit leaves the stretch as counted.
        {"Stocks fell for three straight days.", "2025-06-03", "three straight days", "DURATION", "P3D"},
        {"Profit rose for two consecutive quarters.", "2025-06-03", "two consecutive quarters", "DURATION", "P2Q"},
        {"After ten brutal months the siege ended.", "2025-06-03", "ten brutal months", "DURATION", "P10M"},
        {"The city held out for two and half years.", "2025-06-03", "two and half years", "DURATION", "P2Y6M"},
        {"The war has lasted decades.", "2025-06-03", "decades", "DURATION", "PXDE"},
        {"Prices rose in the past 24 hours.", "2025-06-03", "the past 24 hours", "DURATION", "PT24H"},
        {"Kyiv needs about a week to reply.", "2025-06-03", "a week", "DURATION", "P1W", "APPROX"},
        {"The truce lasted nearly a month.", "2025-06-03", "nearly a month", "DURATION", "P1M", "APPROX"},
    });
}

TEST_CASE("sets") {
    check_table({
        {"Both sides launch drones daily.", "2025-05-22", "daily", "SET", "P1D"},
        {"Both sides launch drones almost daily.", "2025-05-22", "daily", "SET", "P1D", "APPROX"},
        {"The council meets every Monday.", "2025-05-22", "every Monday", "SET", "XXXX-WXX-1"},
        {"Envoys meet twice a week.", "2025-05-22", "twice a week", "SET", "P1W"},
        {"Reports are filed each year.", "2025-05-22", "each year", "SET", "P1Y"},
        {"Ferries sail every other day.", "2025-05-22", "every other day", "SET", "P2D"},
        {"The envoy calls every second week.", "2025-05-22", "every second week", "SET", "P2W"},
    });
}

TEST_CASE("things that are not timexes") {
    check_table({
        {"A 50-year-old man was injured.", "2025-05-22", "", "", ""},
        {"They agreed to exchange 1,000 prisoners.", "2025-05-22", "", "", ""},
        {"the exchange of 1.000 prisoners", "2025-05-22", "", "", ""},
        {"a front line of 620 miles", "2025-05-22", "", "", ""},
        {"It intercepted 105 drones.", "2025-05-22", "", "", ""},
        {"The talks may resume.", "2025-05-22", "", "", ""},
        {"Protesters march through the city.", "2025-05-22", "", "", ""},
        // Phone numbers and scores.
        {"For details call 555-2014.", "2025-05-22", "", "", ""},
        {"The hotline, (202) 555-1998, opens soon.", "2025-05-22", "soon", "DATE", "FUTURE_REF"},
        {"Dial 1-800-555-2019 for tickets.", "2025-05-22", "", "", ""},
        {"Kyiv Dynamo won 3-1 at home.", "2025-05-22", "", "", ""},
        // Numbers that name a thing.
        {"Flight 2025 landed safely.", "2025-05-22", "", "", ""},
        {"The council passed Resolution 2024.", "2025-05-22", "", "", ""},
        {"The 2024 resolution stands.", "2025-05-22", "2024", "DATE", "2024"},
        // Counts too large to mean a span of time, and dates outside BC9999-9999, are left untagged, never saturated.
        {"It ends in 99999999999999999999 days.", "2025-05-22", "", "", ""},
        {"That was 3000000 years ago.", "2025-05-22", "", "", ""},
        {"It began 20,000 years ago.", "2025-05-22", "", "", ""},
    });
}

TEST_CASE("ranges give two timexes and a range") {
    const auto doc = extractor().extract("He proposed talks between June 20 and June 30.", *parse_iso_date("2025-06-03"));
    REQUIRE(doc.timexes.size() == 2);
    CHECK(doc.timexes[0].value == "2025-06-20");
    CHECK(doc.timexes[1].value == "2025-06-30");
    REQUIRE(doc.ranges.size() == 1);
    CHECK(doc.ranges[0].from == 0);
    CHECK(doc.ranges[0].to == 1);
}

TEST_CASE("bare numbers outside the years news talks about are not years") {
    check_table({
        {"The post had 4405 views.", "2025-05-17", "", "", ""},
        {"Crimea was annexed in 2014.", "2025-05-17", "2014", "DATE", "2014"},
    });
}

TEST_CASE("anchoring to the story's reference time") {
    const auto night = extractor().extract("Talks were held on May 21. The night before, drones hit the capital.",
                                           *parse_iso_date("2025-05-22"));
    REQUIRE(night.timexes.size() == 2);
    CHECK(night.timexes[1].type == TimexType::time);
    CHECK(night.timexes[1].value == "2025-05-20TNI");
    const auto doc = extractor().extract("The talks opened on May 16. The following day, both sides issued statements.",
                                         *parse_iso_date("2025-05-22"));
    REQUIRE(doc.timexes.size() == 2);
    CHECK(doc.timexes[1].value == "2025-05-17");
    CHECK(doc.timexes[1].anchor == AnchorKind::timex);
    CHECK(doc.timexes[1].anchor_timex == std::optional<std::size_t>{0});
}

TEST_CASE("'that year' and 'the following month' count from the last dated stretch, however coarse") {
    check_table({
        {"The mill opened in June 1998 and closed later that year.", "2000-01-28", "later that year", "DATE", "1998"},
        {"The board met in March 1989. The following month, it sold the unit.", "1989-10-27", "The following month",
         "DATE", "1989-04"},
        {"Imports reached $2 billion in 1988, and exports fell that year.", "1989-11-02", "that year", "DATE", "1988"},
    });
    const auto doc = extractor().extract("The board met in March 1989. The following month, it sold the unit.",
                                         *parse_iso_date("1989-10-27"));
    REQUIRE(doc.timexes.size() == 2);
    CHECK(doc.timexes[1].anchor == AnchorKind::timex);
    CHECK(doc.timexes[1].anchor_timex == std::optional<std::size_t>{0});
}

TEST_CASE("a story told about another time anchors partial dates to itself") {
    CHECK(values_of("Memories of 1914 ran deep. In September 1939 the army crossed the border. In April the offensive "
                    "stalled. By November the front was quiet; in January the thaw came. Twelve days later the talks "
                    "began.",
                    "2009-12-19") ==
          std::vector<std::string>{"1914", "1939-09", "1940-04", "1940-11", "1941-01", "1941-01-13"});
}

TEST_CASE("in a story, a range across the new year ends where its end month would fall alone") {
    // Not October 1945 to March 1946: the story steps back to October, and goes on from March.
    CHECK(values_of("The war reached the coast in 1944. The fleet landed in January 1945. Troops took the capital in "
                    "March. In the north, the army pushed the enemy back from October to March, then reached the sea "
                    "by May 3.",
                    "2009-12-19") ==
          std::vector<std::string>{"1944", "1945-01", "1945-03", "1944-10", "1945-03", "1945-05-03"});
    // A range within the calendar year is read as any two months are.
    CHECK(values_of("The war reached the coast in 1944. The fleet landed in January 1945. From March to May the "
                    "army held the hills.",
                    "2009-12-19") == std::vector<std::string>{"1944", "1945-01", "1945-03", "1945-05"});
}

TEST_CASE("in a story, a time in parentheses, qualifying a noun or after 'since' is an aside the story stays out of") {
    CHECK(values_of("The war began in 1950. The army crossed the river in October 1950. A history of the war, Cold "
                    "Front (2003), says the troops were tired. In late November, the army fell back.",
                    "2009-12-19") == std::vector<std::string>{"1950", "1950-10", "2003", "1950-11"});
    // Nor does a time that qualifies a noun.
    CHECK(values_of("The revolt began in 1789. The assembly met in June 1793. The leader of the August 1792 uprising "
                    "was ousted. On 24 June, a new constitution passed.",
                    "2009-12-19") == std::vector<std::string>{"1789", "1793-06", "1792-08", "1793-06-24"});
    CHECK(values_of("The vote came in 1996. Aides of his 1992 campaign ran it. In May the polls closed.",
                    "2009-12-19") == std::vector<std::string>{"1996", "1992", "1996-05"});
    // Nor does the time a stretch began "since", which runs on to the story's time.
    CHECK(values_of("The first campaign came in 480 BC. The coast, held by the empire since 512 BC, fell at once. "
                    "The following year the fleet sailed west.",
                    "2009-12-19") == std::vector<std::string>{"BC0480", "BC0512", "BC0479"});
}

TEST_CASE("a story may step back a little within its year; 'the next spring' and 'previous' follow the story") {
    CHECK(values_of("The siege of 1683 was long. By October 1683 the relief army had won. In August the walls had "
                    "been breached. The next spring the treaty talks began. The envoys recalled the previous April.",
                    "2009-12-19") ==
          std::vector<std::string>{"1683", "1683-10", "1683-08", "1684-SP", "1683-04"});
    check_table({
        // "previous" looks back from the day the story last named, not from publication.
        {"Shares closed at 40 on Friday, Oct. 27, up from 38 the previous Friday.", "1989-10-30", "the previous Friday",
         "DATE", "1989-10-20"},
    });
}

TEST_CASE("'ago' counts from publication, 'earlier' and 'the next morning' from the story's time") {
    check_table({
        {"Trading was heavy for the week.", "2025-05-22", "the week", "DATE", "2025-W21"},
        {"A hearing is set for the week of March 6.", "2000-02-24", "the week of March 6", "DATE", "2000-W10"},
        {"The plant closed in March 2001; it had opened two years earlier.", "2025-05-22", "two years earlier", "DATE",
         "1999"},
        {"The plant opened two years ago.", "2025-05-22", "two years ago", "DATE", "2023"},
        {"The envoy landed on May 3, 2024, and left the next morning.", "2025-05-22", "the next morning", "TIME",
         "2024-05-04TMO"},
    });
}

TEST_CASE("news mentioning an older year keeps its publication year") {
    const auto doc = extractor().extract("Sales peaked in 2019. On May 16 the board met.", *parse_iso_date("2025-05-22"));
    REQUIRE(doc.timexes.size() == 2);
    CHECK(doc.timexes[1].value == "2025-05-16");
}

TEST_CASE("earnings reports date comparisons by the quarter they report on") {
    check_table({
        {"Profit rose in the third quarter from a year earlier.", "2024-10-30", "a year earlier", "DATE", "2023-Q3"},
        {"Sales fell from the year-ago quarter.", "2024-10-30", "the year-ago quarter", "DATE", "2023-Q3"},
        {"Revenue beat year-earlier results.", "2024-10-30", "year-earlier", "DATE", "2023"},
        {"The second quarter was weak; sales in the corresponding period last year were higher.", "2024-10-30",
         "the corresponding period last year", "DATE", "2023-Q2"},
        {"In the second quarter, margins grew; the 2023 period had losses.", "2024-10-30", "the 2023 period", "DATE",
         "2023-Q2"},
        {"Profit in the 2023 third quarter was flat.", "2024-10-30", "the 2023 third quarter", "DATE", "2023-Q3"},
        {"Earnings will lag in the last half of 2024.", "2024-10-30", "the last half of 2024", "DATE", "2024-H2"},
        {"Output will rise in the first quarter of next year.", "2024-10-30", "the first quarter of next year", "DATE",
         "2025-Q1"},
        {"Growth should pick up in the second half of next year.", "2024-10-30", "the second half of next year", "DATE",
         "2025-H2"},
        {"Sales fell in the first half of last year.", "2024-10-30", "the first half of last year", "DATE", "2023-H1"},
        {"Results for this year's second quarter are due.", "2024-10-30", "this year's second quarter", "DATE", "2024-Q2"},
        {"The fiscal first quarter ended in June.", "2024-10-30", "The fiscal first quarter", "DATE", "2024-Q1"},
        {"It earned more in the latest period.", "2024-10-30", "the latest period", "DATE", "2024-Q3"},
        {"The company lost money a year ago.", "2024-10-30", "a year ago", "DATE", "2023"},
        {"It earned $5 million for the year ended June 30.", "2024-10-30", "the year", "DURATION", "P1Y"},
        {"Sales rose 5% in the year to March.", "2024-10-30", "the year", "DURATION", "P1Y"},
        {"Margins fell in H2 2023.", "2024-10-30", "H2 2023", "DATE", "2023-H2"},
        {"Sales for the full year will rise.", "2024-10-30", "the full year", "DATE", "2024"},
        // A look back at an earlier quarter does not change the quarter being reported.
        {"Profit climbed in the third quarter. After a weak second quarter, margins recovered; the 2024 period also "
         "had lower costs.",
         "2024-10-30", "the 2024 period", "DATE", "2024-Q3"},
        // A sentence on a stretch longer than the quarter compares it with the year before, not its quarter.
        {"Profit climbed in the third quarter. For the nine months, net rose to $9 million from $7 million a year "
         "earlier.",
         "2024-10-30", "a year earlier", "DATE", "2023"},
        {"Profit climbed in the third quarter. In the first nine months, net was $9 million against a loss in the 2023 "
         "period. Sales rose from a year earlier.",
         "2024-10-30", "the 2023 period", "DATE", "2023"},
        {"Profit climbed in the third quarter. In the first nine months, net was $9 million. Sales rose from a year "
         "earlier.",
         "2024-10-30", "a year earlier", "DATE", "2023-Q3"},
    });
}

TEST_CASE("compound dates, fractions, spoken years and floating holidays") {
    check_table({
        {"Prices rose in June last year.", "2025-03-04", "June last year", "DATE", "2024-06"},
        {"The plant opened in January this year.", "2025-03-04", "January this year", "DATE", "2025-01"},
        {"The polls will close at noon Thursday.", "2025-03-04", "noon Thursday", "TIME", "2025-03-06T12:00"},
        {"Bids are due by 5 p.m. EST Nov. 9.", "2025-11-02", "5 p.m. EST Nov. 9", "TIME", "2025-11-09T17:00"},
        {"The blast woke them at 4 in the morning.", "2025-03-04", "4 in the morning", "TIME", "2025-03-04T04:00"},
        {"The flight took 5 1/2 hours.", "2025-03-04", "5 1/2 hours", "DURATION", "PT5H30M"},
        {"She served 2 1/2 years.", "2025-03-04", "2 1/2 years", "DURATION", "P2Y6M"},
        {"The hearing lasted a minute and a half.", "2025-03-04", "a minute and a half", "DURATION", "PT1M30S"},
        // A date a fraction of units away is counted in the unit below and written in the unit named.
        {"The war began two and a half years ago.", "2026-03-20", "two and a half years ago", "DATE", "2023"},
        {"They last met a year and a half ago.", "2026-03-20", "a year and a half ago", "DATE", "2024"},
        {"The plant closed 2.25 years ago.", "2026-03-20", "2.25 years ago", "DATE", "2023"},
        {"Prices peaked a month and a half ago.", "2026-03-20", "a month and a half ago", "DATE", "2026-02"},
        {"A decades-long feud ended.", "2025-03-04", "decades-long", "DURATION", "PXDE"},
        {"A year-long siege ended.", "2025-03-04", "year-long", "DURATION", "P1Y"},
        {"In nineteen ninety-six a bomb went off.", "2025-03-04", "nineteen ninety-six", "DATE", "1996"},
        {"It closed in January nineteen ninety-seven.", "2025-03-04", "January nineteen ninety-seven", "DATE", "1997-01"},
        {"He was found on Thanksgiving Day.", "1999-12-02", "Thanksgiving Day", "DATE", "1999-11-25"},
        {"Voters go to the polls on Election Day.", "2024-10-01", "Election Day", "DATE", "2024-11-05"},
        {"Markets are shut on Labor Day.", "2025-08-20", "Labor Day", "DATE", "2025-09-01"},
        {"Earlier this month the board resigned.", "2025-03-24", "Earlier this month", "DATE", "2025-03"},
        {"Later yesterday the talks resumed.", "2025-03-24", "Later yesterday", "DATE", "2025-03-23"},
        {"On May 2 the vote failed; later that day he quit.", "2025-05-24", "later that day", "DATE", "2025-05-02"},
        {"Earlier this week the vote failed.", "2025-03-24", "this week", "DATE", "2025-W13"},
        {"Sales fell from the year-ago third quarter.", "2024-10-30", "the year-ago third quarter", "DATE", "2023-Q3"},
        {"The third-quarter loss widened.", "2024-10-30", "third-quarter", "DATE", "2024-Q3"},
    });
}

TEST_CASE("a right context must follow a rule's match; hyphenated words are not cut") {
    check_table({
        {"In the year through March, exports grew.", "2025-05-01", "the year", "DURATION", "P1Y"},
        {"Profit topped a year-earlier figure.", "2025-05-01", "year-earlier", "DATE", "2024"},
    });
}

TEST_CASE("period words, decades in words, and the idioms that are not timexes") {
    check_table({
        {"The deal should close by year-end.", "1989-10-26", "year-end", "DATE", "1989"},
        {"Membership fell through the nineties.", "1998-03-06", "the nineties", "DATE", "199"},
        {"Growth will be slow in the near term.", "2025-03-06", "the near term", "DATE", "FUTURE_REF"},
        {"He left after a several-year tenure.", "2025-03-06", "several-year", "DURATION", "PXY"},
        {"The lease runs for an additional year.", "2025-03-06", "an additional year", "DURATION", "P1Y"},
        {"Prices fell in the early 1980s.", "2025-03-06", "the early 1980s", "DATE", "198", "START"},
        // TIMEX3 truncates the year for a century as for a decade.
        {"The bridge was built in the 19th century.", "2025-03-06", "the 19th century", "DATE", "18"},
        {"They restored an eighteenth-century chapel.", "2025-03-06", "eighteenth-century", "DATE", "17"},
        // Before the common era the era comes first: "BC0480".
        {"The fleet sailed in 480 BC.", "2025-03-06", "480 BC", "DATE", "BC0480"},
        {"The city fell in August 146 B.C. after a long siege.", "2025-03-06", "August 146 B.C.", "DATE", "BC0146-08"},
        {"The temple dates from the 5th century BC.", "2025-03-06", "the 5th century BC", "DATE", "BC04"},
        {"The army gathered in the autumn of 481 BC.", "2025-03-06", "the autumn of 481 BC", "DATE", "BC0481-FA"},
        {"They want an answer as soon as possible.", "2025-03-06", "as soon as possible", "DATE", "FUTURE_REF"},
        {"The talks will resume soon.", "2025-03-06", "soon", "DATE", "FUTURE_REF"},
        {"The garrison was soon overrun.", "2025-03-06", "", "", ""},
        {"After the fall of the capital the army fled.", "2025-03-06", "", "", ""},
        {"Troops left in the fall of 2007.", "2025-03-06", "the fall of 2007", "DATE", "2007-FA"},
        {"The rebels soon captured the port.", "2025-03-06", "", "", ""},
        {"He will call as soon as he lands.", "2025-03-06", "", "", ""},
        // "as recently as" only says how recent the time after it is.
        {"They met as recently as last week.", "2025-03-06", "last week", "DATE", "2025-W09"},
        {"They met as recently as anyone can recall.", "2025-03-06", "", "", ""},
        {"He was released soon after the raid.", "2025-03-06", "", "", ""},
        {"The country imports three-quarters of its grain.", "2025-03-06", "", "", ""},
        {"This time the vote passed.", "2025-03-06", "", "", ""},
        // Inside a run of letters and digits (a hashtag, a link) a number is not a year.
        {"Race day at last #marathon2014 and my knee holds.", "2014-09-04", "", "", ""},
    });
}

TEST_CASE("tense cues: word pairs, passives, looking back before ahead") {
    // 2000-01-07 is a Friday.
    check_table({
        {"Protesters planned a march on Saturday and were planning a rally on Monday.", "2000-01-07", "Monday", "DATE",
         "2000-01-10"},
        {"The leaders signed a cooperation plan Friday.", "2000-01-07", "Friday", "DATE", "2000-01-07"},
        {"The case is heard in May.", "2000-03-29", "May", "DATE", "2000-05"},
        {"The dividend is payable Dec. 15.", "1989-10-26", "Dec. 15", "DATE", "1989-12-15"},
        {"The group could come as soon as Tuesday.", "2000-04-03", "Tuesday", "DATE", "2000-04-04"},
        {"The index stood near its record high, set on Aug. 6.", "1998-02-06", "Aug. 6", "DATE", "1997-08-06"},
        // A capitalized -ed word is a name, not a past tense: "would" decides.
        {"She said she would be flying to the United States Thursday.", "2000-04-05", "Thursday", "DATE", "2000-04-06"},
        // A future cue after "had" looks back from a past time.
        {"The ceasefire had been due to end Friday evening.", "1989-10-30", "Friday evening", "TIME",
         "1989-10-27TEV"},
        {"The vote had been scheduled for Tuesday.", "2000-01-07", "Tuesday", "DATE", "2000-01-04"},
        {"The shares are to resume trading Tuesday.", "1989-10-27", "Tuesday", "DATE", "1989-10-31"},
        // An -ed word after a determiner is an adjective, not a past tense.
        {"The dividend will be paid on a still unspecified date in January.", "1989-10-26", "January", "DATE",
         "1990-01"},
        {"Profit fell in the year ended March 31.", "1989-10-31", "March 31", "DATE", "1989-03-31"},
        // The future said on the day itself is that day; "next" moves a week on.
        {"Officials will announce the result Friday.", "2000-01-07", "Friday", "DATE", "2000-01-07"},
        {"Officials will announce the result next Friday.", "2000-01-07", "next Friday", "DATE", "2000-01-14"},
        // A schedule told in the present is ahead; 2013-04-11 is a Thursday.
        {"The exhibition opens Friday.", "2013-04-11", "Friday", "DATE", "2013-04-12"},
        {"The exhibition opened Friday.", "2013-04-11", "Friday", "DATE", "2013-04-05"},
        // When a change applies is ahead: of the publication in news, of the story's time in a story.
        {"Masks are required starting Monday.", "2026-11-20", "Monday", "DATE", "2026-11-23"},
        {"The new fares are effective Jan. 1.", "2026-11-20", "Jan. 1", "DATE", "2027-01-01"},
        {"Diaz was re-elected in 1910. In October 1910 Madero called for a revolt starting on November 20.",
         "2009-12-19", "November 20", "DATE", "1910-11-20"},
        // The clause's future is its verb's: a possessive day names what is mostly done already.
        {"The ministry will appeal Wednesday's ruling.", "2000-01-07", "Wednesday", "DATE", "2000-01-05"},
        {"Lawyers said they would fight Tuesday's verdict.", "2000-01-07", "Tuesday", "DATE", "2000-01-04"},
        // Ahead, past a long subject to its verb.
        {"On Tuesday, the national association of county road engineers plans to hold a meeting.", "2000-01-07",
         "Tuesday", "DATE", "2000-01-11"},
        // A deadline a deferral moves to is ahead, whatever the verb's tense; "until" alone keeps the clause's tense.
        {"The court postponed until Tuesday morning its ruling on the appeal.", "2000-03-30", "Tuesday morning", "TIME",
         "2000-04-04TMO"},
        {"Immigration officials have given the family until 9 a.m. Tuesday to reply.", "2000-04-03", "9 a.m. Tuesday",
         "TIME", "2000-04-04T09:00"},
        {"The strike was delayed till Friday.", "2000-01-05", "Friday", "DATE", "2000-01-07"},
        {"Until Thursday, police had called him only a witness.", "2000-03-31", "Thursday", "DATE", "2000-03-30"},
        {"He stayed with his cousins until Tuesday.", "2000-03-30", "Tuesday", "DATE", "2000-03-28"},
        // A tense told once holds for the sentence's later timexes, however far from its cue.
        {"The carrier said two new flights would leave on Monday and Tuesday nights from March 30, with a third "
         "flight departing each Thursday from August 6.",
         "1998-02-13", "August 6", "DATE", "1998-08-06"},
        // What was planned before is past.
        {"The ground war began as previously planned Saturday night.", "1991-02-25", "Saturday night", "TIME",
         "1991-02-23TNI"},
        // Without a tense, a date about as far back as ahead is the one past: news mostly reports what was.
        {"Record close: 8,259 on Aug. 6.", "1998-02-06", "Aug. 6", "DATE", "1997-08-06"},
        {"Polling day: Nov. 3.", "1998-08-01", "Nov. 3", "DATE", "1998-11-03"},
    });
}

TEST_CASE("a clock time in a story told about another time falls on the story's day") {
    const auto doc = extractor().extract(
        "The war of 1914 dragged on for years. The armistice was signed on 11 November 1918. The guns fell silent at "
        "11 a.m. on the western front.",
        *parse_iso_date("2009-12-19"));
    REQUIRE(doc.timexes.size() == 4);
    CHECK(doc.timexes[3].value == "1918-11-11T11:00");
}

TEST_CASE("approximate and open-ended modifiers in and out of the span") {
    check_table({
        {"The blast came around 7:15 p.m.", "1998-02-12", "around 7:15 p.m.", "TIME", "1998-02-12T19:15", "APPROX"},
        {"He left almost two years ago.", "2025-03-04", "almost two years ago", "DATE", "2023", "APPROX"},
        {"The siege lasted over a week.", "2025-03-04", "over a week", "DURATION", "P1W", "MORE_THAN"},
        {"Prices rose over the past year.", "2025-03-04", "the past year", "DATE", "2024"},
        {"She stayed for about five hours.", "2025-03-04", "five hours", "DURATION", "PT5H", "APPROX"},
        {"Orangemen march each July.", "2025-03-04", "each July", "SET", "XXXX-07"},
        {"He has been in hospital for the last week.", "2025-03-04", "the last week", "DATE", "2025-W09"},
        {"On May 2 they met; the next day they signed.", "2025-05-24", "the next day", "DATE", "2025-05-03"},
    });
}

TEST_CASE("rates are not timexes; the weekend said on a weekday is the one just past") {
    check_table({
        {"Rooms will cost $55 a night, the hotel said.", "2025-03-04", "", "", ""},
        {"Jobs grew by 358,000 a month, the ministry said.", "2025-03-04", "", "", ""},
        {"Profit rose to $12 million from $10 million a year ago.", "2025-03-04", "a year ago", "DATE", "2024"},
        // 2025-03-04 is a Tuesday.
        {"Talks resumed over the weekend.", "2025-03-04", "the weekend", "DATE", "2025-W09-WE"},
        {"Talks will resume over the weekend.", "2025-03-04", "the weekend", "DATE", "2025-W10-WE"},
    });
}

TEST_CASE("amounts said with their period noun, and signal words left out of the span") {
    check_table({
        {"The fraud ran over a three-year period.", "2025-03-04", "a three-year period", "DURATION", "P3Y"},
        {"The index fell for eight trading days.", "2025-03-04", "eight trading days", "DURATION", "P8D"},
        {"The envoy is right now in Cairo.", "2025-03-04", "right now", "DATE", "PRESENT_REF"},
        // "last" the verb stays out; "last" the determiner stays in.
        {"The ceasefire will last 30 days.", "2025-03-04", "30 days", "DURATION", "P30D"},
        {"The truce is expected to last several months.", "2025-03-04", "several months", "DURATION", "PXM"},
        {"Sales rose compared to last week.", "2025-03-04", "last week", "DATE", "2025-W09"},
        // Before an event the text does not date, the count is the stretch; at the end of a clause it counts back from
        // the time the text last named.
        {"He bought the rifle ten days before the shooting.", "2025-03-04", "ten days", "DURATION", "P10D"},
        {"Banks must wait at least 30 days before closing a deal.", "2025-03-04", "at least 30 days", "DURATION", "P30D",
         "EQUAL_OR_MORE"},
        {"The port fell in May 1940. Two years before, it had been rebuilt.", "2025-03-04", "Two years", "DATE", "1938"},
        {"On May 2 they met. Three days later the talks collapsed.", "2025-05-24", "Three days", "DATE", "2025-05-05"},
    });
}

TEST_CASE("amounts still to come, open-ended years, hyphenated modifiers and holidays with a determiner") {
    check_table({
        {"The garrison will stay two more weeks.", "2025-03-04", "two more weeks", "DURATION", "P2W"},
        {"The lease may run several more years.", "2025-03-04", "several more years", "DURATION", "PXY"},
        {"Traders braced for the weeks ahead.", "2025-03-04", "the weeks ahead", "DURATION", "PXW"},
        {"The dam has stood for a hundred years.", "2025-03-04", "a hundred years", "DURATION", "P100Y"},
        {"No profit is expected until 2027 or later.", "2025-03-04", "2027 or later", "DATE", "2027", "ON_OR_AFTER"},
        {"The plan covers 2026 and beyond.", "2025-03-04", "2026 and beyond", "DATE", "2026", "ON_OR_AFTER"},
        {"The pottery dates from 1950 or earlier.", "2025-03-04", "1950 or earlier", "DATE", "1950", "ON_OR_BEFORE"},
        {"The ship docked in late-March.", "2025-06-10", "late-March", "DATE", "2025-03", "END"},
        {"Sales picked up in early-June.", "2025-08-10", "early-June", "DATE", "2025-06", "START"},
        {"The fleet was rebuilt early in 1914.", "2025-08-10", "early in 1914", "DATE", "1914", "START"},
        {"The army withdrew late in the year.", "2025-08-10", "late in the year", "DATE", "2025", "END"},
        // Thanksgiving 2024 fell on November 28.
        {"The family gathered last Thanksgiving.", "2025-02-10", "last Thanksgiving", "DATE", "2024-11-28"},
        {"The store reopens next Christmas.", "2025-12-26", "next Christmas", "DATE", "2026-12-25"},
        {"He was arrested last Oct. 23 near the border.", "1999-04-19", "last Oct. 23", "DATE", "1998-10-23"},
        // The month just gone is "last month": "last February" said in March is the one a year before.
        {"Two helicopters crashed last February.", "1998-03-01", "last February", "DATE", "1997-02"},
        {"Two helicopters crashed last January.", "1998-03-01", "last January", "DATE", "1998-01"},
        {"The plant closed last December.", "1998-01-10", "last December", "DATE", "1996-12"},
        {"The vote is set for next March 3.", "2025-02-10", "next March 3", "DATE", "2025-03-03"},
    });
}

TEST_CASE("a month abbreviation that is also a first name, before a capitalized word, is the name") {
    check_table({
        {"Foreign minister Jan Novak signed the accord.", "1999-03-12", "", "", ""},
        {"Thanks to Jun Lee for the photos.", "2014-06-12", "", "", ""},
        {"The budget runs out in Jan, the report warns.", "2025-10-01", "Jan", "DATE", "2026-01"},
        {"Exams end in Jun and resume in September.", "2025-03-01", "Jun", "DATE", "2025-06"},
    });
}

TEST_CASE("'this weekend' and a bare 'weekend' are this week's; 'the weekend' said on a weekday is the last one") {
    // 2025-03-04 is a Tuesday.
    check_table({
        {"The fair opens this weekend.", "2025-03-04", "this weekend", "DATE", "2025-W10-WE"},
        {"Any plans for weekend?", "2025-03-04", "weekend", "DATE", "2025-W10-WE"},
        {"The fair opened over the weekend.", "2025-03-04", "the weekend", "DATE", "2025-W09-WE"},
    });
}

TEST_CASE("the part of a day that a date after 'of' names is one timex: that part of that day") {
    check_table({
        {"The guard was shot on the night of Oct. 23 near the gate.", "1999-05-05", "the night of Oct. 23", "TIME",
         "1998-10-23TNI"},
        {"Troops landed on the morning of 31 January 1965.", "2009-12-19", "the morning of 31 January 1965", "TIME",
         "1965-01-31TMO"},
        {"He was seen on the night of Friday, Oct. 23.", "1998-11-21", "the night of Friday, Oct. 23", "TIME",
         "1998-10-23TNI"},
        {"In 1975 the last boats left in the early morning hours of 30 April.", "1975-05-10",
         "the early morning hours of 30 April", "TIME", "1975-04-30TMO"},
        {"They left in the morning and came back at night.", "2025-03-04", "the morning", "TIME", "2025-03-04TMO"},
        {"Rockets fell in the night of Tuesday.", "2025-03-06", "the night of Tuesday", "TIME", "2025-03-04TNI"},
        // The early hours are the hours before dawn: that day's morning.
        {"Police made arrests in the early hours of Sunday.", "2025-03-04", "the early hours of Sunday", "TIME",
         "2025-03-02TMO"},
        {"The ferry sank in the small hours of 3 May 2014.", "2014-05-10", "the small hours of 3 May 2014", "TIME",
         "2014-05-03TMO"},
        {"It began in the early hours of Thursday morning.", "1999-10-08", "the early hours of Thursday morning", "TIME",
         "1999-10-07TMO"},
        {"On May 2, drones struck in the early hours.", "2025-05-09", "the early hours", "TIME", "2025-05-02TMO"},
        // Without a day after it, "of" leaves the part of the day to what it names.
        {"The night of the storm was long.", "2025-03-04", "The night", "TIME", "2025-03-04TNI"},
        // ... and "the early hours of the war" are the war's first hours, which no day names.
        {"Many fled in the early hours of the war.", "2025-03-04", "", "", ""},
    });
}

TEST_CASE("feasts that move with Easter fall where the western or the Orthodox rule puts them that year") {
    check_table({
        {"The Easter truce held.", "2025-04-25", "Easter", "DATE", "2025-04-20"},
        {"Churches were full at Easter.", "2026-04-10", "Easter", "DATE", "2026-04-05"},
        {"The truce began on Good Friday.", "2026-04-10", "Good Friday", "DATE", "2026-04-03"},
        {"Shops reopen after Easter Monday.", "2026-04-01", "Easter Monday", "DATE", "2026-04-06"},
        {"Orthodox Easter fell on May 5 that year.", "2024-06-01", "Orthodox Easter", "DATE", "2024-05-05"},
        {"It was Easter 2024.", "2026-01-10", "Easter 2024", "DATE", "2024-03-31"},
        {"Easter 2027 comes early.", "2026-01-10", "Easter 2027", "DATE", "2027-03-28"},
        {"The fast began on Ash Wednesday.", "2027-03-01", "Ash Wednesday", "DATE", "2027-02-10"},
        {"They met at Pentecost.", "2026-06-10", "Pentecost", "DATE", "2026-05-24"},
        {"The family gathered last Easter.", "2026-11-20", "last Easter", "DATE", "2026-04-05"},
        {"Talks resume after Orthodox Christmas.", "2026-12-20", "Orthodox Christmas", "DATE", "2027-01-07"},
        // Before 1583 every church reckoned Easter on the Julian calendar: March 28, 1540 is April 7 as the
        // proleptic Gregorian calendar writes it.
        {"The council met at Easter 1540.", "2026-01-10", "Easter 1540", "DATE", "1540-04-07"},
        {"Easter week began.", "2000-04-28", "Easter week", "DATE", "2000-W16"},
        {"They flew home the week of Thanksgiving.", "2000-04-28", "the week of Thanksgiving", "DATE", "1999-W47"},
    });
    // Without a publication date, not even the month of Easter is known.
    const auto doc = extractor().extract("The truce ended after Easter.");
    REQUIRE(doc.timexes.size() == 1);
    CHECK(doc.timexes[0].value == "XXXX-XX-XX");
}

TEST_CASE("a fortnight is two weeks, counted as a week is") {
    // 2026-11-20 is a Friday of week 47.
    check_table({
        {"Officials met twice in the past fortnight.", "2026-11-20", "the past fortnight", "DURATION", "P2W"},
        {"The ceasefire held for a fortnight.", "2026-11-20", "a fortnight", "DURATION", "P2W"},
        {"The talks collapsed a fortnight ago.", "2026-11-20", "a fortnight ago", "DATE", "2026-W45"},
        {"They met on Nov. 3 and again a fortnight later.", "2026-11-20", "a fortnight", "DATE", "2026-W47"},
        {"It was announced on May 2. A fortnight earlier, talks had failed.", "2026-11-20", "A fortnight earlier",
         "DATE", "2026-W16"},
        {"The committee meets fortnightly.", "2026-11-20", "fortnightly", "SET", "P2W"},
        {"The strike lasted two fortnights.", "2026-11-20", "two fortnights", "DURATION", "P4W"},
        // A fraction of a fortnight is not read.
        {"It took 1.5 fortnights.", "2026-11-20", "", "", ""},
        // "a week before" a day counts back from that day, as "a week after" counts on.
        {"They met a week before May 3.", "2026-11-20", "a week", "DATE", "2026-W17"},
    });
}

TEST_CASE("'the decade' and 'the century' are the ones the text last dated, else the publication's") {
    check_table({
        {"Output should double by the end of the decade.", "2026-11-20", "the end of the decade", "DATE", "202",
         "END"},
        {"In 1995 growth slowed; by the end of the decade it had stopped.", "2026-11-20", "the end of the decade",
         "DATE", "199", "END"},
        {"In 1850 the town grew; by the end of the century it was a city.", "2026-11-20", "the end of the century",
         "DATE", "18", "END"},
        {"In 1995 growth slowed; later that decade it stopped.", "2026-11-20", "later that decade", "DATE", "199"},
    });
}

TEST_CASE("a part of today said with 'later this'; the latest months; the month the story is in") {
    check_table({
        {"The envoys meet later this afternoon.", "1998-02-22", "later this afternoon", "TIME", "1998-02-22TAF"},
        // "later in the day" is the day the text tells of, not "the day before" what follows it.
        {"She flies on to Nairobi later in the day before returning home.", "1998-08-17", "later in the day", "DATE",
         "1998-08-17"},
        {"Shells fell on Friday, Aug. 7. Later in the day, police arrested two men.", "1998-08-17",
         "Later in the day", "DATE", "1998-08-07"},
        // A part of the day said with "that" or "the" is of the day the text tells of.
        {"The siege began on 14 July 1789. The fort fell that afternoon.", "2009-12-19", "that afternoon", "TIME",
         "1789-07-14TAF"},
        {"Rain fell on Feb. 7. The same evening the river rose.", "1965-03-01", "The same evening", "TIME",
         "1965-02-07TEV"},
        {"Shares slid Friday. Dealers had bought heavily in the morning.", "1989-10-30", "the morning", "TIME",
         "1989-10-27TMO"},
        {"That night the camp was shelled.", "2025-03-04", "That night", "TIME", "2025-03-04TNI"},
        {"Profit rose in the latest nine months.", "1989-10-30", "the latest nine months", "DURATION", "P9M"},
        {"The war began in 1861; the first battle came on July 25 of that year.", "2009-12-19", "July 25 of that year",
         "DATE", "1861-07-25"},
        {"The truce was signed in 1958 and broken in November of the same year.", "2009-12-19",
         "November of the same year", "DATE", "1958-11"},
        {"Troops will be in place by the end of the month.", "1990-08-13", "the end of the month", "DATE", "1990-08",
         "END"},
        {"In May 1940 the army fell back; by the end of the month it held only the coast.", "2009-12-19",
         "the end of the month", "DATE", "1940-05", "END"},
        {"Both outlets close by end of the month.", "2012-09-10", "end of the month", "DATE", "2012-09", "END"},
        {"Buds appear at start of spring.", "2013-02-01", "start of spring", "DATE", "2013-SP", "START"},
    });
}

TEST_CASE("a winter is named by the year of its January") {
    check_table({
        {"Snow has closed the pass this winter.", "2014-01-29", "this winter", "DATE", "2014-WI"},
        {"Heating bills will climb this winter.", "2014-11-05", "this winter", "DATE", "2015-WI"},
        {"Last winter was mild.", "2014-03-20", "Last winter", "DATE", "2014-WI"},
        {"Last winter was mild.", "2014-01-20", "Last winter", "DATE", "2013-WI"},
        {"Next winter the plant reopens.", "2014-01-10", "Next winter", "DATE", "2015-WI"},
        {"The storm of the winter of 2014 cut power.", "2016-06-01", "the winter of 2014", "DATE", "2014-WI"},
    });
    // A story in the autumn looks ahead to the winter that follows it.
    CHECK(values_of("The war began in 1914. The offensive stalled in September 1918. The generals doubted the army "
                    "could hold out over the winter.",
                    "2009-12-19") == std::vector<std::string>{"1914", "1918-09", "1919-WI"});
    CHECK(timex_interval("2014-WI")->first_day() == date::sys_days{date::year{2013} / 12 / 1});
    CHECK(timex_interval("2016-WI")->last_day() == date::sys_days{date::year{2016} / 2 / 29});
}

TEST_CASE("a bare number beside a date shares the rest of it") {
    check_table({
        {"The summit runs on April 24 and 25.", "1999-02-10", "25", "DATE", "1999-04-25"},
        {"The offensive ran from 15 to 22 February 1984.", "2009-12-19", "15", "DATE", "1984-02-15"},
        {"Fighting raged on 6-7 January 1916.", "2009-12-19", "6", "DATE", "1916-01-06"},
        {"The fort held out on May 6 and 7th.", "2009-12-19", "7th", "DATE", "2009-05-07"},
        {"Losses mounted throughout 1915-17.", "2009-12-19", "17", "DATE", "1917"},
        {"Life in the city improved in 2007-08.", "2009-12-19", "08", "DATE", "2008"},
        {"The revolt (499-493 BC) failed.", "2009-12-19", "499", "DATE", "BC0499"},
    });
    const auto doc = extractor().extract("On May 4 and 5 others were hurt.", *parse_iso_date("2009-12-19"));
    REQUIRE(doc.timexes.size() == 1);
    CHECK(doc.text_of(doc.timexes[0].span) == "May 4");
    const auto ranged = extractor().extract("The fair ran from 3 to 5 October.", *parse_iso_date("2014-09-20"));
    REQUIRE(ranged.timexes.size() == 2);
    CHECK(ranged.timexes[0].value == "2014-10-03");
    CHECK(ranged.timexes[0].anchor == ranged.timexes[1].anchor);
}

TEST_CASE("'this Friday' is in the week of the anchor; 'around' after 'get' is a particle") {
    // 2025-03-05 is a Wednesday.
    check_table({
        {"The fair opened this Monday.", "2025-03-05", "this Monday", "DATE", "2025-03-03"},
        {"The results come out this Friday.", "2025-03-05", "this Friday", "DATE", "2025-03-07"},
        {"Lawyers looked for ways to get around Tuesday's ruling.", "2025-03-05", "Tuesday", "DATE", "2025-03-04"},
        {"The vote came around noon Tuesday.", "2025-03-05", "around noon Tuesday", "TIME", "2025-03-04T12:00",
         "APPROX"},
    });
}

TEST_CASE("hashtags are topics, not times; months and counts said the short way") {
    check_table({
        {"Happy #Friday everyone!", "2015-02-06", "", "", ""},
        {"We shot the photos this August 2013 in town.", "2013-04-10", "this August 2013", "DATE", "2013-08"},
        {"Special classes for the month of April.", "2014-03-20", "the month of April", "DATE", "2014-04"},
        {"Rained nonstop last two days.", "2014-03-31", "last two days", "DURATION", "P2D"},
        {"Only last few hours to go!", "2014-03-31", "last few hours", "DURATION", "PTXH"},
    });
}

TEST_CASE("what is read against a day counts from the last named day, not from a story's year") {
    CHECK(values_of("On 4 May 1961 the envoys met in Vienna. Talks on trade had failed in 1958. They met again the "
                    "next morning.",
                    "2009-12-19") ==
          std::vector<std::string>{"1961-05-04", "1958", "1961-05-05TMO"});
}

TEST_CASE("fractions and ages by decade of life are not timexes") {
    check_table({
        {"Exporters hold a quarter of the market.", "2025-03-06", "", "", ""},
        {"Exporters hold more than a quarter of all shares.", "2025-03-06", "", "", ""},
        {"The building stood for a quarter of a century.", "2025-03-06", "a quarter of a century", "DURATION", "P25Y"},
        {"The quarter ended with a loss.", "2025-03-06", "The quarter", "DATE", "2024-Q4"},
        {"She moved abroad in her early 30s.", "2025-03-06", "", "", ""},
        {"He was in his mid-40s when he retired.", "2025-03-06", "", "", ""},
        {"Prices soared in the 1970s.", "2025-03-06", "the 1970s", "DATE", "197"},
    });
}

TEST_CASE("a count with a decimal point is written in smaller units when it comes out whole in them") {
    check_table({
        {"The crossing took 1.5 hours.", "2025-03-06", "1.5 hours", "DURATION", "PT1H30M"},
        {"The project ran for 2.50 years.", "2025-03-06", "2.50 years", "DURATION", "P2Y6M"},
        {"The walk took 3.0 hours.", "2025-03-06", "3.0 hours", "DURATION", "PT3H"},
        {"Repairs need 0.25 days.", "2025-03-06", "0.25 days", "DURATION", "PT6H"},
        {"The vote came 1.25 hours late.", "2025-03-06", "1.25 hours", "DURATION", "PT1H15M"},
        {"The relay took 1.5 weeks.", "2025-03-06", "1.5 weeks", "DURATION", "P10DT12H"},
        {"The drought lasted 1.5 decades.", "2025-03-06", "1.5 decades", "DURATION", "P15Y"},
        {"The fuse burned 2.5 seconds.", "2025-03-06", "2.5 seconds", "DURATION", "PT2.5S"},
        {"It spun for 0.3333 minutes.", "2025-03-06", "0.3333 minutes", "DURATION", "PT0.3333M"},
        {"The queue took 1.5hrs to clear.", "2025-03-06", "1.5hrs", "DURATION", "PT1H30M"},
        {"The siege lasted 3005.20 days.", "2025-03-06", "3005.20 days", "DURATION", "P3005DT4H48M"},
        // "later" with nothing to count from is the stretch, however the amount is written.
        {"A week later, the talks resumed.", "2025-03-06", "A week", "DURATION", "P1W"},
        {"Three days later, the envoys left.", "2025-03-06", "Three days", "DURATION", "P3D"},
        {"The fire was out 1.5 hours later.", "2025-03-06", "1.5 hours", "DURATION", "PT1H30M"},
        {"The fire was out 2.5 minutes later.", "2025-03-06", "2.5 minutes", "DURATION", "PT2M30S"},
        // An amount of smaller units past seven digits keeps the fraction instead.
        {"It took 1000000.5 centuries.", "2025-03-06", "1000000.5 centuries", "DURATION", "P1000000.5CE"},
    });
}

TEST_CASE("a whole number of a smaller unit right after a duration adds to it") {
    check_table({
        {"The session ran two hours and 30 minutes.", "2025-03-06", "two hours and 30 minutes", "DURATION", "PT2H30M"},
        {"The session ran 2 hours 15 minutes.", "2025-03-06", "2 hours 15 minutes", "DURATION", "PT2H15M"},
        {"She served one year and six months.", "2025-03-06", "one year and six months", "DURATION", "P1Y6M"},
        {"The pass is valid 1 week 1 day.", "2025-03-06", "1 week 1 day", "DURATION", "P8D"},
        {"The count took an hour, ten minutes.", "2025-03-06", "an hour, ten minutes", "DURATION", "PT1H10M"},
        {"The talks lasted about three hours and 20 minutes.", "2025-03-06", "three hours and 20 minutes", "DURATION",
         "PT3H20M", "APPROX"},
    });
    // Amounts of the same unit, or growing units, are a list, not one sum.
    CHECK(values_of("Terms of five years and ten years were handed down.", "2025-03-06") ==
          std::vector<std::string>{"P5Y", "P10Y"});
    CHECK(values_of("The stop lasted 30 minutes and two hours later it resumed.", "2025-03-06") ==
          std::vector<std::string>{"PT30M", "PT2H"});
}

TEST_CASE("the first or last week of a month is that month, at its start or end") {
    check_table({
        {"In the last week of August 1918 the front moved.", "2009-12-19", "the last week of August 1918", "DATE",
         "1918-08", "END"},
        {"The first week of March was calm.", "2025-06-02", "The first week of March", "DATE", "2025-03", "START"},
        {"Sales rose in the final week of June.", "2025-06-02", "the final week of June", "DATE", "2025-06", "END"},
    });
    // "the last week" alone stays the week before publication.
    check_table({{"Prices fell the last week.", "2025-06-02", "the last week", "DATE", "2025-W22"}});
}

TEST_CASE("\"would\" looks ahead from the story's time in a story and from publication in news") {
    CHECK(values_of("The offensive began in August 1918. The Third Army took Havrincourt in 1918, and further gains "
                    "would follow on 12 September.",
                    "2009-12-19") == std::vector<std::string>{"1918-08", "1918", "1918-09-12"});
    CHECK(values_of("The minister said on Monday that he would travel to Kyiv on 12 September.", "2025-06-04") ==
          std::vector<std::string>{"2025-06-02", "2025-09-12"});
}

TEST_CASE("\"this day\" in a story is the day the story tells of; \"the years 1955\" is that year") {
    CHECK(values_of("On 8 August 1918 the line broke. A general later called this day the worst of the war.",
                    "2009-12-19") == std::vector<std::string>{"1918-08-08", "1918-08-08"});
    check_table({{"Thousands fled in the years 1955-1957.", "2009-12-19", "the years 1955", "DATE", "1955"}});
}

TEST_CASE("overnight is the night before the day its sentence names or before publication, or its weekday's night") {
    check_table({
        {"Drones attacked the port overnight.", "2025-05-22", "overnight", "TIME", "2025-05-21TNI"},
        {"Shelling resumed overnight Tuesday.", "2025-05-22", "overnight Tuesday", "TIME", "2025-05-20TNI"},
    });
    // The day of its sentence counts, before it or after it; a day of another sentence does not (news says
    // "overnight" of the night before it is published).
    CHECK(values_of("On Monday the army said drones had struck overnight.", "2025-05-22") ==
          std::vector<std::string>{"2025-05-19", "2025-05-18TNI"});
    CHECK(values_of("Talks began on Monday. Gunners downed 30 drones overnight, the army said on Saturday.",
                    "2025-02-09") == std::vector<std::string>{"2025-02-03", "2025-02-07TNI", "2025-02-08"});
    CHECK(values_of("Talks began on Monday. Drones struck the port overnight.", "2025-05-22") ==
          std::vector<std::string>{"2025-05-19", "2025-05-21TNI"});
    // Nor does it move the day the text goes on from.
    CHECK(values_of("Markets fell on Friday. Overnight losses weighed. The previous day they had risen.",
                    "2025-05-26") == std::vector<std::string>{"2025-05-23", "2025-05-25TNI", "2025-05-22"});
}

TEST_CASE("a clock time beside a day falls on that day") {
    check_table({
        {"The ministers will meet Friday at 3 p.m.", "2025-03-06", "3 p.m.", "TIME", "2025-03-07T15:00"},
        {"The convoy left yesterday at 5pm.", "2025-03-06", "5pm", "TIME", "2025-03-05T17:00"},
        {"Voting closes tomorrow, 9am.", "2025-03-06", "9am", "TIME", "2025-03-07T09:00"},
        {"The summit opens on May 16 at 10:00.", "2025-03-06", "10:00", "TIME", "2025-05-16T10:00"},
        {"The ferry sailed at 7:30 a.m., Tuesday.", "2025-03-06", "7:30 a.m.", "TIME", "2025-03-04T07:30"},
        {"The quake struck at 10:35 a.m. (0835 GMT) Tuesday.", "2025-03-06", "10:35 a.m.", "TIME", "2025-03-04T10:35"},
        {"The attack came around 2:30 a.m. local time on Monday.", "2025-03-06", "around 2:30 a.m. local time on Monday",
         "TIME", "2025-03-03T02:30", "APPROX"},
    });
    // Apart from a day, a clock time stays on the day it is read against.
    CHECK(values_of("The talks ended on Friday. At 3 p.m. the delegates left.", "2025-03-06") ==
          std::vector<std::string>{"2025-02-28", "2025-03-06T15:00"});
    // An aside in parentheses between them is skipped only when it is one aside on the same line.
    CHECK(values_of("Polls shut at 9 p.m. (local time) (the count starts later) Friday.", "2025-03-06") ==
          std::vector<std::string>{"2025-03-06T21:00", "2025-02-28"});
}

TEST_CASE("a weekday beside a date restates it; one that is not the date's own keeps its own reading") {
    // 2025-03-06 is a Thursday; 2025-05-16 a Friday.
    check_table({
        {"The final airs on 16th May Friday.", "2025-03-06", "16th May Friday", "DATE", "2025-05-16"},
        {"The final airs on May 16, Friday.", "2025-03-06", "May 16, Friday", "DATE", "2025-05-16"},
        {"The final airs on May 16, Friday night.", "2025-03-06", "May 16, Friday night", "TIME", "2025-05-16TNI"},
        {"The final airs on Friday night, May 16.", "2025-03-06", "Friday night", "TIME", "2025-05-16TNI"},
        {"The final airs on Friday (May 16).", "2025-03-06", "Friday", "DATE", "2025-05-16"},
        {"The final airs May 16 (Friday).", "2025-03-06", "Friday", "DATE", "2025-05-16"},
        {"The final airs at 8 p.m. (May 16).", "2025-03-06", "8 p.m.", "TIME", "2025-05-16T20:00"},
        {"The final airs May 16 (Monday).", "2025-03-06", "Monday", "DATE", "2025-03-03"},
    });
}

TEST_CASE("a story of the last few years anchors partial dates to itself; news dated by its weekdays does not") {
    CHECK(values_of("The occupation began in March 2003. Looting spread on April 9. In 2004 the insurgency grew; by "
                    "April the city was besieged. Elections followed in 2005, and in January voters went to the "
                    "polls.",
                    "2009-12-19") ==
          std::vector<std::string>{"2003-03", "2003-04-09", "2004", "2004-04", "2005", "2005-01"});
    // A year that holds the story's day leaves the story at that day.
    CHECK(values_of("The fleet sailed on November 20, 1916, and in 1916 the war widened. In January the crew went "
                    "ashore.",
                    "2009-12-19") == std::vector<std::string>{"1916-11-20", "1916", "1917-01"});
    CHECK(values_of("Officials said on Tuesday that the talks had resumed on Monday. The treaty was first signed in "
                    "1987 and revised in 1994. Negotiators will meet again on Feb. 3.",
                    "2000-01-28") ==
          std::vector<std::string>{"2000-01-25", "2000-01-24", "1987", "1994", "2000-02-03"});
}

TEST_CASE("a look back or a plan in a story is an aside: partial dates go on from the story's year") {
    CHECK(values_of("The war began in 1964. In March 1965 the bombing started. Elections were planned for 1967. On 2 "
                    "April the troops landed. The previous year, talks had failed. In June the monsoon came.",
                    "2009-12-19") ==
          std::vector<std::string>{"1964", "1965-03", "1967", "1965-04-02", "1964", "1965-06"});
}

TEST_CASE("the two ends of a range share the year only one of them states") {
    check_table({
        {"Both armies spent the spring and early summer of 1943 preparing.", "2009-12-19", "the spring", "DATE",
         "1943-SP"},
        {"Crops failed in the fall and winter of 1946.", "2009-12-19", "the fall", "DATE", "1945-FA"},
        {"Fighting lasted from June to August 1944.", "2009-12-19", "June", "DATE", "1944-06"},
        {"Talks ran between May and July 2003.", "2009-12-19", "May", "DATE", "2003-05"},
        {"The shelling went on from May 2003 to July.", "2009-12-19", "July", "DATE", "2003-07"},
        {"The siege held from December to February 1945.", "2009-12-19", "December", "DATE", "1944-12"},
        {"The offensive (August-September 1950) stalled.", "2009-12-19", "August", "DATE", "1950-08"},
        {"The offensive ran August 3-September 5, 1950.", "2009-12-19", "August 3", "DATE", "1950-08-03"},
        {"The fleet sailed from June to August 480 BC.", "2009-12-19", "June", "DATE", "BC0480-06"},
        {"The fleet wintered from November to March 480 BC.", "2009-12-19", "November", "DATE", "BC0481-11"},
        // Not joined into a range: each keeps its own reading.
        {"Sales rose in May, and in July 2003 they fell.", "2009-12-19", "May", "DATE", "2009-05"},
        // A lower-case word after the hyphen makes one compound word: no timex ends inside it.
        {"The year-earlier quarter was weak.", "2009-12-19", "The year-earlier quarter", "DATE", "2008-Q3"},
    });
}

TEST_CASE("a story before the common era dates what follows in its own years") {
    CHECK(values_of("The Persian fleet sailed in 492 BC. The army landed at Marathon in 490 BC. The following year, "
                    "the envoys went home. In the summer the council met. The next decade brought war, and on 12 "
                    "August the battle began. The fleet withdrew the next morning. It began 10,000 years ago.",
                    "2009-12-19") == std::vector<std::string>{"BC0492", "BC0490", "BC0489", "BC0489-SU", "BC047",
                                                              "BC0479-08-12", "BC0479-08-13TMO", "BC7992"});
    // Intervals count years astronomically: 490 BC is year -489.
    CHECK(timex_interval("BC0490")->first_day() == date::sys_days{date::year{-489} / 1 / 1});
    CHECK(timex_interval("BC048")->first_day() == date::sys_days{date::year{-488} / 1 / 1});
    CHECK(timex_interval("BC048")->last_day() == date::sys_days{date::year{-479} / 12 / 31});
    CHECK(timex_interval("BC0480-WI")->last_day() == date::sys_days{date::year{-479} / 2 / 28});
    CHECK_FALSE(timex_interval("BC0000"));
    CHECK_FALSE(timex_interval("BC0480-W05"));
    check_table({
        {"The Athenians attacked on 12 August 490 BC.", "2009-12-19", "12 August 490 BC", "DATE", "BC0490-08-12"},
        {"The Athenians attacked on August 12, 490 BC.", "2009-12-19", "August 12, 490 BC", "DATE", "BC0490-08-12"},
        {"Nothing happened on 30 February 490 BC.", "2009-12-19", "", "", ""},
    });
}

TEST_CASE("'the year' in a story is the story's year; 'the current year' is the publication's") {
    CHECK(values_of("The revolt began in 1789. In 1791 the king fled, and by the end of the year the assembly had "
                    "split. Historians still argue about the current year's findings.",
                    "2009-12-19") ==
          std::vector<std::string>{"1789", "1791", "1791", "2009"});
    check_table({
        {"Profits will rise by the end of the year.", "2009-03-04", "the end of the year", "DATE", "2009", "END"},
    });
    // "later in the year" is the story's year in a story, and the publication's in news, whatever news dated last.
    CHECK(values_of("The war ended in 1945. The troops surrendered in 1946. Later in the year, the talks failed.",
                    "2009-12-19") == std::vector<std::string>{"1945", "1946", "1946"});
    CHECK(values_of("Sales fell from a year ago. Spraying was delayed earlier in the year by rain.", "1989-11-01") ==
          std::vector<std::string>{"1988", "1989"});
}
