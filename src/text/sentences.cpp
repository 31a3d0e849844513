// Sentence boundaries: ICU's sentence rules (UAX #29) with its English abbreviation suppressions ("Mr.", "U.S.").
// ICU's rule engine reads the text through UText one code point at a time, which costs about a hundred instructions
// per byte; news text is mostly ASCII, so ASCII text (and the lines of any text whose other characters are letters,
// digits, spaces, quotes, dashes or symbols, as in names and typography) takes a direct implementation of the same
// rules and the same suppression data instead, and ICU itself handles only the lines with other characters. The
// result must be ICU's exactly: tests/cpp/test_text.cpp compares them on generated text.
#include "sentences.hpp"

#include <chronoweave/error.hpp>
#include <chronoweave/text.hpp>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ucharstrie.h>
#include <unicode/ucharstriebuilder.h>
#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

#include "utf8.hpp"

namespace chronoweave {
namespace {

// Building a break iterator loads ICU rule data; do it once and clone() per call (clones are cheap and unshared).
const icu::BreakIterator& sentence_prototype() {
    static std::unique_ptr<icu::BreakIterator> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        // "ss=standard" suppresses breaks after abbreviations such as "Mr." and "U.S.".
        std::unique_ptr<icu::BreakIterator> it(
            icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
        if (U_FAILURE(status) || !it) throw Error(std::string("ICU sentence iterator unavailable: ") + u_errorName(status));
        return it;
    }();
    return *prototype;
}

// The ASCII characters Unicode calls White_Space (TAB, LF, VT, FF, CR and SPACE), as u_isUWhiteSpace() has them.
constexpr bool ascii_white_space(std::uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Narrows [b, e) to exclude white space at either end: ASCII, and any Unicode white space such as NO-BREAK SPACE or
// LINE SEPARATOR (which ICU counts as part of the sentence before it). ASCII ends, nearly all of them, take no call.
void trim_white_space(std::string_view text, std::size_t& b, std::size_t& e) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    while (b < e) {
        if (s[b] < 0x80) {
            if (!ascii_white_space(s[b])) break;
            ++b;
            continue;
        }
        std::size_t next = b;
        UChar32 cp;
        U8_NEXT(s, next, e, cp);
        if (cp < 0 || !u_isUWhiteSpace(cp)) break;
        b = next;
    }
    while (e > b) {
        if (s[e - 1] < 0x80) {
            if (!ascii_white_space(s[e - 1])) break;
            --e;
            continue;
        }
        std::size_t last = e - 1;  // the text is valid UTF-8: the last character starts at the last non-continuation
        while (last > b && (s[last] & 0xC0) == 0x80) --last;
        std::size_t next = last;
        UChar32 cp;
        U8_NEXT(s, next, e, cp);
        if (cp < 0 || !u_isUWhiteSpace(cp)) break;
        e = last;
    }
}

// The abbreviation suppressions of ICU's filtered sentence iterator for English, from the same ICU data and built
// into the same two tries (see ICU's filteredbrk.cpp): a backwards trie of whole abbreviations ("Mr." as ".rM") and
// of the first segment of multi-period ones ("Ph." of "Ph.D."), and a forwards trie of the multi-period ones.
class Suppressions {
public:
    Suppressions() {
        UErrorCode status = U_ZERO_ERROR;
        std::vector<icu::UnicodeString> words;
        UResourceBundle* bundle = ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "en", &status);
        UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &status);
        UResourceBundle* breaks = ures_getByKey(exceptions, "SentenceBreak", nullptr, &status);
        while (U_SUCCESS(status) && ures_hasNext(breaks)) {
            int32_t length = 0;
            const UChar* s = ures_getNextString(breaks, &length, nullptr, &status);
            if (U_SUCCESS(status)) words.emplace_back(s, length);
        }
        ures_close(breaks);
        ures_close(exceptions);
        ures_close(bundle);
        if (U_FAILURE(status)) throw Error(std::string("ICU sentence suppressions unavailable: ") + u_errorName(status));
        // ICU keeps them in a set: sorted, no duplicates.
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        ascii_ = std::all_of(words.begin(), words.end(), [](const icu::UnicodeString& word) {
            for (int32_t k = 0; k < word.length(); ++k)
                if (word.charAt(k) >= 0x80) return false;
            return true;
        });

        enum : int { reversed_partial = 1 };
        std::vector<int> partial(words.size(), 0);
        icu::UCharsTrieBuilder backward(status), forward(status);
        bool any_backward = false, any_forward = false;
        for (std::size_t i = 0; i < words.size(); ++i) {
            const int32_t stop = words[i].indexOf(u'.');
            if (stop < 0 || stop + 1 == words[i].length()) continue;
            bool prefix_added = false;
            for (std::size_t j = 0; j < words.size(); ++j) {
                if (j == i || words[i].compare(0, stop + 1, words[j], 0, stop + 1) != 0) continue;
                if (partial[j] == 0) partial[j] = reversed_partial;
                else prefix_added = true;
            }
            if (!prefix_added && partial[i] == 0) {
                icu::UnicodeString prefix(words[i], 0, stop + 1);
                backward.add(prefix.reverse(), partial_match, status);
                any_backward = true;
                partial[i] = reversed_partial;
            }
        }
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (partial[i] == 0) {
                icu::UnicodeString reversed(words[i]);
                backward.add(reversed.reverse(), full_match, status);
                any_backward = true;
            } else {
                forward.add(words[i], full_match, status);
                any_forward = true;
            }
        }
        if (any_backward) backward_.reset(backward.build(USTRINGTRIE_BUILD_FAST, status));
        if (any_forward) forward_.reset(forward.build(USTRINGTRIE_BUILD_FAST, status));
        if (U_FAILURE(status)) throw Error(std::string("ICU sentence suppressions unavailable: ") + u_errorName(status));
        if (backward_) index_first_bytes();
    }

    // Whether every abbreviation is ASCII, as ICU's English ones are: then reading a text's bytes as code points, as
    // suppressed() does, reads it as ICU does even where it is not ASCII, for a byte of a wider character ends a walk
    // as the character itself would.
    bool ascii() const { return ascii_; }

    // Whether ICU suppresses the break that the sentence rules put at `at` (0 < at < text.size()), in ASCII text or,
    // if ascii(), any text.
    bool suppressed(std::string_view text, std::size_t at) const {
        if (!backward_) return false;
        std::size_t i = at;
        if (text[i - 1] == ' ') --i;  // "Mr. |Brown": one space after the period
        // Most breaks follow bytes that no abbreviation ends with: the walk would find nothing.
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
        if (i >= 2) {
            const std::uint8_t walk = walk_after_two_[byte(i - 1)][byte(i - 2)];
            if (walk == walk_ends) return false;
            if (walk >= walk_by_third && i >= 3 && !third_bytes_[walk - walk_by_third][byte(i - 3)]) return false;
        }
        long best = -1;
        int best_value = -1;
        icu::UCharsTrie backward(*backward_);
        while (i > 0) {
            --i;
            const UStringTrieResult r = backward.nextForCodePoint(static_cast<unsigned char>(text[i]));
            if (USTRINGTRIE_HAS_VALUE(r)) {
                best = static_cast<long>(i);
                best_value = backward.getValue();
            }
            if (!USTRINGTRIE_HAS_NEXT(r)) break;
        }
        if (best < 0) return false;
        if (best_value == full_match) return true;
        if (best_value != partial_match || !forward_) return false;
        // "Ph." matched backwards: the whole abbreviation must match forwards from there.
        icu::UCharsTrie forward(*forward_);
        UStringTrieResult r = USTRINGTRIE_INTERMEDIATE_VALUE;
        for (std::size_t k = static_cast<std::size_t>(best); k < text.size(); ++k) {
            r = forward.nextForCodePoint(static_cast<unsigned char>(text[k]));
            if (!USTRINGTRIE_HAS_NEXT(r)) break;
        }
        return USTRINGTRIE_MATCHES(r);
    }

private:
    // Fills walk_after_two_ and third_bytes_ by walking the backward trie over every first two or three bytes.
    void index_first_bytes() {
        for (int last = 0; last < 256; ++last) {
            icu::UCharsTrie after_one(*backward_);
            const UStringTrieResult one = after_one.nextForCodePoint(last);
            if (USTRINGTRIE_HAS_VALUE(one)) walk_after_two_[last].fill(walk_goes_on);
            if (USTRINGTRIE_HAS_VALUE(one) || !USTRINGTRIE_HAS_NEXT(one)) continue;
            for (int second = 0; second < 256; ++second) {
                icu::UCharsTrie after_two(after_one);
                const UStringTrieResult two = after_two.nextForCodePoint(second);
                if (two == USTRINGTRIE_NO_MATCH) continue;
                std::uint8_t& walk = walk_after_two_[last][second];
                walk = walk_goes_on;
                if (USTRINGTRIE_HAS_VALUE(two) || third_bytes_.size() + walk_by_third > 255) continue;
                std::bitset<256>& third = third_bytes_.emplace_back();
                for (int byte = 0; byte < 256; ++byte) {
                    icu::UCharsTrie after_three(after_two);
                    third[static_cast<std::size_t>(byte)] = after_three.nextForCodePoint(byte) != USTRINGTRIE_NO_MATCH;
                }
                walk = static_cast<std::uint8_t>(walk_by_third + third_bytes_.size() - 1);
            }
        }
    }

    static constexpr int full_match = 0, partial_match = 1;  // ICU's values
    std::unique_ptr<icu::UCharsTrie> backward_, forward_;
    // What the backward walk does after the last byte before a break and the one before it: ends without a match
    // (walk_ends), may match (walk_goes_on), or goes on to a third byte, which must be in
    // third_bytes_[walk - walk_by_third] for it to go further.
    static constexpr std::uint8_t walk_ends = 0, walk_goes_on = 1, walk_by_third = 2;
    std::array<std::array<std::uint8_t, 256>, 256> walk_after_two_{};
    std::vector<std::bitset<256>> third_bytes_;
    bool ascii_ = true;
};

const Suppressions& suppressions() {
    static const Suppressions s;
    return s;
}

bool is_para_sep(std::uint8_t c) { return c == U_SB_CR || c == U_SB_LF || c == U_SB_SEP; }
bool is_term(std::uint8_t c) { return c == U_SB_ATERM || c == U_SB_STERM; }

// UAX #29 Sentence_Break values of the ASCII characters as ICU has them, and the few that can end a sentence.
struct AsciiSentenceClasses {
    std::array<std::uint8_t, 128> of{};
    std::string may_end;
};

const AsciiSentenceClasses& ascii_sentence_classes() {
    static const AsciiSentenceClasses classes = [] {
        AsciiSentenceClasses c;
        for (UChar32 cp = 0; cp < 128; ++cp) {
            const auto k = static_cast<std::uint8_t>(u_getIntPropertyValue(cp, UCHAR_SENTENCE_BREAK));
            c.of[static_cast<std::size_t>(cp)] = k;
            if (is_term(k) || is_para_sep(k)) c.may_end += static_cast<char>(cp);
        }
        if (!std::is_permutation(c.may_end.begin(), c.may_end.end(), impl::sentence_end_bytes.begin(),
                                 impl::sentence_end_bytes.end()))
            throw Error("ICU's sentence rules end sentences at other ASCII characters than '.', '!', '?', CR and LF");
        return c;
    }();
    return classes;
}

// The next of a few bytes (those that can end a sentence, line breaks), found with memchr for each byte, whose
// answer stands until the scan passes it: a few passes over the text at vector speed instead of one pass a byte at a
// time.
class NextByte {
public:
    // `bytes` are distinct ASCII bytes.
    NextByte(std::string_view text, std::string_view bytes) : text_(text) {
        for (char byte : bytes)
            if (const std::size_t at = find(byte, 0); at < text.size()) next_[count_++] = {byte, at};
    }
    // The position of the first such byte at or after `from`; text.size() when there is none.
    std::size_t at_or_after(std::size_t from) {
        std::size_t nearest = text_.size();
        for (std::size_t k = 0; k < count_;) {
            auto& [byte, at] = next_[k];
            if (at < from) at = find(byte, from);
            if (at == text_.size()) {  // no more of it: most texts have none or few of most of the bytes
                next_[k] = next_[--count_];
                continue;
            }
            nearest = std::min(nearest, at);
            ++k;
        }
        return nearest;
    }

private:
    std::size_t find(char byte, std::size_t from) const {
        if (from >= text_.size()) return text_.size();
        const void* found = std::memchr(text_.data() + from, byte, text_.size() - from);
        return found ? static_cast<std::size_t>(static_cast<const char*>(found) - text_.data()) : text_.size();
    }

    std::string_view text_;
    // A byte still in the text, and where it is next (at or after the last `from`); in place, as a text has runs by
    // the thousand. Left uninitialized past count_: clearing it all cost more than the search on a short text.
    struct Next {
        char byte;
        std::size_t at;
    };
    std::array<Next, 128> next_;
    std::size_t count_ = 0;
};

// NextByte's answers for the bytes that may end a sentence in text[b, e), read from where they are known to be.
class KnownEnds {
public:
    // `ends`: the offsets in the whole text of its bytes of sentence_end_bytes, in order.
    KnownEnds(const std::vector<std::size_t>& ends, std::size_t b, std::size_t e)
        : next_(std::lower_bound(ends.begin(), ends.end(), b)), last_(ends.end()), begin_(b), end_(e) {}
    // As NextByte::at_or_after(), as an offset in text[b, e).
    std::size_t at_or_after(std::size_t from) {
        while (next_ != last_ && *next_ < begin_ + from) ++next_;
        return next_ != last_ && *next_ < end_ ? *next_ - begin_ : end_ - begin_;
    }

private:
    std::vector<std::size_t>::const_iterator next_, last_;
    std::size_t begin_, end_;
};

// The Sentence_Break value of the character that byte i of the text is part of, for a byte that is not ASCII.
std::uint8_t wide_sentence_class(std::string_view text, std::size_t i) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    while (i > 0 && (s[i] & 0xC0) == 0x80) --i;
    UChar32 cp;
    U8_NEXT(s, i, text.size(), cp);
    return static_cast<std::uint8_t>(u_getIntPropertyValue(cp, UCHAR_SENTENCE_BREAK));
}

// Calls on_boundary with each boundary (end offset, the text's end excluded), in order, of UAX #29 rules SB3-SB11 on
// text where no character is Extend, Format or Sep and only ASCII ones are terminators. The rules read the class of
// the character a byte is part of, so that a run of characters of a class is a run of bytes. `next_end` finds the
// bytes of the text that may end a sentence (a NextByte or KnownEnds).
template <class NextEnd, class OnBoundary>
void for_each_rule_boundary(std::string_view text, NextEnd next_end, OnBoundary on_boundary) {
    const auto& classes = ascii_sentence_classes();
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    auto at = [&](std::size_t i) { return s[i] < 0x80 ? classes.of[s[i]] : wide_sentence_class(text, i); };
    std::size_t i = 0;
    while (i < n) {
        // Only terminators and line breaks can end a sentence; skip to the next one.
        i = next_end.at_or_after(i);
        if (i >= n) break;
        const std::uint8_t c = at(i);
        if (is_para_sep(c)) {  // SB3, SB4
            i += (c == U_SB_CR && i + 1 < n && at(i + 1) == U_SB_LF) ? 2 : 1;
            if (i < n) on_boundary(i);
            continue;
        }
        const bool aterm = c == U_SB_ATERM;
        const std::size_t after = i + 1;
        if (aterm && after < n) {
            if (at(after) == U_SB_NUMERIC) { i = after; continue; }  // SB6: "3.5"
            if (at(after) == U_SB_UPPER && i > 0 && (at(i - 1) == U_SB_UPPER || at(i - 1) == U_SB_LOWER)) {
                i = after;  // SB7: "U.S"
                continue;
            }
        }
        std::size_t k = after;
        while (k < n && at(k) == U_SB_CLOSE) ++k;  // SB9
        while (k < n && at(k) == U_SB_SP) ++k;     // SB10
        if (k < n && (at(k) == U_SB_SCONTINUE || is_term(at(k)))) { i = k; continue; }  // SB8a
        if (aterm) {  // SB8: no break before a lower-case word, past anything that is not a letter or terminator
            std::size_t p = k;
            while (p < n) {
                const std::uint8_t q = at(p);
                if (q == U_SB_OLETTER || q == U_SB_UPPER || q == U_SB_LOWER || is_para_sep(q) || is_term(q)) break;
                ++p;
            }
            if (p < n && at(p) == U_SB_LOWER) { i = p; continue; }
        }
        if (k < n && is_para_sep(at(k))) k += (at(k) == U_SB_CR && k + 1 < n && at(k + 1) == U_SB_LF) ? 2 : 1;
        if (k < n) on_boundary(k);  // SB11
        i = k;
    }
}

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_letter(char c) { return ascii_upper(static_cast<char>(c & ~0x20)); }

// Whether the text before `end` is an initialism of capitals and periods such as "U.S." or "U.K.".
bool ends_with_initialism(std::string_view text, std::size_t end) {
    std::size_t letters = 0;
    while (end >= 2 && text[end - 1] == '.' && ascii_upper(text[end - 2])) {
        ++letters;
        end -= 2;
    }
    // ASCII letters, whatever the process's locale: <cctype> would read a byte of a UTF-8 character as a letter in
    // some.
    const bool starts_word = end == 0 || !ascii_letter(text[end - 1]);
    return letters >= 2 && starts_word;
}

// ICU breaks after "U.S." before any capital; in news an initialism followed by a capitalized word is a title or
// a name ("U.S. President Trump"), so the sentence goes on.
void add_sentence(std::string_view text, std::size_t b, std::size_t e, std::vector<Span>& sentences) {
    trim_white_space(text, b, e);
    if (b >= e) return;
    if (!sentences.empty() && ascii_upper(text[b]) && ends_with_initialism(text, sentences.back().end) &&
        text.substr(sentences.back().end, b - sentences.back().end).find_first_of("\r\n") == std::string_view::npos) {
        sentences.back().end = e;
        return;
    }
    sentences.push_back({b, e});
}

// Whether every character of the line that is not ASCII is one the direct implementation reads as ICU does: one
// of the classes ASCII characters have, or OLetter; not a terminator ("。", "！"), a paragraph separator, or a
// character that SB5 attaches to the one before it (combining marks, format characters).
bool direct_rules_apply(std::string_view line) {
    std::size_t i = impl::ascii_prefix(line);
    if (i == line.size()) return true;
    if (!suppressions().ascii()) return false;
    const auto* s = reinterpret_cast<const std::uint8_t*>(line.data());
    while (i < line.size()) {
        if (s[i] < 0x80) {  // a run of ASCII between the other characters, passed over a block at a time
            i += impl::ascii_prefix(line.substr(i));
            continue;
        }
        UChar32 cp;
        U8_NEXT(s, i, line.size(), cp);
        switch (u_getIntPropertyValue(cp, UCHAR_SENTENCE_BREAK)) {
            case U_SB_LOWER: case U_SB_UPPER: case U_SB_OLETTER: case U_SB_NUMERIC: case U_SB_SP: case U_SB_CLOSE:
            case U_SB_SCONTINUE: case U_SB_OTHER:
                break;
            default:
                return false;
        }
    }
    return true;
}

// The sentences of text[b, e) by the direct implementation of ICU's rules; text[b, e) is lines of which
// direct_rules_apply(), whose bytes that may end a sentence `next_end` finds.
template <class NextEnd>
void split_direct(std::string_view text, std::size_t b, std::size_t e, NextEnd next_end, std::vector<Span>& sentences) {
    const std::string_view run = text.substr(b, e - b);
    const Suppressions& suppress = suppressions();
    std::size_t begin = 0;
    for_each_rule_boundary(run, std::move(next_end), [&](std::size_t boundary) {
        if (suppress.suppressed(run, boundary)) return;
        add_sentence(text, b + begin, b + boundary, sentences);
        begin = boundary;
    });
    add_sentence(text, b + begin, e, sentences);
}

// The sentences of text[b, e) by ICU.
void split_icu(std::string_view text, std::size_t b, std::size_t e, std::vector<Span>& sentences) {
    if (b == e) return;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, decltype(&utext_close)> utext(
        utext_openUTF8(nullptr, text.data() + b, static_cast<int64_t>(e - b), &status), &utext_close);
    std::unique_ptr<icu::BreakIterator> it(sentence_prototype().clone());
    if (U_FAILURE(status) || !it) throw Error(std::string("ICU cannot read the text: ") + u_errorName(status));
    it->setText(utext.get(), status);
    if (U_FAILURE(status)) throw Error(std::string("ICU cannot read the text: ") + u_errorName(status));
    std::size_t begin = b + static_cast<std::size_t>(it->first());
    for (int32_t next = it->next(); next != icu::BreakIterator::DONE; next = it->next()) {
        add_sentence(text, begin, b + static_cast<std::size_t>(next), sentences);
        begin = b + static_cast<std::size_t>(next);
    }
}

// A line break ends a sentence whatever surrounds it (UAX #29 SB4), and no suppression reaches back over one, so the
// text splits into runs of whole lines segmented one by one: runs of lines the direct implementation reads, and only
// the runs of other lines through ICU. `ascii`: whether the text is all ASCII. ends_in(b, e) finds the bytes that
// may end a sentence in text[b, e).
template <class EndsIn>
void split_sentences_with(std::string_view text, bool ascii, EndsIn ends_in, std::vector<Span>& sentences) {
    if (text.empty()) return;
    if (ascii) {
        split_direct(text, 0, text.size(), ends_in(0, text.size()), sentences);
        return;
    }
    std::size_t run = 0;
    bool run_is_direct = true;
    auto split_run = [&](std::size_t end) {
        if (run_is_direct) split_direct(text, run, end, ends_in(run, end), sentences);
        else split_icu(text, run, end, sentences);
    };
    NextByte line_break(text, "\n\r");
    for (std::size_t line = 0; line < text.size();) {
        std::size_t end = line_break.at_or_after(line);
        const bool direct = direct_rules_apply(text.substr(line, end - line));
        if (end < text.size()) end += text.compare(end, 2, "\r\n") == 0 ? 2 : 1;
        if (direct != run_is_direct && line > run) {
            split_run(line);
            run = line;
        }
        run_is_direct = direct;
        line = end;
    }
    split_run(text.size());
}

}  // namespace

// Splitting alone finds the bytes that may end a sentence as it goes, where extraction has their offsets from the
// tokenizer already: collecting them first would hold 8 bytes for each (64 MB of periods: 1.6 GB at the peak,
// against 170 MB).
std::vector<Span> split_sentences(std::string_view text) {
    std::vector<Span> sentences;
    split_sentences_with(text, is_ascii(text), [&](std::size_t b, std::size_t e) {
        return NextByte(text.substr(b, e - b), ascii_sentence_classes().may_end);
    }, sentences);
    return sentences;
}

std::vector<Span> impl::split_sentences(std::string_view text, bool ascii, const std::vector<std::size_t>& ends) {
    std::vector<Span> sentences;
    // Room for a sentence after every byte that may end one, as many as the rules can make (ICU, reading the rare
    // lines with other terminators, may make more): a vector grown sentence by sentence copies them over and over.
    // Periods in numbers and abbreviations and the line breaks after sentences leave about half of it unused; a text
    // that leaves much more unused does not keep it.
    sentences.reserve(ends.size() + 1);
    split_sentences_with(text, ascii, [&](std::size_t b, std::size_t e) { return KnownEnds(ends, b, e); }, sentences);
    if (sentences.capacity() > 4 * sentences.size() + 16) sentences.shrink_to_fit();
    return sentences;
}

std::vector<Span> impl::split_sentences_icu(std::string_view text) {
    std::vector<Span> sentences;
    split_icu(text, 0, text.size(), sentences);
    return sentences;
}

}  // namespace chronoweave
