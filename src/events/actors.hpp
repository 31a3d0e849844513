#pragma once
#include <algorithm>
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "view.hpp"

namespace chronoweave::impl::events {

// Words of a document, each with a value, in an open-addressing table by their lookup keys (a short word's key is the
// word itself, a longer one's a hash): a table made for one document and searched far more often than added to, where
// a hash map's hashing and nodes cost more. At most half full, so that probe runs stay short; it doubles as it fills.
// `key_of` is word_key, or token_key for views that can be read past their end (token norms and their beginnings).
template <class Value, std::uint64_t (*key_of)(std::string_view) noexcept>
class WordTable {
public:
    explicit WordTable(std::size_t expected_words = 0) {
        if (expected_words) rehash(table_size_for(expected_words));
    }
    // Adds `word`, or gives the word already there `value`.
    void put(std::string_view word, Value value) {
        if (2 * (used_ + 1) > mask_ + 1) rehash(table_size_for(used_ + 1));
        const std::uint64_t key = key_of(word);
        Slot& slot = slots_[slot_of(key, word)];
        if (slot.key == 0) {  // most words a document adds are there already: those are only read
            slot.key = key;
            slot.word = word;
            ++used_;
        }
        slot.value = value;
    }
    const Value* find(std::string_view word) const {
        if (slots_.empty()) return nullptr;
        const Slot& slot = slots_[slot_of(key_of(word), word)];
        return slot.key != 0 ? &slot.value : nullptr;
    }
    bool contains(std::string_view word) const { return find(word) != nullptr; }

private:
    struct Slot {
        std::uint64_t key = 0;  // 0: empty (no word has key 0)
        std::string_view word;
        [[no_unique_address]] Value value{};
    };
    static std::size_t table_size_for(std::size_t words) {
        std::size_t size = 16;
        while (size < 2 * words) size *= 2;
        return size;
    }
    // The slot holding `word`, else the empty slot where it goes.
    std::size_t slot_of(std::uint64_t key, std::string_view word) const {
        std::size_t s = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
        while (slots_[s].key != 0 && !(slots_[s].key == key && (word.size() < 8 || slots_[s].word == word)))
            s = (s + 1) & mask_;
        return s;
    }
    void rehash(std::size_t size) {
        std::vector<Slot> old(size);
        old.swap(slots_);
        shift_ = 64 - std::countr_zero(size);
        mask_ = size - 1;
        for (const Slot& slot : old)
            if (slot.key != 0) slots_[slot_of(slot.key, slot.word)] = slot;
    }
    std::vector<Slot> slots_;  // a power of two in size; none until a word is put, unless sized ahead
    std::size_t mask_ = std::size_t(-1), used_ = 0;  // mask_: the size less one, its bits; all ones while empty
    int shift_ = 0;
};

// A set of the words of a document, views of its token norms (or of their beginnings).
struct Present {};
using DocumentWords = WordTable<Present, token_key>;

// The persons a document has named so far: the full name of each full name and last name ("Peskov" after "Dmitry
// Peskov"), as views of the text. A document names a few persons, but a name is looked up for every capitalized word
// that starts no actor name.
using PersonNames = WordTable<std::string_view, word_key>;

// The actor mentions of one sentence, in text order. `people` carries the persons named so far in the document
// (for "Peskov" after "Dmitry Peskov" and for "he"); `names_in_text` are the words written capitalized inside some
// sentence, which tells a name at the start of a sentence from an ordinary word.
struct ActorMemory {
    PersonNames people;
    std::optional<Mention> last_person;
    std::optional<Mention> last_speaker;  // the person who spoke last, whom "he" or "she" most likely is
    std::size_t last_speaker_sentence = 0;
    std::size_t next_name_start = 0;  // into DocumentView::name_starts: the first not before the sentence reached
    std::optional<DocumentWords> names_in_text;  // made when first asked: most documents never ask
};

// Fills `mentions` (a buffer the caller reuses from sentence to sentence).
void find_actors(const DocumentView& view, const EventLexicon& lexicon, std::size_t sentence, ActorMemory& memory,
                 std::vector<Mention>& mentions);

}  // namespace chronoweave::impl::events
