#pragma once
// Internal to the library: ICU's sentence segmentation of a whole text, which split_sentences() uses for the lines
// its direct implementation of the rules does not read. Exposed so that tests can check that split_sentences() agrees
// with it.
#include <string_view>
#include <vector>

#include <chronoweave/span.hpp>

namespace chronoweave::impl {

std::vector<Span> split_sentences_icu(std::string_view text);

}  // namespace chronoweave::impl
