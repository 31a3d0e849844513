// ICU glue: sentence boundaries over UTF-8 without converting to UTF-16, so ICU's indexes are our byte offsets.
#include <chronoweave/error.hpp>
#include <chronoweave/text.hpp>

#include <memory>
#include <mutex>

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
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

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

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
        while (b < e && is_space(static_cast<unsigned char>(text[b]))) ++b;
        while (e > b && is_space(static_cast<unsigned char>(text[e - 1]))) --e;
        if (b < e) sentences.push_back({b, e});
        begin = static_cast<std::size_t>(next);
    }
    return sentences;
}

}  // namespace chronoweave
