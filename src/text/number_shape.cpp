// The one translation unit that instantiates the number-shape grammar.
// GCC 12 reports boost::optional members of X3 attributes as maybe-uninitialized; they are value-initialized.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "number_shape_def.hpp"

namespace chronoweave::impl {

namespace {

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool ascii_alnum(char c) { return ascii_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

// Whether a shape other than an integer can start at the digits of `text`. Every other shape goes on past its first
// run of digits with a letter ("16th", "90s", "7pm"), an apostrophe ("'90's") or a punctuation mark and a digit
// ("2025-05", "1,000", "2.5", "5/16", "15:30"); most numbers in news stand alone, and trying every shape on them is
// most of the cost of reading them.
bool may_be_more_than_integer(std::string_view text) {
    std::size_t end = 0;
    while (end < text.size() && ascii_digit(text[end])) ++end;
    if (end == text.size()) return false;
    return ascii_alnum(text[end]) || text[end] == '\'' || (end + 1 < text.size() && ascii_digit(text[end + 1]));
}

}  // namespace

std::size_t parse_number_shape(std::string_view text, NumberShape& shape) {
    const char* first = text.data();
    const char* const last = text.data() + text.size();
    NumberShape parsed;
    namespace x3 = boost::spirit::x3;
    const bool read = may_be_more_than_integer(text) ? x3::parse(first, last, grammar::number_shape, parsed)
                                                     : x3::parse(first, last, grammar::integer, parsed);
    if (!read) return 0;
    shape = parsed;
    return static_cast<std::size_t>(first - text.data());
}

}  // namespace chronoweave::impl

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
