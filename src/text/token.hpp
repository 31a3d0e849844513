#pragma once
// Tokens: the unit the temporal rules match. Internal to the library.
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include <chronoweave/span.hpp>

#include "vocabulary.hpp"

namespace chronoweave::impl {

// What a run of digits (and the punctuation glued to it) spells, as read by the number-shape grammar.
struct NumberShape {
    enum class Kind : std::uint8_t {
        integer,        // "2025", "16": value, digits
        grouped,        // "1,000" or "1.000": a count, never a date part
        decimal,        // "2.5": value 2, fraction "5" (digits after the point, trailing zeros dropped)
        ordinal,        // "16th": value
        decade,         // "1990s" (value 1990, digits 4), "90s" / "'90s" (value 90, digits 2)
        ymd,            // "2025-05-16", "5/16/2025", "16.05.2025": year, month, day (day may be 0 for "2025-05")
        month_day,      // "5/16": month, day
        clock,          // "15:30", "15:30:05": hour, minute, second
        code            // "555-0134", "1-800-555-0199": a phone number, never a date part
    };
    Kind kind = Kind::integer;
    std::uint8_t digits = 0;           // a run of more than 255 digits counts as 255
    // The digits after a decimal point, as a count and a number ("2.05": 2 and 5), zero when there are none.
    std::uint8_t fraction_digits = 0;
    int fraction = 0;
    long long value = 0;
    int year = 0, month = 0, day = 0;
    int hour = -1, minute = -1, second = -1;
};

enum class TokenKind : std::uint8_t { word, number, punct };

struct Token {
    Span span;
    // Lower-cased ASCII; typographic quotes and dashes folded to ASCII. At least eight bytes can be read from
    // norm.data() (past its end they are unspecified), so that a short norm is read whole in one load.
    std::string_view norm;
    TokenKind kind = TokenKind::word;
    bool space_before = false;
    bool newline_before = false;
    bool capitalized = false;
    std::uint32_t word = 0;  // the norm's id in the Vocabulary the text was tokenized with (0: not in it)
    // kind == number only, else null. Kept apart from the token because most tokens are words: a small token is
    // quicker to make, and more of them share a cache line for every pass that reads them.
    const NumberShape* shape = nullptr;
};

inline constexpr std::size_t token_padding = 8;

struct TokenizedText {
    // Backing store of the norms: the text lowered, padded with token_padding bytes, and past them whatever is left
    // of an earlier, longer text.
    std::string lowered;
    std::deque<NumberShape> shapes;  // what the number tokens point to: a deque, so that they stay put as it grows
    std::vector<Token> tokens;
    // The offsets of the text's bytes that may end a sentence (impl::sentence_end_bytes), in order, for
    // impl::split_sentences().
    std::vector<std::size_t> sentence_ends;
};

// Tokens with each norm looked up in `vocabulary` as it is made, while its bytes are at hand: the one lookup every
// token needs costs less there than in a pass of its own.
TokenizedText tokenize(std::string_view text, const Vocabulary& vocabulary = Vocabulary::empty());
// The same into `out`, whose buffers are reused: what it held before is replaced.
void tokenize(std::string_view text, const Vocabulary& vocabulary, TokenizedText& out);

// Number-shape grammar (Spirit X3), instantiated once in number_shape.cpp.
// On success returns the number of bytes the shape spans from `text.begin()`, else 0.
std::size_t parse_number_shape(std::string_view text, NumberShape& shape);

}  // namespace chronoweave::impl
