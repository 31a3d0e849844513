#pragma once
// Internal to the library: the ICU path of split_sentences(), which split_sentences() takes for non-ASCII text.
// Exposed so that tests can check that the ASCII path agrees with it.
#include <string_view>
#include <vector>

#include <chronoweave/span.hpp>

namespace chronoweave::impl {

std::vector<Span> split_sentences_icu(std::string_view text);

}  // namespace chronoweave::impl
