#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <chronoweave/chronoweave.hpp>

using namespace chronoweave;
using namespace date::literals;

namespace {

// A hand-written TimeML file in the TempEval-3 layout.
const std::string sample =
    "<?xml version=\"1.0\" ?>\n"
    "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
    "<DOCID>demo-1</DOCID>\n"
    "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2025-05-17T09:30:00\" temporalFunction=\"false\" "
    "functionInDocument=\"CREATION_TIME\">May 17, 2025</TIMEX3></DCT>\n"
    "<TEXT>\n"
    "The board <EVENT eid=\"e1\" class=\"OCCURRENCE\">met</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" "
    "value=\"2025-05-16\">Friday</TIMEX3> in R&amp;D &lt;west&gt; hall.\n"
    "Caf&#233; sales rose for <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3M\" mod=\"MORE_THAN\">over three "
    "months</TIMEX3> &#x2014; &quot;a record&apos;.\n"
    "</TEXT>\n"
    "<TLINK lid=\"l1\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1\" />\n"
    "</TimeML>\n";

const std::string sample_text =
    "\nThe board met Friday in R&D <west> hall.\n"
    "Caf\xC3\xA9 sales rose for over three months \xE2\x80\x94 \"a record'.\n";

Span span_of(const std::string& text, std::string_view needle, std::size_t from = 0) {
    const auto at = text.find(needle, from);
    REQUIRE(at != std::string::npos);
    return {at, at + needle.size()};
}

Timex make_timex(Span span, TimexType type, std::string value, TimexMod mod = TimexMod::none) {
    Timex t;
    t.span = span;
    t.type = type;
    t.value = std::move(value);
    t.mod = mod;
    return t;
}

Document document_for(const TimemlInput& input) {
    Document doc;
    doc.id = input.id;
    doc.text = input.text;
    doc.published = input.dct;
    return doc;
}

// The file with every TIMEX3 tag between <TEXT> and </TEXT> cut out, done the simple way.
std::string strip_text_timex3(const std::string& xml) {
    const auto begin = xml.find("<TEXT>");
    const auto end = xml.find("</TEXT>");
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    std::string inner = xml.substr(begin, end - begin);
    std::string stripped;
    for (std::size_t i = 0; i < inner.size();) {
        const bool open = inner.compare(i, 7, "<TIMEX3") == 0 && i + 7 < inner.size() &&
                          (inner[i + 7] == ' ' || inner[i + 7] == '>' || inner[i + 7] == '/');
        if (open || inner.compare(i, 9, "</TIMEX3>") == 0) {
            i = inner.find('>', i) + 1;
        } else {
            stripped += inner[i++];
        }
    }
    return xml.substr(0, begin) + stripped + xml.substr(end);
}

void check_error(const std::string& xml, std::size_t line, std::size_t column, std::string_view message_part) {
    CAPTURE(xml);
    try {
        (void)read_timeml(xml);
        FAIL("no TimemlError");
    } catch (const TimemlError& e) {
        const std::string what = e.what();
        CAPTURE(what);
        CHECK(e.line() == line);
        CHECK(e.column() == column);
        CHECK(what.find(message_part) != std::string::npos);
    }
}

}  // namespace

TEST_CASE("read_timeml: DOCID, DCT, decoded text and gold TIMEX3s") {
    const TimemlInput in = read_timeml(sample);
    CHECK(in.id == "demo-1");
    CHECK(in.dct == 2025_y / date::May / 17);
    CHECK(in.dct_value == "2025-05-17T09:30:00");
    CHECK(in.dct_tid == "t0");
    CHECK(in.text == sample_text);
    CHECK(std::string_view(sample).substr(in.text_source.begin, 1) == "\n");
    CHECK(std::string_view(sample).substr(in.text_source.end, 7) == "</TEXT>");

    REQUIRE(in.timexes.size() == 2);
    const TimemlTimex& friday = in.timexes[0];
    CHECK(friday.span == Span{15, 21});
    CHECK(in.text.substr(friday.span.begin, friday.span.size()) == "Friday");
    CHECK(friday.tid == "t1");
    CHECK(friday.timex_type() == TimexType::date);
    CHECK(friday.value == "2025-05-16");
    CHECK(friday.mod.empty());
    CHECK(friday.timex_mod() == TimexMod::none);

    const TimemlTimex& months = in.timexes[1];
    // "Café" is five bytes: offsets are UTF-8 bytes of the decoded text.
    CHECK(months.span == span_of(in.text, "over three months"));
    CHECK(months.span.begin == 42 + 21);  // 42 bytes of the first line, "Caf\u00e9 sales rose for " is 21
    CHECK(months.type == "DURATION");
    CHECK(months.timex_mod() == TimexMod::more_than);
    CHECK(months.attribute("value") == "P3M");
    CHECK(months.attribute("quant") == std::nullopt);
    REQUIRE(months.attributes.size() == 4);
    CHECK(months.attributes[3] == TimemlAttribute{"mod", "MORE_THAN"});
}

TEST_CASE("read_timeml: entities, CDATA, comments, attribute decoding and the DCT forms") {
    const std::string xml =
        "\xEF\xBB\xBF<TimeML><DOCID> \n d&amp;2 </DOCID><DCT><TIMEX3 tid='t3' value='1998-01-08'/></DCT>"
        "<TEXT>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F642;<!-- gone --><?pi x?><![CDATA[<b>&amp;</b>]]>"
        "<TIMEX3 tid=\"t9\" value=\"a&amp;b&#10;c\td\"/>.</TEXT></TimeML>";
    const TimemlInput in = read_timeml(xml);
    CHECK(in.id == "d&2");
    CHECK(in.dct == 1998_y / date::January / 8);
    CHECK(in.dct_tid == "t3");
    CHECK(in.text == "<>&\"'AB\xF0\x9F\x99\x82<b>&amp;</b>.");
    REQUIRE(in.timexes.size() == 1);
    CHECK(in.timexes[0].span == Span{in.text.size() - 1, in.text.size() - 1});
    CHECK(in.timexes[0].value == "a&b\nc d");  // a literal tab is normalized, a character reference is not

    // Without <DCT>, a CREATION_TIME TIMEX3 outside <TEXT> is the DCT; a DCT that is no date leaves dct empty.
    const auto fallback = read_timeml(
        "<TimeML><HEAD><TIMEX3 tid=\"t0\" functionInDocument=\"CREATION_TIME\" value=\"2014-10-14T08:00\">x</TIMEX3>"
        "</HEAD><TEXT>a</TEXT></TimeML>");
    CHECK(fallback.dct == 2014_y / date::October / 14);
    CHECK(fallback.id.empty());
    const auto vague = read_timeml("<TimeML><DCT><TIMEX3 tid=\"t0\" value=\"PRESENT_REF\"/></DCT><TEXT/></TimeML>");
    CHECK_FALSE(vague.dct.has_value());
    CHECK(vague.dct_value == "PRESENT_REF");
    CHECK(vague.text.empty());
    const auto bad_day = read_timeml("<TimeML><DCT><TIMEX3 value=\"2025-02-30\"/></DCT><TEXT>x</TEXT></TimeML>");
    CHECK_FALSE(bad_day.dct.has_value());
    const auto doctype =
        read_timeml("<!DOCTYPE TimeML [ <!ELEMENT x (#PCDATA)> ]>\r\n<TimeML><TEXT>a\r\nb</TEXT></TimeML>\r\n");
    CHECK(doctype.text == "a\r\nb");  // line ends are kept as written
}

TEST_CASE("annotate_timeml: our timexes replace the gold ones, everything else is kept byte for byte") {
    const TimemlInput in = read_timeml(sample);
    Document doc = document_for(in);

    // An empty document removes the gold TIMEX3s of <TEXT> and keeps everything else, the DCT included.
    const std::string bare = annotate_timeml(sample, doc);
    CHECK(bare == strip_text_timex3(sample));
    CHECK(bare.find("tid=\"t0\"") != std::string::npos);
    CHECK(read_timeml(bare).text == in.text);
    CHECK(read_timeml(bare).timexes.empty());

    doc.timexes.push_back(
        make_timex(span_of(in.text, "three months"), TimexType::duration, "P3M", TimexMod::more_than));
    doc.timexes.push_back(make_timex(span_of(in.text, "Friday"), TimexType::date, "2025-05-16"));
    doc.timexes.push_back(make_timex(span_of(in.text, "R&D"), TimexType::date, "X<&\"Y"));
    doc.timexes.push_back(make_timex(span_of(in.text, "Caf\xC3\xA9"), TimexType::set, "P1D"));
    doc.timexes.back().quant = "EVERY";
    const TimemlAnnotation out = annotate_timeml_detailed(sample, doc);
    CHECK(out.skipped.empty());
    CHECK(out.written == std::vector<std::size_t>{1, 2, 3, 0});

    const std::string expected =
        "<?xml version=\"1.0\" ?>\n"
        "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
        "<DOCID>demo-1</DOCID>\n"
        "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2025-05-17T09:30:00\" temporalFunction=\"false\" "
        "functionInDocument=\"CREATION_TIME\">May 17, 2025</TIMEX3></DCT>\n"
        "<TEXT>\n"
        "The board <EVENT eid=\"e1\" class=\"OCCURRENCE\">met</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" "
        "value=\"2025-05-16\">Friday</TIMEX3> in <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"X&lt;&amp;&quot;Y\">"
        "R&amp;D</TIMEX3> &lt;west&gt; hall.\n"
        "<TIMEX3 tid=\"t3\" type=\"SET\" value=\"P1D\" quant=\"EVERY\">Caf&#233;</TIMEX3> sales rose for over "
        "<TIMEX3 tid=\"t4\" type=\"DURATION\" value=\"P3M\" mod=\"MORE_THAN\">three months</TIMEX3> &#x2014; "
        "&quot;a record&apos;.\n"
        "</TEXT>\n"
        "<TLINK lid=\"l1\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1\" />\n"
        "</TimeML>\n";
    CHECK(out.xml == expected);
    CHECK(annotate_timeml(sample, doc) == expected);

    // Reading the output back gives our timexes, on the same text.
    const TimemlInput again = read_timeml(out.xml);
    CHECK(again.text == in.text);
    REQUIRE(again.timexes.size() == 4);
    for (std::size_t k = 0; k < 4; ++k) {
        const Timex& ours = doc.timexes[out.written[k]];
        CAPTURE(k);
        CHECK(again.timexes[k].span == ours.span);
        CHECK(again.timexes[k].tid == "t" + std::to_string(k + 1));
        CHECK(again.timexes[k].timex_type() == ours.type);
        CHECK(again.timexes[k].value == ours.value);
        CHECK(again.timexes[k].timex_mod() == ours.mod);
    }
    // Annotating the annotated file again gives the same file.
    CHECK(annotate_timeml(out.xml, doc) == expected);

    Document other = doc;
    other.text += " ";
    CHECK_THROWS_AS((void)annotate_timeml(sample, other), Error);
}

TEST_CASE("annotate_timeml: new tids continue after the TIMEX3s kept outside <TEXT>") {
    const std::string xml =
        "<TimeML><DCT><TIMEX3 tid=\"t7\" value=\"2025-05-17\">today</TIMEX3></DCT><TITLE><TIMEX3 tid=\"t12\">"
        "x</TIMEX3><TIMEX3 tid=\"t01\"/></TITLE><TEXT><TIMEX3 tid=\"t40\">May</TIMEX3> 16</TEXT></TimeML>";
    const TimemlInput in = read_timeml(xml);
    CHECK(in.dct_tid == "t7");
    Document doc = document_for(in);
    doc.timexes.push_back(make_timex(span_of(in.text, "May 16"), TimexType::date, "2025-05-16"));
    CHECK(annotate_timeml(xml, doc) ==
          "<TimeML><DCT><TIMEX3 tid=\"t7\" value=\"2025-05-17\">today</TIMEX3></DCT><TITLE><TIMEX3 tid=\"t12\">"
          "x</TIMEX3><TIMEX3 tid=\"t01\"/></TITLE><TEXT><TIMEX3 tid=\"t13\" type=\"DATE\" value=\"2025-05-16\">"
          "May 16</TIMEX3></TEXT></TimeML>");
}

TEST_CASE("annotate_timeml: spans that cross tags are placed inside one element or skipped") {
    const std::string xml =
        "<TimeML><TEXT>We <EVENT eid=\"e1\">met on</EVENT> May 16 and <EVENT eid=\"e2\">May 17</EVENT>, then "
        "<SIGNAL sid=\"s1\">before</SIGNAL> <EVENT eid=\"e3\">June</EVENT> 2 in Caf\xC3\xA9s.</TEXT></TimeML>";
    const TimemlInput in = read_timeml(xml);
    REQUIRE(in.text == "We met on May 16 and May 17, then before June 2 in Caf\xC3\xA9s.");
    Document doc = document_for(in);
    const std::size_t cafe = in.text.find("Caf");
    doc.timexes = {
        make_timex(span_of(in.text, "on May 16"), TimexType::date, "a"),      // 0: crosses </EVENT>: skipped
        make_timex(span_of(in.text, "May 16"), TimexType::date, "b"),         // 1: written
        make_timex(span_of(in.text, "16 and"), TimexType::date, "c"),         // 2: overlaps 1: skipped
        make_timex(span_of(in.text, "May 17"), TimexType::date, "d"),         // 3: inside <EVENT eid="e2">
        make_timex(span_of(in.text, "before June 2"), TimexType::date, "e"),  // 4: wraps SIGNAL and EVENT
        make_timex({cafe, cafe + 4}, TimexType::date, "f"),                   // 5: ends inside "é": skipped
        make_timex({5, 3}, TimexType::date, "g"),                             // 6: not a span: skipped
        make_timex({7, 7}, TimexType::date, "h"),                             // 7: empty: skipped
        make_timex({in.text.size() - 1, in.text.size() + 1}, TimexType::date, "i"),  // 8: past the end: skipped
        make_timex(span_of(in.text, "s."), TimexType::date, "j"),             // 9: right after "é": written
    };
    const TimemlAnnotation out = annotate_timeml_detailed(xml, doc);
    CHECK(out.written == std::vector<std::size_t>{1, 3, 4, 9});
    CHECK(out.skipped == std::vector<std::size_t>{0, 2, 5, 6, 7, 8});
    CHECK(out.xml ==
          "<TimeML><TEXT>We <EVENT eid=\"e1\">met on</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"b\">May 16"
          "</TIMEX3> and <EVENT eid=\"e2\"><TIMEX3 tid=\"t2\" type=\"DATE\" value=\"d\">May 17</TIMEX3></EVENT>, "
          "then <TIMEX3 tid=\"t3\" type=\"DATE\" value=\"e\"><SIGNAL sid=\"s1\">before</SIGNAL> <EVENT eid=\"e3\">"
          "June</EVENT> 2</TIMEX3> in Caf\xC3\xA9<TIMEX3 tid=\"t4\" type=\"DATE\" value=\"j\">s.</TIMEX3></TEXT>"
          "</TimeML>");
    const TimemlInput again = read_timeml(out.xml);
    CHECK(again.text == in.text);
    CHECK(again.timexes.size() == 4);

    // Adjacent timexes around an empty element, and a span that starts where the previous one ends.
    const std::string adjacent = "<TimeML><TEXT>ab<X/>cd</TEXT></TimeML>";
    Document two = document_for(read_timeml(adjacent));
    two.timexes = {make_timex({0, 2}, TimexType::date, "1"), make_timex({2, 4}, TimexType::date, "2")};
    CHECK(annotate_timeml(adjacent, two) ==
          "<TimeML><TEXT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1\">ab</TIMEX3><X/><TIMEX3 tid=\"t2\" type=\"DATE\" "
          "value=\"2\">cd</TIMEX3></TEXT></TimeML>");

    // A timex inside a CDATA section cannot be marked up; one covering it whole can.
    const std::string cdata = "<TimeML><TEXT>x <![CDATA[May 16]]> y</TEXT></TimeML>";
    Document c = document_for(read_timeml(cdata));
    c.timexes = {make_timex({2, 5}, TimexType::date, "in"), make_timex({2, 8}, TimexType::date, "all")};
    const auto cdata_out = annotate_timeml_detailed(cdata, c);
    CHECK(cdata_out.written == std::vector<std::size_t>{1});
    CHECK(cdata_out.xml == "<TimeML><TEXT>x <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"all\"><![CDATA[May 16]]></TIMEX3> "
                           "y</TEXT></TimeML>");
}

TEST_CASE("read_timeml: malformed input throws TimemlError with line and column") {
    check_error("<TimeML><DOCID>x</DOCID></TimeML>", 1, 34, "no <TEXT> element");
    check_error("<TimeML>\n<TEXT>\nabc\n</TEXT>\n", 1, 1, "<TimeML> is never closed");
    check_error("<TimeML>\n<TEXT>a <EVENT eid=\"e1\"", 2, 9, "unterminated tag <EVENT>");
    check_error("<TimeML>\n<TEXT>a <EVENT>b</TEXT></TimeML>", 2, 17,
                "</TEXT> does not match <EVENT> opened at line 2, column 9");
    check_error("<TimeML>\n<TEXT>\nR&D\n</TEXT>\n</TimeML>", 3, 2, "malformed entity reference");
    check_error("<TimeML><TEXT>a&nbsp;b</TEXT></TimeML>", 1, 16, "unknown entity &nbsp;");
    check_error("<TimeML><TEXT>&#0;</TEXT></TimeML>", 1, 15, "XML does not allow");
    check_error("<TimeML><TEXT>&#x110000;</TEXT></TimeML>", 1, 15, "out of range");
    check_error("<TimeML><TEXT>&#12a;</TEXT></TimeML>", 1, 15, "malformed character reference");
    check_error("<TimeML><TEXT x=\"&bogus;\">a</TEXT></TimeML>", 1, 18, "unknown entity");
    check_error("<TimeML>\n<TEXT>Caf\xC3\xA9 \xFF</TEXT></TimeML>", 2, 12, "invalid UTF-8");
    check_error("<TimeML>\n<TEXT>Caf\xC3\xA9 \x01</TEXT></TimeML>", 2, 12, "the character U+0001 is not allowed in XML");
    check_error(std::string("<TimeML><TEXT>a\0</TEXT></TimeML>", 31), 1, 16, "U+0000 is not allowed");
    check_error("<TimeML><TEXT>\xEF\xBF\xBF</TEXT></TimeML>", 1, 15, "U+FFFF is not allowed");
    check_error("<TimeML><TEXT>a</TEXT></TimeML>trailing", 1, 32, "text after the root element");
    check_error("junk<TimeML><TEXT>a</TEXT></TimeML>", 1, 1, "text before the root element");
    check_error("<TimeML><TEXT>a</TEXT></TimeML><TimeML/>", 1, 32, "a second root element");
    check_error("<TimeML><TEXT>a</TEXT></TimeML></TimeML>", 1, 32, "without a start tag");
    check_error("<TimeML><TEXT>a</TEXT><TEXT>b</TEXT></TimeML>", 1, 23, "more than one <TEXT>");
    check_error("<TimeML><TEXT>a <TIMEX3 tid=\"t1\" tid=\"t2\">b</TIMEX3></TEXT></TimeML>", 1, 34,
                "duplicate attribute tid");
    check_error("<TimeML><TEXT>a <X v=\"1<2\"/></TEXT></TimeML>", 1, 24, "'<' in an attribute value");
    check_error("<TimeML><TEXT>a <X v=1/></TEXT></TimeML>", 1, 22, "expected a quoted value");
    check_error("<TimeML><TEXT>a <X v=\"1\"w=\"2\"/></TEXT></TimeML>", 1, 25, "expected white space");
    check_error("<TimeML><TEXT>1 < 2</TEXT></TimeML>", 1, 17, "malformed tag");
    check_error("<TimeML><TEXT>a <!-- b </TEXT></TimeML>", 1, 17, "unterminated comment");
    check_error("<TimeML><TEXT>a <![CDATA[ b </TEXT></TimeML>", 1, 17, "unterminated CDATA");
    check_error("<TimeML><TEXT>a</TEXT ", 1, 16, "malformed end tag");
    check_error("", 1, 1, "no root element");
    check_error("\xEF\xBB\xBF<TimeML>\n", 1, 1, "never closed");
}

TEST_CASE("TimeML input never crashes the reader or the writer") {
    // Deep nesting is handled without recursion.
    std::string deep = "<TimeML><TEXT>";
    for (int k = 0; k < 200000; ++k) deep += "<a>";
    deep += "May 16";
    for (int k = 0; k < 200000; ++k) deep += "</a>";
    deep += "</TEXT></TimeML>";
    const auto deep_in = read_timeml(deep);
    CHECK(deep_in.text == "May 16");
    Document deep_doc = document_for(deep_in);
    deep_doc.timexes = {make_timex({0, 6}, TimexType::date, "2025-05-16")};
    const auto deep_out = annotate_timeml(deep, deep_doc);
    CHECK(deep_out.find("<a><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2025-05-16\">May 16</TIMEX3></a>") !=
          std::string::npos);
    std::string unclosed = "<TimeML><TEXT>";
    for (int k = 0; k < 100000; ++k) unclosed += "<a>";
    check_error(unclosed, 1, 15 + 3 * 99999, "<a> is never closed");

    // Random edits of a valid file: each result is read or rejected with TimemlError, and whatever is read can be
    // annotated with arbitrary spans and read back to the same text.
    std::mt19937 rng(20250516);
    const std::string alphabet = "<>&;/=\"' #x0aTEXTIMEX3\xC3\xA9\n!-[]?";
    std::size_t readable = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string xml = sample;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = rng() % (xml.size() + 1);
            switch (rng() % 3) {
                case 0: xml.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
                case 1: if (at < xml.size()) xml.erase(at, 1 + rng() % 8); break;
                default: if (at < xml.size()) xml[at] = alphabet[rng() % alphabet.size()]; break;
            }
        }
        TimemlInput in;
        try {
            in = read_timeml(xml);
        } catch (const TimemlError&) {
            continue;
        }
        ++readable;
        Document doc = document_for(in);
        for (int k = 0; k < 6 && !in.text.empty(); ++k) {
            const std::size_t a = rng() % (in.text.size() + 1), b = rng() % (in.text.size() + 1);
            doc.timexes.push_back(make_timex({std::min(a, b), std::max(a, b)}, TimexType::date, "v&<\""));
        }
        const TimemlAnnotation out = annotate_timeml_detailed(xml, doc);
        CHECK(out.written.size() + out.skipped.size() == doc.timexes.size());
        const TimemlInput again = read_timeml(out.xml);
        CHECK(again.text == in.text);
        REQUIRE(again.timexes.size() == out.written.size());
        for (std::size_t k = 0; k < out.written.size(); ++k)
            CHECK(again.timexes[k].span == doc.timexes[out.written[k]].span);
    }
    CHECK(readable > 100);
}

TEST_CASE("every TimeML file of the shared corpora reads, and annotates back to itself") {
    std::filesystem::path root;
    if (const char* env = std::getenv("CHRONOWEAVE_CORPORA")) {
        root = env;
    } else {
        // The corpora live beside the project: <project>/../shared/corpora; this file is <project>/tests/cpp/.
        root = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / ".." / "shared" / "corpora";
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) {
        MESSAGE("skipped: no corpora at " << root.string() << " (set CHRONOWEAVE_CORPORA)");
        return;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
        if (entry.is_regular_file() && entry.path().extension() == ".tml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::size_t gold = 0;
    for (const auto& path : files) {
        CAPTURE(path.string());
        std::ifstream stream(path, std::ios::binary);
        const std::string xml((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
        TimemlInput in;
        REQUIRE_NOTHROW(in = read_timeml_file(path));
        CHECK(in == read_timeml(xml));
        CHECK(in.dct.has_value());
        Document doc = document_for(in);
        CHECK(annotate_timeml(xml, doc) == strip_text_timex3(xml));

        // Writing the gold annotations back as ours reproduces their spans, types, values and mods.
        for (const auto& t : in.timexes)
            if (auto type = t.timex_type(); type && !t.span.empty())
                doc.timexes.push_back(make_timex(t.span, *type, t.value, t.timex_mod()));
        const TimemlAnnotation out = annotate_timeml_detailed(xml, doc);
        CHECK(out.skipped.empty());
        const TimemlInput again = read_timeml(out.xml);
        CHECK(again.text == in.text);
        REQUIRE(again.timexes.size() == doc.timexes.size());
        for (std::size_t k = 0; k < doc.timexes.size(); ++k) {
            CHECK(again.timexes[k].span == doc.timexes[k].span);
            CHECK(again.timexes[k].value == doc.timexes[k].value);
            CHECK(again.timexes[k].timex_type() == doc.timexes[k].type);
        }
        gold += in.timexes.size();
    }
    MESSAGE("read " << files.size() << " TimeML files with " << gold << " gold TIMEX3s");
    CHECK(!files.empty());
}

TEST_CASE("to_timeml writes a well-formed file or refuses text XML cannot hold") {
    using namespace date::literals;
    const chronoweave::Extractor extractor;
    const auto doc = extractor.extract("Talks on May 16 & <more>\r\n\tyesterday.", 2025_y / date::May / 22, "d<1>");
    const std::string xml = chronoweave::to_timeml(doc);
    const auto back = chronoweave::read_timeml(xml);
    CHECK(back.text == doc.text);
    CHECK(back.id == "d<1>");
    REQUIRE(back.timexes.size() == 2);
    CHECK(back.timexes[0].value == "2025-05-16");
    CHECK(back.timexes[1].value == "2025-05-21");
    const auto control = extractor.extract(std::string("nul\0 on May 16", 15), 2025_y / date::May / 22);
    CHECK_THROWS_WITH_AS(chronoweave::to_timeml(control), doctest::Contains("U+0000 at byte 3"), chronoweave::Error);
    const auto noncharacter = extractor.extract("May 16 \xEF\xBF\xBE", 2025_y / date::May / 22);
    CHECK_THROWS_WITH_AS(chronoweave::to_timeml(noncharacter), doctest::Contains("U+FFFE at byte 7"),
                         chronoweave::Error);
}

TEST_CASE("TimeML round trip: text between tags is kept byte for byte through read, extract and annotate") {
    // CR LF and lone CR, non-ASCII text, entities, character references, CDATA and a comment, all inside <TEXT>.
    const std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<TimeML>\r\n<DOCID>rt-1</DOCID>\r\n"
        "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2025-05-22\" functionInDocument=\"CREATION_TIME\">May 22, "
        "2025</TIMEX3></DCT>\r\n<TEXT>\r\nThe envoys &quot;met&quot; in Київ on <TIMEX3 tid=\"t1\" type=\"DATE\" "
        "value=\"2025-05-16\">May 16</TIMEX3> &amp; again\ryesterday &#x2014; <![CDATA[<b>R&D</b> on Friday]]> "
        "<!-- not text --> 🙂\r\nfor <EVENT eid=\"e1\">two hours</EVENT>.\r\n</TEXT>\r\n</TimeML>\r\n";
    const TimemlInput in = read_timeml(xml);
    CHECK(in.text ==
          "\r\nThe envoys \"met\" in Київ on May 16 & again\ryesterday \xE2\x80\x94 <b>R&D</b> on Friday  🙂\r\nfor "
          "two hours.\r\n");
    const Extractor extractor;
    const Document doc = extractor.extract(in.text, in.dct, in.id);
    std::vector<std::string> found;
    for (const Timex& t : doc.timexes) found.emplace_back(doc.text_of(t.span));
    CHECK(found == std::vector<std::string>{"May 16", "yesterday", "Friday", "two hours"});

    const TimemlAnnotation out = annotate_timeml_detailed(xml, doc);
    CHECK(out.skipped == std::vector<std::size_t>{2});  // "Friday" starts inside the CDATA section
    CHECK(strip_text_timex3(out.xml) == strip_text_timex3(xml));
    CHECK(out.xml.find("&amp; again\r<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2025-05-21\">yesterday</TIMEX3> "
                       "&#x2014;") != std::string::npos);
    CHECK(out.xml.find("<EVENT eid=\"e1\"><TIMEX3 tid=\"t3\" type=\"DURATION\" value=\"PT2H\">two hours</TIMEX3>"
                       "</EVENT>") != std::string::npos);
    const TimemlInput again = read_timeml(out.xml);
    CHECK(again.text == in.text);
    REQUIRE(again.timexes.size() == 3);

    // A new file for the same document reads back to the same text and timexes.
    const TimemlInput fresh = read_timeml(to_timeml(doc));
    CHECK(fresh.text == doc.text);
    CHECK(fresh.id == "rt-1");
    CHECK(fresh.dct == in.dct);
    REQUIRE(fresh.timexes.size() == doc.timexes.size());
    for (std::size_t k = 0; k < doc.timexes.size(); ++k) CHECK(fresh.timexes[k].span == doc.timexes[k].span);
}

TEST_CASE("to_timeml writes events, their instances and the document's links, and reads back") {
    const Extractor extractor;
    Document doc = extractor.extract("Envoys met on Friday & talked. Officials said <nothing> before the vote.",
                                     2025_y / date::May / 17, "links");
    doc.events.clear();
    doc.relations.clear();
    auto event = [&](std::string_view trigger, std::string kind, EventStatus status) {
        const auto at = doc.text.find(trigger);
        Event e;
        e.kind = std::move(kind);
        e.trigger = {at, at + trigger.size()};
        e.status = status;
        doc.events.push_back(std::move(e));
    };
    event("met", "meeting", EventStatus::occurred);
    event("talked", "meeting", EventStatus::occurred);
    event("said", "statement", EventStatus::negated);
    event("Friday", "meeting", EventStatus::occurred);  // inside a timex: left out of the EVENT tags
    REQUIRE(doc.timexes.size() == 1);
    doc.relations.push_back({{NodeKind::event, 0}, {NodeKind::timex, 0}, RelationType::is_included});
    doc.relations.push_back({{NodeKind::event, 2}, {NodeKind::event, 1}, RelationType::after});
    doc.relations.push_back({{NodeKind::event, 3}, {NodeKind::event, 0}, RelationType::simultaneous});
    const std::string xml = to_timeml(doc);
    CHECK(xml.find("Envoys <EVENT eid=\"e1\" class=\"OCCURRENCE\">met</EVENT> on <TIMEX3 tid=\"t1\"") != std::string::npos);
    CHECK(xml.find("&amp; <EVENT eid=\"e2\" class=\"OCCURRENCE\">talked</EVENT>") != std::string::npos);
    CHECK(xml.find("<EVENT eid=\"e3\" class=\"REPORTING\">said</EVENT> &lt;nothing&gt;") != std::string::npos);
    CHECK(xml.find("eid=\"e4\"") == std::string::npos);
    CHECK(xml.find("<MAKEINSTANCE eventID=\"e3\" eiid=\"ei3\" tense=\"NONE\" aspect=\"NONE\" polarity=\"NEG\"") !=
          std::string::npos);
    CHECK(xml.find("<TLINK lid=\"l1\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1\"/>") !=
          std::string::npos);
    CHECK(xml.find("<TLINK lid=\"l2\" relType=\"AFTER\" eventInstanceID=\"ei3\" relatedToEventInstance=\"ei2\"/>") !=
          std::string::npos);
    CHECK(xml.find("lid=\"l3\"") == std::string::npos);  // its event was not written
    const TimemlInput back = read_timeml(xml);
    CHECK(back.text == doc.text);
    REQUIRE(back.timexes.size() == 1);
    CHECK(back.timexes[0].value == doc.timexes[0].value);
}
