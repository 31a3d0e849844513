#pragma once
// UTF-8 byte offsets to Python str (code point) indices, converted once per document with one sweep.
#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include <chronoweave/text.hpp>

namespace chronoweave::python {

class CodepointIndex {
public:
    // `offsets` are every byte offset the caller will ask about.
    CodepointIndex(std::string_view text, std::vector<std::size_t> offsets) : offsets_(std::move(offsets)) {
        ascii_ = is_ascii(text);  // the usual case for news: indexes are the offsets
        if (ascii_) return;
        std::sort(offsets_.begin(), offsets_.end());
        offsets_.erase(std::unique(offsets_.begin(), offsets_.end()), offsets_.end());
        indexes_.reserve(offsets_.size());
        std::size_t byte = 0, codepoints = 0;
        for (std::size_t target : offsets_) {
            for (; byte < target && byte < text.size(); ++byte)
                if ((static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80) ++codepoints;
            indexes_.push_back(codepoints);
        }
    }
    std::size_t operator()(std::size_t byte_offset) const {
        if (ascii_) return byte_offset;
        const auto it = std::lower_bound(offsets_.begin(), offsets_.end(), byte_offset);
        return indexes_[static_cast<std::size_t>(it - offsets_.begin())];
    }

private:
    std::vector<std::size_t> offsets_;
    std::vector<std::size_t> indexes_;
    bool ascii_ = true;
};

}  // namespace chronoweave::python
