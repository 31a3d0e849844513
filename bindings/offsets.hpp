#pragma once
// UTF-8 byte offsets to Python str (code point) indices, converted once per document with one sweep.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include <chronoweave/text.hpp>

namespace chronoweave::python {

class CodepointIndex {
public:
    // `offsets_of()` returns every byte offset the caller will ask about, as a vector. It is not called for a text
    // of ASCII only, the usual case for news, whose indexes are its offsets.
    template <class Offsets>
    CodepointIndex(std::string_view text, Offsets&& offsets_of) : ascii_(is_ascii(text)) {
        if (ascii_) return;
        offsets_ = offsets_of();
        std::sort(offsets_.begin(), offsets_.end());
        offsets_.erase(std::unique(offsets_.begin(), offsets_.end()), offsets_.end());
        indexes_.reserve(offsets_.size());
        std::size_t byte = 0, codepoints = 0;
        for (std::size_t target : offsets_) {
            target = std::min(target, text.size());
            if (target > byte) {
                codepoints += codepoints_in(text.substr(byte, target - byte));
                byte = target;
            }
            indexes_.push_back(codepoints);
        }
    }
    std::size_t operator()(std::size_t byte_offset) const {
        if (ascii_) return byte_offset;
        const auto it = std::lower_bound(offsets_.begin(), offsets_.end(), byte_offset);
        return indexes_[static_cast<std::size_t>(it - offsets_.begin())];
    }

private:
    // The code points that start in `bytes`: those that are not continuation bytes (10xxxxxx), counted eight at a
    // time, since the sweep reads every byte of a document that is not all ASCII.
    static std::size_t codepoints_in(std::string_view bytes) {
        constexpr std::uint64_t high_bits = 0x8080808080808080ULL, low_bytes = 0x0101010101010101ULL;
        std::size_t count = bytes.size(), i = 0;
        for (; i + 8 <= bytes.size(); i += 8) {
            std::uint64_t word;
            std::memcpy(&word, bytes.data() + i, sizeof word);
            const std::uint64_t continuation = word & ~(word << 1) & high_bits;  // bit 7 set, bit 6 clear
            count -= static_cast<std::size_t>(((continuation >> 7) * low_bytes) >> 56);
        }
        for (; i < bytes.size(); ++i) count -= (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0x80;
        return count;
    }

    std::vector<std::size_t> offsets_;
    std::vector<std::size_t> indexes_;
    bool ascii_ = true;
};

}  // namespace chronoweave::python
