#pragma once
#include <algorithm>
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "view.hpp"

namespace chronoweave::impl::events {

// A set of words made once per document and then only searched: views of the document's token norms (or of their
// beginnings, which can be read past their end as well) in an open-addressing table by their lookup keys. Made in
// one pass, where sorting them took n log n.
class DocumentWords {
public:
    explicit DocumentWords(std::size_t most_words) {
        std::size_t size = 16;
        while (size < 2 * most_words) size *= 2;  // at most half full: probe runs stay short
        slots_.resize(size);
        shift_ = 64 - std::countr_zero(size);
    }
    void add(std::string_view word) {
        const std::uint64_t key = token_key(word);
        std::size_t s = slot_of(key);
        for (; slots_[s].key != 0; s = next(s))
            if (holds(slots_[s], key, word)) return;
        slots_[s] = {key, word};
    }
    bool contains(std::string_view word) const {
        const std::uint64_t key = token_key(word);
        for (std::size_t s = slot_of(key); slots_[s].key != 0; s = next(s))
            if (holds(slots_[s], key, word)) return true;
        return false;
    }

private:
    struct Slot {
        std::uint64_t key = 0;  // 0: empty (no word has key 0)
        std::string_view word;
    };
    // A short word's key is the word itself; a longer one's is a hash.
    static bool holds(const Slot& slot, std::uint64_t key, std::string_view word) {
        return slot.key == key && (word.size() < 8 || slot.word == word);
    }
    std::size_t slot_of(std::uint64_t key) const { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_); }
    std::size_t next(std::size_t s) const { return (s + 1) & (slots_.size() - 1); }
    std::vector<Slot> slots_;
    int shift_ = 0;
};

// The persons a document has named so far: the full name of each full name and last name ("Peskov" after "Dmitry
// Peskov"). An open-addressing table by word_key, as DocumentWords is: a document names a few persons, but a name
// is looked up for every capitalized word that starts no actor name, and a hash map's hashing and nodes cost more.
class PersonNames {
public:
    void remember(std::string_view name, std::string_view full_name) {
        if (2 * (used_ + 1) > slots_.size()) grow();
        const std::uint64_t key = word_key(name);
        Slot& slot = slots_[slot_of(key, name)];
        used_ += slot.key == 0;
        slot = {key, name, full_name};
    }
    std::optional<std::string_view> full_name(std::string_view name) const {
        if (slots_.empty()) return std::nullopt;
        const Slot& slot = slots_[slot_of(word_key(name), name)];
        return slot.key != 0 ? std::optional(slot.full_name) : std::nullopt;
    }

private:
    struct Slot {
        std::uint64_t key = 0;  // 0: empty (the key of the empty word, which no name is)
        std::string_view name, full_name;
    };
    // The slot holding `name`, else the empty slot where it goes. A short word's key is the word itself; a longer
    // one's is a hash.
    std::size_t slot_of(std::uint64_t key, std::string_view name) const {
        const std::size_t mask = slots_.size() - 1;
        std::size_t s = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
        while (slots_[s].key != 0 && !(slots_[s].key == key && (name.size() < 8 || slots_[s].name == name)))
            s = (s + 1) & mask;
        return s;
    }
    void grow() {
        std::vector<Slot> old(std::max<std::size_t>(16, 2 * slots_.size()));
        old.swap(slots_);
        for (const Slot& slot : old)
            if (slot.key != 0) slots_[slot_of(slot.key, slot.name)] = slot;
    }
    std::vector<Slot> slots_;  // a power of two in size, at most half full; none until a person is named
    std::size_t used_ = 0;
};

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
