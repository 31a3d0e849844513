// ICU glue: sentence boundaries over UTF-8 without converting to UTF-16, so ICU's indexes are our byte offsets.
#include <chronoweave/error.hpp>
#include <chronoweave/text.hpp>

#include <cstdint>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

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

// Narrows [b, e) to exclude white space at either end: ASCII, and any Unicode white space such as NO-BREAK SPACE or
// LINE SEPARATOR (which ICU counts as part of the sentence before it).
void trim_white_space(std::string_view text, std::size_t& b, std::size_t& e) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    while (b < e) {
        std::size_t next = b;
        UChar32 cp;
        U8_NEXT(s, next, e, cp);
        if (cp < 0 || !u_isUWhiteSpace(cp)) break;
        b = next;
    }
    while (e > b) {
        std::size_t last = e - 1;  // the text is valid UTF-8: the last character starts at the last non-continuation
        while (last > b && (s[last] & 0xC0) == 0x80) --last;
        std::size_t next = last;
        UChar32 cp;
        U8_NEXT(s, next, e, cp);
        if (cp < 0 || !u_isUWhiteSpace(cp)) break;
        e = last;
    }
}

}  // namespace

std::vector<Span> split_sentences(std::string_view text) {
    std::vector<Span> sentences;
    if (text.empty()) return sentences;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, decltype(&utext_close)> utext(
        utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status), &utext_close);
    std::unique_ptr<icu::BreakIterator> it(sentence_prototype().clone());
    if (U_FAILURE(status) || !it) throw Error(std::string("ICU cannot read the text: ") + u_errorName(status));
    it->setText(utext.get(), status);
    if (U_FAILURE(status)) throw Error(std::string("ICU cannot read the text: ") + u_errorName(status));
    std::size_t begin = static_cast<std::size_t>(it->first());
    for (int32_t next = it->next(); next != icu::BreakIterator::DONE; next = it->next()) {
        std::size_t b = begin, e = static_cast<std::size_t>(next);
        trim_white_space(text, b, e);
        if (b < e) sentences.push_back({b, e});
        begin = static_cast<std::size_t>(next);
    }
    return sentences;
}

}  // namespace chronoweave
