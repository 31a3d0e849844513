#include "vocabulary.hpp"

#include <algorithm>

#include <chronoweave/error.hpp>

namespace chronoweave::impl {

Vocabulary::Vocabulary() : words_(1), buckets_(2), shift_(63) {}

const Vocabulary& Vocabulary::empty() {
    static const Vocabulary none;
    return none;
}

std::uint32_t Vocabulary::add(std::string_view word) {
    // An empty word's key is 0, which marks an empty slot; no token is empty, so no rule can name one.
    if (word.empty()) throw ResourceError("the grammar names an empty word");
    if (const std::uint32_t id = find(word)) return id;
    const std::uint64_t key = word_key(word);
    const std::uint64_t* keys = buckets_[bucket_of(key)].key;
    if (std::find(keys, keys + bucket_size, key) != keys + bucket_size)
        throw ResourceError("two words of the grammar share a lookup key; one of them is '" + std::string(word) + "'");
    const auto id = static_cast<std::uint32_t>(words_.size());
    words_.emplace_back(word);
    if (word.size() == 1) one_byte_ids_[static_cast<unsigned char>(word[0])] = id;
    // Half the slots filled at most: a full bucket is rare, and the table stays small enough to stay in cache.
    bool placed = 2 * words_.size() <= bucket_size * buckets_.size() && place(id);
    while (!placed) {
        buckets_.assign(2 * buckets_.size(), Bucket{});
        --shift_;
        placed = true;
        for (std::uint32_t old = 1; old <= id && placed; ++old) placed = place(old);
    }
    return id;
}

bool Vocabulary::place(std::uint32_t id) {
    const std::uint64_t key = word_key(words_[id]);
    Bucket& bucket = buckets_[bucket_of(key)];
    const std::size_t free = static_cast<std::size_t>(std::find(bucket.key, bucket.key + bucket_size, 0) - bucket.key);
    if (free == bucket_size) return false;
    bucket.key[free] = key;
    bucket.id[free] = id;
    return true;
}

}  // namespace chronoweave::impl
