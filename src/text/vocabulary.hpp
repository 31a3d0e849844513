#pragma once
// Words numbered for quick lookup: the tokenizer gives each token the id of its norm in a Vocabulary, and matching
// then compares and indexes by number. Internal to the library.
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace chronoweave::impl {

// A word's key: for a word of fewer than eight bytes, its bytes and its length, so that equal keys mean equal words;
// for a longer one, a hash of its length and all its bytes, with the top byte all ones.
[[gnu::always_inline]] inline std::uint64_t word_key(std::string_view word) noexcept {
    const std::size_t n = word.size();
    const auto* p = reinterpret_cast<const unsigned char*>(word.data());
    if (n >= 8) {
        std::uint64_t h = n * 0x9E3779B97F4A7C15ULL, chunk;
        for (std::size_t i = 0; i + 8 < n; i += 8) {
            std::memcpy(&chunk, p + i, 8);
            h = (h ^ chunk) * 0xC2B2AE3D27D4EB4FULL;
            h ^= h >> 31;
        }
        std::memcpy(&chunk, p + n - 8, 8);  // the last eight bytes, overlapping the chunk before when need be
        h = (h ^ chunk) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 29;
        return h | std::uint64_t{0xFF} << 56;
    }
    std::uint64_t packed = 0;
    if (n >= 4) {  // two overlapping loads: the bytes they share are the same bytes
        std::uint32_t first, last;
        std::memcpy(&first, p, 4);
        std::memcpy(&last, p + n - 4, 4);
        packed = first | std::uint64_t{last} << (8 * (n - 4));
    } else if (n > 0) {
        packed = p[0] | std::uint64_t{p[n / 2]} << (8 * (n / 2)) | std::uint64_t{p[n - 1]} << (8 * (n - 1));
    }
    return packed | std::uint64_t{n} << 56;
}

// word_key of a token's norm, which can be read past its end (see Token::norm): a short word is one load, and no
// branch depends on its length, which is the same in every document and different at every token.
[[gnu::always_inline]] inline std::uint64_t token_key(std::string_view norm) noexcept {
    const std::size_t n = norm.size();
    if (std::endian::native != std::endian::little || n >= 8) return word_key(norm);
    std::uint64_t bytes;
    std::memcpy(&bytes, norm.data(), 8);
    return (bytes & ((std::uint64_t{1} << (8 * n)) - 1)) | std::uint64_t{n} << 56;
}

// Words numbered from 1, such as every word the grammar names (lexicon phrases, rule literals): a document's tokens
// are looked up once each, and matching then compares and indexes by number. 0 is every other word.
class Vocabulary {
public:
    Vocabulary();
    static const Vocabulary& empty();  // for tokens whose norms alone are wanted
    std::uint32_t add(std::string_view word);
    // Inline and branch-light: it runs once per token of every document, and most tokens are not in it. A word's
    // key can sit only in the one bucket its hash names, four keys compared all at once: every token compares every
    // key of its bucket, so buckets are small and many.
    std::uint32_t find(std::string_view word) const noexcept { return find_by_key(word_key(word), word); }
    // find() for a token's norm (see token_key). A fifth of a text's tokens are one byte, mostly punctuation: they
    // are a table lookup.
    std::uint32_t find_token(std::string_view norm) const noexcept {
        if (norm.size() == 1) return one_byte_ids_[static_cast<unsigned char>(norm[0])];
        return find_by_key(token_key(norm), norm);
    }
    std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(words_.size()); }  // ids are below this

private:
    static constexpr std::size_t bucket_size = 4;
    std::uint32_t find_by_key(std::uint64_t key, std::string_view word) const noexcept {
        const Bucket& bucket = buckets_[bucket_of(key)];
        // Masked, not selected: the keys of a bucket differ, so one matches at most, and no branch is taken on
        // whether it does, which a text's words decide at random.
        std::uint32_t id = 0;
        for (std::size_t k = 0; k < bucket_size; ++k) id |= bucket.id[k] & (0u - std::uint32_t{bucket.key[k] == key});
        // Keys of words of eight bytes or more are hashes: a hit must be the word itself.
        if (word.size() >= 8 && id != 0 && words_[id] != word) id = 0;
        return id;
    }
    // A bucket's keys and their ids share a cache line: a lookup reads the one line.
    struct alignas(64) Bucket {
        std::uint64_t key[bucket_size] = {};  // 0: empty (no word has key 0)
        std::uint32_t id[bucket_size] = {};
    };
    std::size_t bucket_of(std::uint64_t key) const noexcept {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
    }
    bool place(std::uint32_t id);  // false when the word's bucket is full
    std::vector<std::string> words_;  // by id; words_[0] is unused
    std::vector<Bucket> buckets_;     // a power of two in size
    int shift_;                       // 64 - log2(buckets_.size())
    std::array<std::uint32_t, 256> one_byte_ids_{};  // the ids of the words of one byte, by that byte
};

}  // namespace chronoweave::impl
