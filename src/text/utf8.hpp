#pragma once
// Internal to the library: the scan the UTF-8 functions of text.hpp are made of, for other passes over a text.
#include <cstddef>
#include <string_view>

namespace chronoweave::impl {

// The number of ASCII bytes `text` starts with, read 64 bytes at a time while it lasts: news text is mostly ASCII.
std::size_t ascii_prefix(std::string_view text) noexcept;

}  // namespace chronoweave::impl
