// The one translation unit that instantiates the number-shape grammar.
// GCC 12 reports boost::optional members of X3 attributes as maybe-uninitialized; they are value-initialized.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "number_shape_def.hpp"

namespace chronoweave::impl {

std::size_t parse_number_shape(std::string_view text, NumberShape& shape) {
    const char* first = text.data();
    const char* const last = text.data() + text.size();
    NumberShape parsed;
    if (!boost::spirit::x3::parse(first, last, grammar::number_shape, parsed)) return 0;
    shape = parsed;
    return static_cast<std::size_t>(first - text.data());
}

}  // namespace chronoweave::impl

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
