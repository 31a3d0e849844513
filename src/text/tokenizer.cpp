#include "token.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "sentences.hpp"

namespace chronoweave::impl {
namespace {

constexpr bool ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// What an ASCII byte starts, read from a table: one load instead of a chain of comparisons at every token and space.
enum class AsciiClass : std::uint8_t { punct, space, line_break, letter, digit };

constexpr std::array<AsciiClass, 128> ascii_classes = [] {
    std::array<AsciiClass, 128> classes{};  // punct
    for (unsigned char c : {' ', '\t', '\f', '\v'}) classes[c] = AsciiClass::space;
    // CR, LF and CR LF all end a line (as NEL, LS and PS do below, and as for ICU's sentence rules), so a text reads
    // the same whichever line endings it was saved with.
    for (unsigned char c : {'\n', '\r'}) classes[c] = AsciiClass::line_break;
    for (unsigned char c = 0; c < 128; ++c) {
        if (ascii_alpha(c)) classes[c] = AsciiClass::letter;
        if (c >= '0' && c <= '9') classes[c] = AsciiClass::digit;
    }
    return classes;
}();

constexpr std::array<bool, 128> ends_sentence = [] {
    std::array<bool, 128> ends{};
    for (char c : sentence_end_bytes) ends[static_cast<unsigned char>(c)] = true;
    return ends;
}();

// Typographic punctuation that reads the same as an ASCII character in a rule.
// The folded forms are padded as the norms in TokenizedText::lowered are.
std::string_view fold_punctuation(UChar32 c) {
    static constexpr char folded[3][token_padding + 1] = {"'", "\"", "-"};
    switch (c) {
        case 0x2018: case 0x2019: case 0x201B: case 0x2032: return {folded[0], 1};
        case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: return {folded[1], 1};
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return {folded[2], 1};
        default: return {};
    }
}

// The length of the run of ASCII letters at p, if it ends within the eight bytes at p (of which at least eight are
// readable); 8 when all eight are letters. Eight bytes at a time because most words end within them, so the loop
// that finds a word's end takes one predictable step instead of a mispredicted branch at every word.
std::size_t ascii_letters_in_word(const unsigned char* p) {
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    constexpr std::uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    const std::uint64_t low7 = (x | 0x2020202020202020ULL) & ~high;  // lower-cased, high bit cleared
    const std::uint64_t at_least_a = low7 + (0x80 - 'a') * ones;     // high bit set where the byte is >= 'a'
    const std::uint64_t above_z = low7 + (0x7F - 'z') * ones;        // high bit set where the byte is > 'z'
    const std::uint64_t letters = at_least_a & ~above_z & ~x & high; // and the byte is ASCII
    const std::uint64_t others = ~letters & high;
    return others == 0 ? 8 : static_cast<std::size_t>(std::countr_zero(others)) / 8;
}

}  // namespace

TokenizedText tokenize(std::string_view text, const Vocabulary& vocabulary) {
    TokenizedText out;
    tokenize(text, vocabulary, out);
    return out;
}

void tokenize(std::string_view text, const Vocabulary& vocabulary, TokenizedText& out) {
    out.tokens.clear();
    out.shapes.clear();
    out.sentence_ends.clear();
    // Grown only, never shrunk: a string resized up clears the bytes it gains, which would be written again at once.
    if (out.lowered.size() < text.size() + token_padding) out.lowered.resize(text.size() + token_padding);
    // Lowered as it is copied, in one pass, and branch-free, so the compiler vectorizes it: this runs over every
    // byte of every document.
    const auto padding = std::transform(text.begin(), text.end(), out.lowered.begin(), [](char c) {
        return static_cast<char>(c | (static_cast<unsigned char>(c - 'A') < 26 ? 0x20 : 0));
    });
    std::fill(padding, padding + token_padding, '\0');
    const char* const lowered = out.lowered.data();
    // News prose has a token about every five bytes, and nearly half the stories of a news corpus a few more: a vector
    // that grows copies every token it has, and its doubled capacity holds more memory than a token every four bytes.
    out.tokens.reserve(text.size() / 4 + 1);

    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    bool space = true, newline = true;
    // A token's norm is its bytes of `lowered`, made without substr()'s bounds check: they are within the text.
    auto lowered_norm = [lowered](std::size_t begin, std::size_t end) {
        return std::string_view{lowered + begin, end - begin};
    };
    auto push = [&](TokenKind kind, std::size_t begin, std::size_t end, std::string_view norm) -> Token& {
        // Made whole, so that no field is cleared first to be written again.
        Token& t = out.tokens.emplace_back(
            Token{{begin, end}, norm, kind, space, newline, false, vocabulary.find_token(norm), nullptr});
        space = newline = false;
        return t;
    };

    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            switch (ascii_classes[c]) {
                case AsciiClass::line_break:
                    newline = true;
                    if (ends_sentence[c]) out.sentence_ends.push_back(i);
                    [[fallthrough]];
                case AsciiClass::space:
                    space = true;
                    ++i;
                    break;
                case AsciiClass::letter: {
                    std::size_t j = i + 1;
                    bool at_ascii_end = false;  // s[j] is ASCII and not a letter: the word ends at j
                    if constexpr (std::endian::native == std::endian::little) {
                        std::size_t run = 8;
                        for (; run == 8 && j + 8 <= n; j += run) run = ascii_letters_in_word(s + j);
                        at_ascii_end = run < 8 && s[j] < 0x80;
                    }
                    while (!at_ascii_end && j < n) {
                        if (s[j] < 0x80) {
                            if (!ascii_alpha(s[j])) break;
                            ++j;
                        } else {
                            std::size_t k = j;
                            UChar32 cp;
                            U8_NEXT(s, k, n, cp);
                            if (cp < 0 || !u_isalpha(cp)) break;
                            j = k;
                        }
                    }
                    Token& t = push(TokenKind::word, i, j, lowered_norm(i, j));
                    t.capitalized = c >= 'A' && c <= 'Z';
                    i = j;
                    // Most words are followed by a single space: take it here rather than in a turn of the loop.
                    if (i < n && s[i] == ' ') {
                        space = true;
                        ++i;
                    }
                    break;
                }
                case AsciiClass::digit: {
                    NumberShape& shape = out.shapes.emplace_back();
                    std::size_t len = parse_number_shape(text.substr(i), shape);
                    if (len == 0) {  // the integer alternative always matches a digit; kept for safety
                        len = 1;
                        shape.value = c - '0';
                        shape.digits = 1;
                    }
                    push(TokenKind::number, i, i + len, lowered_norm(i, i + len)).shape = &shape;
                    for (const std::size_t end = i + len; i < end; ++i)  // a period in "2.5" or "16.05.2025"
                        if (s[i] < 0x80 && ends_sentence[s[i]]) out.sentence_ends.push_back(i);
                    break;
                }
                case AsciiClass::punct:
                    push(TokenKind::punct, i, i + 1, lowered_norm(i, i + 1));
                    if (ends_sentence[c]) out.sentence_ends.push_back(i);
                    ++i;
                    break;
            }
            continue;
        }
        // Non-ASCII: ICU decides what the code point is. Text was validated as UTF-8 before we get here.
        std::size_t j = i;
        UChar32 cp;
        U8_NEXT(s, j, n, cp);
        if (cp < 0) {  // defensive: treat an undecodable byte as punctuation rather than loop
            push(TokenKind::punct, i, i + 1, lowered_norm(i, i + 1));
            i += 1;
        } else if (u_isUWhiteSpace(cp)) {
            space = true;
            newline = newline || cp == 0x2028 || cp == 0x2029 || cp == 0x85;
            i = j;
        } else if (u_isalpha(cp)) {
            std::size_t k = j;
            while (k < n) {
                std::size_t m = k;
                UChar32 next;
                U8_NEXT(s, m, n, next);
                if (next < 0 || !(u_isalpha(next) || (next < 0x80 && ascii_alpha(static_cast<unsigned char>(next))))) break;
                k = m;
            }
            Token& t = push(TokenKind::word, i, k, lowered_norm(i, k));
            t.capitalized = u_isupper(cp);
            i = k;
        } else {
            const std::string_view folded = fold_punctuation(cp);
            push(TokenKind::punct, i, j, folded.empty() ? lowered_norm(i, j) : folded);
            i = j;
        }
    }
}

}  // namespace chronoweave::impl
