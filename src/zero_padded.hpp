#pragma once
// Numbers written with leading zeros to a width, as TIMEX3 values and ISO dates write them ("0480", "2025-05-06").
// Internal to the library. Not printf: values are written for every timex of every document.
#include <charconv>
#include <string>

namespace chronoweave::impl {

// Appends v with at least `width` characters, the sign counted, as printf's "%0*lld" writes it.
inline void append_zero_padded(std::string& out, long long v, int width) {
    char digits[24];
    const unsigned long long magnitude = v < 0 ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    const char* end = std::to_chars(digits, digits + sizeof digits, magnitude).ptr;
    const int length = static_cast<int>(end - digits) + (v < 0 ? 1 : 0);
    if (v < 0) out += '-';
    if (length < width) out.append(static_cast<std::size_t>(width - length), '0');
    out.append(digits, static_cast<std::size_t>(end - digits));
}

inline std::string zero_padded(long long v, int width) {
    std::string out;
    append_zero_padded(out, v, width);
    return out;
}

}  // namespace chronoweave::impl
