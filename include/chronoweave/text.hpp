#pragma once
// Text utilities on UTF-8 with byte offsets.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include <chronoweave/span.hpp>

namespace chronoweave {

// The byte offset of the first invalid UTF-8 sequence (overlong forms and surrogates included), or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept;
// Whether every byte is ASCII (below 0x80), in which case byte offsets are also code point indexes.
bool is_ascii(std::string_view text) noexcept;
// Throws InvalidUtf8Error when find_invalid_utf8 finds something.
void validate_utf8(std::string_view text);

// Sentence spans (ICU sentence rules with English abbreviation suppressions), white space at either end excluded
// (Unicode white space: NO-BREAK SPACE and LINE SEPARATOR too).
std::vector<Span> split_sentences(std::string_view text);

}  // namespace chronoweave
