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

// split_sentences() of a text whose bytes of sentence_end_bytes are at `ends`, in order: the tokenizer finds them in
// the pass it makes over every byte anyway, and finding them again costs a search a byte.
std::vector<Span> split_sentences(std::string_view text, const std::vector<std::size_t>& ends);

}  // namespace chronoweave::impl
