#include <doctest/doctest.h>

#include <chronoweave/chronoweave.hpp>

#include <random>

#include "text/sentences.hpp"
#include "temporal/rules.hpp"
#include "text/token.hpp"

using namespace chronoweave;

TEST_CASE("valid UTF-8 passes, invalid sequences are found at their first byte") {
    CHECK_FALSE(find_invalid_utf8("plain ASCII text that is longer than eight bytes").has_value());
    CHECK_FALSE(find_invalid_utf8("Київ — переговори 🙂").has_value());
    CHECK(find_invalid_utf8("ab\xff").value() == 2);
    CHECK(find_invalid_utf8("abc\xc3").value() == 3);                 // truncated two-byte sequence
    CHECK(find_invalid_utf8("\xc0\xaf").value() == 0);                // overlong slash
    CHECK(find_invalid_utf8("x\xed\xa0\x80").value() == 1);           // UTF-16 surrogate
    CHECK(find_invalid_utf8("\xf4\x90\x80\x80").value() == 0);        // beyond U+10FFFF
    CHECK(find_invalid_utf8("12345678\x80").value() == 8);            // after the eight-byte fast path
    CHECK_THROWS_AS(validate_utf8("ok\xfe"), InvalidUtf8Error);
    try {
        validate_utf8("ok\xfe");
    } catch (const InvalidUtf8Error& e) {
        CHECK(e.byte_offset() == 2);
    }
}

TEST_CASE("is_ascii looks at every byte, in and after the eight-byte blocks") {
    CHECK(is_ascii(""));
    CHECK(is_ascii("plain ASCII text that is longer than eight bytes"));
    CHECK_FALSE(is_ascii("Київ"));
    CHECK_FALSE(is_ascii("12345678\x80"));   // after the last full block
    CHECK_FALSE(is_ascii("1234567\xc3\xa9"));  // across a block boundary
    CHECK_FALSE(is_ascii("\xff" "2345678"));  // first byte of the first block
}

TEST_CASE("sentences keep byte offsets and skip abbreviations") {
    const std::string text = "Talks began in Istanbul. Mr. Peskov spoke to the U.S. press on Friday.\nНовий рядок тут.";
    const auto sentences = split_sentences(text);
    REQUIRE(sentences.size() == 3);
    CHECK(text.substr(sentences[0].begin, sentences[0].size()) == "Talks began in Istanbul.");
    CHECK(text.substr(sentences[1].begin, sentences[1].size()) == "Mr. Peskov spoke to the U.S. press on Friday.");
    CHECK(text.substr(sentences[2].begin, sentences[2].size()) == "Новий рядок тут.");
    // White space at either end is left out, Unicode white space too; a line of white space is no sentence.
    const std::string spaced = "\xC2\xA0 First one.\xE2\x80\xA8\xE2\x80\xA8\xE3\x80\x80Second one.\xC2\xA0";
    const auto trimmed = split_sentences(spaced);
    REQUIRE(trimmed.size() == 2);
    CHECK(spaced.substr(trimmed[0].begin, trimmed[0].size()) == "First one.");
    CHECK(spaced.substr(trimmed[1].begin, trimmed[1].size()) == "Second one.");
    CHECK(split_sentences("").empty());
    CHECK(split_sentences("   \n ").empty());
}

TEST_CASE("an initialism followed by a capitalized word does not end the sentence") {
    const std::string text = "Aides of U.S. President Carter met the U.K. Ambassador today. The E.U. said no.\nIt was the U.S.\nThen rain.";
    const auto sentences = split_sentences(text);
    REQUIRE(sentences.size() == 4);
    CHECK(text.substr(sentences[0].begin, sentences[0].size()) == "Aides of U.S. President Carter met the U.K. Ambassador today.");
    CHECK(text.substr(sentences[1].begin, sentences[1].size()) == "The E.U. said no.");
    CHECK(text.substr(sentences[2].begin, sentences[2].size()) == "It was the U.S.");  // a line break still ends it
    // The non-ASCII path reads the same.
    const std::string accented = "Café owners and U.S. Senator Reyes met. Then they left.";
    const auto icu = split_sentences(accented);
    REQUIRE(icu.size() == 2);
    CHECK(accented.substr(icu[0].begin, icu[0].size()) == "Café owners and U.S. Senator Reyes met.");
}

TEST_CASE("ASCII sentence splitting agrees with ICU's iterator") {
    auto texts = [](const std::string& text) {
        std::vector<std::string> out;
        for (const Span& s : split_sentences(text)) out.push_back(text.substr(s.begin, s.size()));
        return out;
    };
    // The rules of UAX #29 and ICU's English suppressions, one by one.
    CHECK(texts("It rose 3.5 percent. Then it fell.") == std::vector<std::string>{"It rose 3.5 percent.", "Then it fell."});
    CHECK(texts("Talks in the U.S.A. ended. Mr. Ruiz left.") ==
          std::vector<std::string>{"Talks in the U.S.A. ended.", "Mr. Ruiz left."});
    CHECK(texts("He said \"no.\" Then he left!  Why?\r\nNobody knows") ==
          std::vector<std::string>{"He said \"no.\"", "Then he left!", "Why?", "Nobody knows"});
    CHECK(texts("etc. and so on. Wait... what?") == std::vector<std::string>{"etc. and so on.", "Wait... what?"});
    CHECK(texts("Headline\nBody text, no stop") == std::vector<std::string>{"Headline", "Body text, no stop"});
    CHECK(texts("Mr.  Two spaces. Mr.\nNew line.") == std::vector<std::string>{"Mr.", "Two spaces.", "Mr.", "New line."});

    // Generated text dense in what decides a boundary, compared with ICU itself (which split_sentences uses only for
    // lines with characters its direct implementation does not read).
    const std::vector<std::string> atoms = {"a", "b", "Z", "Mr", "U", "S", "No", "1", "42", ".", ".", "!", "?", " ", " ",
                                            "\n", "\r", "\r\n", "\t", "\"", "'", ")", "(", ",", ";", ":", "-", "#",
                                            "Mr.", "U.S.", "Ph.D.", "e.g.", "a.m.", "Dr.", "Inc.", "vs.", "The", "he",
                                            "\f", "\x01"};
    std::mt19937 random(29);
    int mismatches = 0;
    for (int n = 0; n < 20000; ++n) {
        std::string text;
        for (int k = 1 + static_cast<int>(random() % 14); k > 0; --k) text += atoms[random() % atoms.size()];
        if (split_sentences(text) != impl::split_sentences_icu(text)) {
            if (++mismatches <= 3) INFO("text: " << text);
            CHECK(split_sentences(text) == impl::split_sentences_icu(text));
        }
    }
    for (int n = 0; n < 20000; ++n) {
        std::string text;
        for (int k = 1 + static_cast<int>(random() % 24); k > 0; --k) text += static_cast<char>(random() % 128);
        if (split_sentences(text) != impl::split_sentences_icu(text) && ++mismatches <= 3) {
            INFO("text: " << text);
            CHECK(split_sentences(text) == impl::split_sentences_icu(text));
        }
    }
    // Text mixing ASCII lines, lines whose other characters the direct implementation reads (letters of any script,
    // digits, spaces, quotes, dashes, symbols) and lines ICU reads (terminators, separators, combining marks, format
    // characters): each run of lines is segmented apart.
    const std::vector<std::string> wide = {"\xC3\xA9t\xC3\xA9", "\xE2\x80\x94", "\xE2\x80\x99", "\xF0\x9F\x99\x82",
                                           "\xC2\xA0", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE3\x80\x82",
                                           "\xCC\x81", "\xE2\x80\x9D", "\xC2\xBB", "\xC3\x89", "\xD0\x96", "\xCE\xBB",
                                           "\xE6\x88\x98", "\xD9\x84", "\xD9\xA3", "\xE2\x80\x93", "\xE2\x80\x9C",
                                           "\xE2\x96\xAA", "\xE2\x82\xAC", "\xE3\x80\x80", "\xC2\xAD", "\xE2\x80\x8B",
                                           "\xE2\x80\xA4", "\xEF\xBC\x81", "\xEF\xBC\x8E", "\xE2\x80\xA6", "\xC2\xB7"};
    for (int n = 0; n < 40000; ++n) {
        std::string text;
        for (int k = 1 + static_cast<int>(random() % 30); k > 0; --k)
            text += random() % 5 == 0 ? wide[random() % wide.size()] : atoms[random() % atoms.size()];
        if (split_sentences(text) != impl::split_sentences_icu(text) && ++mismatches <= 3) {
            INFO("text: " << text);
            CHECK(split_sentences(text) == impl::split_sentences_icu(text));
        }
    }
    CHECK(mismatches == 0);
}

TEST_CASE("the tokenizer finds every byte that may end a sentence, and splitting at them is split_sentences") {
    // Numbers that take a period into their token ("2.5", "16.05.2025") and ones that leave it out ("3.", "1990s.").
    const std::vector<std::string> atoms = {"a", "Mr", "U", "The", "2.5", "16.05.2025", "3", "1,000.5", "1990s", "7pm",
                                            "15:30", ".", ".", "!", "?", " ", " ", "\n", "\r\n", "\t", "\"", ")",
                                            "-", "U.S.", "e.g.", "\xC3\xA9t\xC3\xA9", "\xE2\x80\x94",
                                            "\xE3\x80\x82", "\xC2\x85"};
    std::mt19937 random(11);
    int mismatches = 0;
    for (int n = 0; n < 20000; ++n) {
        std::string text;
        for (int k = 1 + static_cast<int>(random() % 20); k > 0; --k) text += atoms[random() % atoms.size()];
        const impl::TokenizedText tokenized = impl::tokenize(text);
        std::vector<std::size_t> ends;
        for (std::size_t i = 0; i < text.size(); ++i)
            if (impl::sentence_end_bytes.find(text[i]) != std::string_view::npos) ends.push_back(i);
        if ((tokenized.sentence_ends != ends ||
             impl::split_sentences(text, is_ascii(text), tokenized.sentence_ends) != split_sentences(text)) &&
            ++mismatches <= 3) {
            INFO("text: " << text);
            CHECK(tokenized.sentence_ends == ends);
            CHECK(impl::split_sentences(text, is_ascii(text), tokenized.sentence_ends) == split_sentences(text));
        }
    }
    CHECK(mismatches == 0);
}

TEST_CASE("tokens: words, number shapes and folded punctuation") {
    using impl::NumberShape;
    const auto t = impl::tokenize("On 2025-05-16, 1,000 POWs; 5/16/2025 at 15:30 — the 1990s’ 16th");
    std::vector<std::string> norms;
    for (auto& token : t.tokens) norms.emplace_back(token.norm);
    CHECK(norms == std::vector<std::string>{"on", "2025-05-16", ",", "1,000", "pows", ";", "5/16/2025", "at", "15:30", "-",
                                            "the", "1990s", "'", "16th"});
    CHECK(t.tokens[1].shape->kind == NumberShape::Kind::ymd);
    CHECK(t.tokens[1].shape->day == 16);
    CHECK(t.tokens[3].shape->kind == NumberShape::Kind::grouped);
    CHECK(t.tokens[3].shape->value == 1000);
    CHECK(t.tokens[6].shape->kind == NumberShape::Kind::ymd);
    CHECK(t.tokens[6].shape->month == 5);
    CHECK(t.tokens[8].shape->kind == NumberShape::Kind::clock);
    CHECK(t.tokens[11].shape->kind == NumberShape::Kind::decade);
    CHECK(t.tokens[13].shape->kind == NumberShape::Kind::ordinal);
    CHECK(t.tokens[0].capitalized);
    CHECK(t.tokens[4].capitalized);
}

TEST_CASE("a word ends at the first byte that is not a letter, wherever it falls in the text") {
    // Pieces whose letter-ness is known: ASCII letters, a non-ASCII letter, and the ASCII characters just outside the
    // letter ranges (the eight-byte word scan tests ranges, so its edges are where it could go wrong).
    struct Piece {
        const char* bytes;
        bool letter;
    };
    const std::vector<Piece> pieces{{"a", true},  {"Z", true},  {"q", true},   {"\xC3\xA9", true},  // é
                                    {" ", false}, {"@", false}, {"[", false},  {"`", false},
                                    {"{", false}, {"-", false}, {"\x7F", false}, {"\xE2\x80\x94", false}};  // —
    std::mt19937 random(7);
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        std::vector<Span> expected;  // the runs of letters
        std::size_t run_begin = 0;
        bool in_word = false;
        const int length = static_cast<int>(random() % 40);
        for (int k = 0; k < length; ++k) {
            // Mostly letters, so that words of every length up to twenty and more occur.
            const Piece& piece = random() % 3 ? pieces[random() % 4] : pieces[4 + random() % 8];
            if (piece.letter && !in_word) run_begin = text.size();
            if (!piece.letter && in_word) expected.push_back({run_begin, text.size()});
            in_word = piece.letter;
            text += piece.bytes;
        }
        if (in_word) expected.push_back({run_begin, text.size()});
        std::vector<Span> words;
        for (const auto& token : impl::tokenize(text).tokens)
            if (token.kind == impl::TokenKind::word) words.push_back(token.span);
        CHECK_MESSAGE(words == expected, text);
    }
}

TEST_CASE("number shapes reject implausible dates and keep decimals and European dates apart") {
    using impl::NumberShape;
    auto shape_of = [](std::string_view s) {
        NumberShape shape;
        const auto n = impl::parse_number_shape(s, shape);
        return std::pair{n, shape};
    };
    CHECK(shape_of("2014-15").second.kind == NumberShape::Kind::integer);  // a season span, not month 15
    CHECK(shape_of("2007-08").second.kind == NumberShape::Kind::integer);  // two years, not August
    CHECK(shape_of("2007-09").second.kind == NumberShape::Kind::ymd);
    CHECK(shape_of("2.5").second.kind == NumberShape::Kind::decimal);
    CHECK(shape_of("1.000").second.kind == NumberShape::Kind::grouped);
    const auto european = shape_of("16.05.2025").second;
    CHECK(european.kind == NumberShape::Kind::ymd);
    CHECK(european.day == 16);
    CHECK(european.month == 5);
    const auto short_year = shape_of("27.03.15").second;
    CHECK(short_year.kind == NumberShape::Kind::ymd);
    CHECK(short_year.year == 15);
    CHECK(short_year.digits == 2);
    // A fourth group is an address or a version; one-digit months and three-digit years are no dates.
    CHECK(shape_of("10.12.15.1").second.kind != NumberShape::Kind::ymd);
    CHECK(shape_of("1.2.15").second.kind != NumberShape::Kind::ymd);
    CHECK(shape_of("27.03.155").second.kind != NumberShape::Kind::ymd);
    CHECK(shape_of("99999999999999999999999").second.kind == NumberShape::Kind::integer);
    CHECK(shape_of("25:99").second.kind == NumberShape::Kind::integer);
    // Bytes of UTF-8 sequences after the digits end the shape (they once reached <cctype> as negative chars).
    CHECK(shape_of("16\xC3\xA9").first == 2);
    CHECK(shape_of("1990\xE2\x80\x99s").second.kind == NumberShape::Kind::integer);
    CHECK(shape_of("16th\xC3\xA9").second.kind == NumberShape::Kind::ordinal);
}

TEST_CASE("a clock time may carry am/pm (then it needs no colon) or hrs glued on") {
    using impl::NumberShape;
    auto shape_of = [](std::string_view s) {
        NumberShape shape;
        const auto n = impl::parse_number_shape(s, shape);
        return std::pair{n, shape};
    };
    struct Clock {
        std::string_view text;
        int hour, minute;
    };
    for (const Clock& clock : {Clock{"7:30pm", 7, 30}, Clock{"7.30am", 7, 30}, Clock{"1130pm", 11, 30},
                               Clock{"720PM", 7, 20}}) {
        CAPTURE(clock.text);
        const auto [length, shape] = shape_of(clock.text);
        CHECK(shape.kind == NumberShape::Kind::clock);
        CHECK(length == clock.text.size() - 2);
        CHECK(shape.hour == clock.hour);
        CHECK(shape.minute == clock.minute);
    }
    CHECK(shape_of("7.30").second.kind == NumberShape::Kind::decimal);
    CHECK(shape_of("2015pm").second.kind == NumberShape::Kind::integer);  // no thirteen o'clock
    CHECK(shape_of("7:30amx").second.kind == NumberShape::Kind::integer);
    CHECK(shape_of("05:30hrs").second.kind == NumberShape::Kind::clock);
}

TEST_CASE("the grammar's vocabulary finds every word it holds and no other") {
    chronoweave::impl::Vocabulary vocabulary;
    std::vector<std::string> words;
    for (int i = 0; i < 5000; ++i) {  // short and long words, enough to make the table grow many times
        std::string word = "w" + std::to_string(i * 7919);
        if (i % 3 == 0) word += "-with-a-longer-tail";
        words.push_back(word);
    }
    for (std::size_t i = 0; i < words.size(); ++i) CHECK(vocabulary.add(words[i]) == i + 1);
    CHECK(vocabulary.size() == words.size() + 1);
    for (std::size_t i = 0; i < words.size(); ++i) CHECK(vocabulary.find(words[i]) == i + 1);
    CHECK(vocabulary.add(words[42]) == 43);  // adding again gives the same id
    // A token's norm is looked up by a key read in one load: the same key as the word's.
    const auto tokenized = impl::tokenize("On May 16, the talks\u2019 \u201Cfirst round\u201D \u2014 in Istanbul \u2014 lasted 2 hours.");
    for (const auto& token : tokenized.tokens) CHECK(impl::token_key(token.norm) == impl::word_key(token.norm));
    CHECK(vocabulary.find("") == 0);
    CHECK_THROWS_AS(vocabulary.add(""), chronoweave::ResourceError);
    CHECK(vocabulary.find("w1") == 0);
    CHECK(vocabulary.find("tuesday") == 0);
    // A long word's key is a hash of all of it: words that differ only in the middle are told apart.
    const std::uint32_t first = vocabulary.add("fiscal-year-1-second-quarter");
    CHECK(vocabulary.find("fiscal-year-1-second-quarter") == first);
    CHECK(vocabulary.find("fiscal-year-2-second-quarter") == 0);
    const std::uint32_t second = vocabulary.add("fiscal-year-2-second-quarter");
    CHECK(second != first);
    CHECK(vocabulary.find("fiscal-year-2-second-quarter") == second);
}
