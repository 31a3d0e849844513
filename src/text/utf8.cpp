#include <chronoweave/error.hpp>
#include <chronoweave/text.hpp>

#include <cstdint>
#include <cstring>

#include "utf8.hpp"

namespace chronoweave {

std::size_t impl::ascii_prefix(std::string_view text) noexcept {
    const char* p = text.data();
    const std::size_t n = text.size();
    constexpr std::uint64_t high = 0x8080808080808080ULL;
    std::size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        std::uint64_t block[8];
        std::memcpy(block, p + i, 64);
        if ((block[0] | block[1] | block[2] | block[3] | block[4] | block[5] | block[6] | block[7]) & high) break;
    }
    for (; i + 8 <= n; i += 8) {
        std::uint64_t block;
        std::memcpy(&block, p + i, 8);
        if (block & high) break;
    }
    while (i < n && static_cast<unsigned char>(p[i]) < 0x80) ++i;
    return i;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        i += impl::ascii_prefix(text.substr(i));
        if (i >= n) break;
        const unsigned char c = s[i];
        std::size_t len;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) { len = 3; lo = 0xA0; }
        else if (c >= 0xE1 && c <= 0xEC) len = 3;
        else if (c == 0xED) { len = 3; hi = 0x9F; }  // no UTF-16 surrogates
        else if (c >= 0xEE && c <= 0xEF) len = 3;
        else if (c == 0xF0) { len = 4; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) { len = 4; hi = 0x8F; }
        else return i;
        if (i + len > n) return i;
        if (s[i + 1] < lo || s[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if ((s[i + k] & 0xC0) != 0x80) return i;
        i += len;
    }
    return std::nullopt;
}

bool is_ascii(std::string_view text) noexcept { return impl::ascii_prefix(text) == text.size(); }

void validate_utf8(std::string_view text) {
    if (auto bad = find_invalid_utf8(text)) throw InvalidUtf8Error(*bad);
}

}  // namespace chronoweave
