#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "view.hpp"

namespace chronoweave::impl::events {

// A set of words made once per document and then only searched: views of the document's token norms (or of their
// beginnings, which can be read past their end as well), sorted by their lookup keys, which compare as integers.
class SortedWords {
public:
    void add(std::string_view word) { entries_.emplace_back(token_key(word), word); }
    void seal() {
        std::sort(entries_.begin(), entries_.end());
        entries_.erase(std::unique(entries_.begin(), entries_.end()), entries_.end());
    }
    bool contains(std::string_view word) const {
        const std::uint64_t key = token_key(word);
        for (auto it = std::lower_bound(entries_.begin(), entries_.end(), std::pair<std::uint64_t, std::string_view>{key, {}});
             it != entries_.end() && it->first == key; ++it)
            if (word.size() < 8 || it->second == word) return true;  // a short word's key is the word itself
        return false;
    }

private:
    std::vector<std::pair<std::uint64_t, std::string_view>> entries_;
};

// The actor mentions of one sentence, in text order. `people` carries the persons named so far in the document
// (for "Peskov" after "Dmitry Peskov" and for "he"); `names_in_text` are the words written capitalized inside some
// sentence, which tells a name at the start of a sentence from an ordinary word.
struct ActorMemory {
    std::unordered_map<std::string_view, Mention> people;  // by full name and by last name
    std::optional<Mention> last_person;
    std::optional<Mention> last_speaker;  // the person who spoke last, whom "he" or "she" most likely is
    std::size_t last_speaker_sentence = 0;
    std::optional<SortedWords> names_in_text;  // made when first asked: most documents never ask
};

// Fills `mentions` (a buffer the caller reuses from sentence to sentence).
void find_actors(const DocumentView& view, const EventLexicon& lexicon, std::size_t sentence, ActorMemory& memory,
                 std::vector<Mention>& mentions);

}  // namespace chronoweave::impl::events
