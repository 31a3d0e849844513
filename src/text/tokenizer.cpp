#include "token.hpp"

#include <array>
#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace chronoweave::impl {
namespace {

// What a byte starts, looked up in one table: the scan runs over every byte of every document.
enum class ByteClass : std::uint8_t { other, space, line_break, alpha, digit, non_ascii };

constexpr std::array<ByteClass, 256> byte_classes = [] {
    std::array<ByteClass, 256> classes{};
    for (int c = 0; c < 256; ++c) {
        ByteClass k = ByteClass::other;
        if (c >= 0x80) k = ByteClass::non_ascii;
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') k = ByteClass::alpha;
        else if (c >= '0' && c <= '9') k = ByteClass::digit;
        // CR, LF and CR LF all end a line (as NEL, LS and PS do below, and as for ICU's sentence rules), so a text
        // reads the same whichever line endings it was saved with.
        else if (c == '\n' || c == '\r') k = ByteClass::line_break;
        else if (c == ' ' || c == '\t' || c == '\f' || c == '\v') k = ByteClass::space;
        classes[static_cast<std::size_t>(c)] = k;
    }
    return classes;
}();

ByteClass class_of(unsigned char c) { return byte_classes[c]; }
bool ascii_alpha(unsigned char c) { return class_of(c) == ByteClass::alpha; }

// Typographic punctuation that reads the same as an ASCII character in a rule.
std::string_view fold_punctuation(UChar32 c) {
    switch (c) {
        case 0x2018: case 0x2019: case 0x201B: case 0x2032: return "'";
        case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: return "\"";
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: return "-";
        default: return {};
    }
}

}  // namespace

TokenizedText tokenize(std::string_view text) {
    TokenizedText out;
    out.lowered.assign(text);
    // Branch-free, so the compiler vectorizes it: this runs over every byte of every document.
    for (char& c : out.lowered)
        c = static_cast<char>(c | (static_cast<unsigned char>(c - 'A') < 26 ? 0x20 : 0));
    const std::string_view lowered = out.lowered;
    out.tokens.reserve(text.size() / 5 + 1);

    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    bool space = true, newline = true;
    auto push = [&](TokenKind kind, std::size_t begin, std::size_t end, std::string_view norm) -> Token& {
        Token& t = out.tokens.emplace_back();
        t.span = {begin, end};
        t.kind = kind;
        t.norm = norm;
        t.space_before = space;
        t.newline_before = newline;
        space = newline = false;
        return t;
    };

    while (i < n) {
        const unsigned char c = s[i];
        const ByteClass k = class_of(c);
        if (k != ByteClass::non_ascii) {
            if (k == ByteClass::space || k == ByteClass::line_break) {
                space = true;
                newline = newline || k == ByteClass::line_break;
                ++i;
            } else if (k == ByteClass::alpha) {
                std::size_t j = i + 1;
                while (j < n) {
                    const ByteClass next = class_of(s[j]);
                    if (next == ByteClass::alpha) {
                        ++j;
                    } else if (next == ByteClass::non_ascii) {
                        std::size_t after = j;
                        UChar32 cp;
                        U8_NEXT(s, after, n, cp);
                        if (cp < 0 || !u_isalpha(cp)) break;
                        j = after;
                    } else {
                        break;
                    }
                }
                Token& t = push(TokenKind::word, i, j, lowered.substr(i, j - i));
                t.capitalized = c >= 'A' && c <= 'Z';
                i = j;
            } else if (k == ByteClass::digit) {
                NumberShape shape;
                std::size_t len = parse_number_shape(text.substr(i), shape);
                if (len == 0) {  // the integer alternative always matches a digit; kept for safety
                    len = 1;
                    shape.value = c - '0';
                    shape.digits = 1;
                }
                push(TokenKind::number, i, i + len, lowered.substr(i, len)).shape = shape;
                i += len;
            } else {
                push(TokenKind::punct, i, i + 1, lowered.substr(i, 1));
                ++i;
            }
            continue;
        }
        // Non-ASCII: ICU decides what the code point is. Text was validated as UTF-8 before we get here.
        std::size_t j = i;
        UChar32 cp;
        U8_NEXT(s, j, n, cp);
        if (cp < 0) {  // defensive: treat an undecodable byte as punctuation rather than loop
            push(TokenKind::punct, i, i + 1, lowered.substr(i, 1));
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
            Token& t = push(TokenKind::word, i, k, lowered.substr(i, k - i));
            t.capitalized = u_isupper(cp);
            i = k;
        } else {
            const std::string_view folded = fold_punctuation(cp);
            push(TokenKind::punct, i, j, folded.empty() ? lowered.substr(i, j - i) : folded);
            i = j;
        }
    }
    return out;
}

}  // namespace chronoweave::impl
