#pragma once
#include <cstddef>

namespace chronoweave {

// A half-open range [begin, end) of UTF-8 byte offsets into a document's text.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;

    constexpr std::size_t size() const noexcept { return end - begin; }
    constexpr bool empty() const noexcept { return begin == end; }
    constexpr bool ok() const noexcept { return begin <= end; }
    constexpr bool contains(const Span& other) const noexcept { return begin <= other.begin && other.end <= end; }
    constexpr bool overlaps(const Span& other) const noexcept { return begin < other.end && other.begin < end; }
    friend constexpr bool operator==(const Span&, const Span&) = default;
    friend constexpr auto operator<=>(const Span&, const Span&) = default;
};

}  // namespace chronoweave
