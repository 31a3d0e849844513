#pragma once
// Fixed-width runs of digits, as TIMEX3 values and ISO dates write them ("0480", "2025-05-06"): written with leading
// zeros, and read back. Internal to the library. Not printf: values are written for every timex of every document.
#include <charconv>
#include <optional>
#include <string>
#include <string_view>

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

// The number the n digits at v[pos] spell; nullopt when v is shorter or one of them is not a digit.
inline std::optional<int> digits_at(std::string_view v, std::size_t pos, std::size_t n) {
    if (pos + n > v.size()) return std::nullopt;
    int x = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (v[i] < '0' || v[i] > '9') return std::nullopt;
        x = x * 10 + (v[i] - '0');
    }
    return x;
}

}  // namespace chronoweave::impl
