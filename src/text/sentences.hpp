#pragma once
// Internal to the library: ICU's sentence segmentation of a whole text, which split_sentences() uses for the lines
// its direct implementation of the rules does not read. Exposed so that tests can check that split_sentences() agrees
// with it.
#include <string_view>
#include <vector>

#include <chronoweave/span.hpp>

namespace chronoweave::impl {

std::vector<Span> split_sentences_icu(std::string_view text);

// The ASCII characters that can end a sentence by ICU's rules (its ATerm, STerm, CR and LF): the rules are tried only
// at these. split_sentences() checks them against ICU's data.
inline constexpr std::string_view sentence_end_bytes = ".!?\r\n";

// split_sentences() of a text known to be all ASCII or not, whose bytes of sentence_end_bytes are at `ends`, in
// order: the caller has read every byte already (to validate it, to tokenize it), and reading them again for these
// costs a pass over the text each.
std::vector<Span> split_sentences(std::string_view text, bool ascii, const std::vector<std::size_t>& ends);

}  // namespace chronoweave::impl
