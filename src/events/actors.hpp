#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "view.hpp"

namespace chronoweave::impl::events {

// A set of words made once per document and then only searched: views of the document's token norms, sorted.
struct SortedWords {
    std::vector<std::string_view> words;
    bool contains(std::string_view word) const { return std::binary_search(words.begin(), words.end(), word); }
};

// The actor mentions of one sentence, in text order. `people` carries the persons named so far in the document
// (for "Peskov" after "Dmitry Peskov" and for "he"); `names_in_text` are the words written capitalized inside some
// sentence, which tells a name at the start of a sentence from an ordinary word.
struct ActorMemory {
    std::unordered_map<std::string, Mention> people;  // by full name and by last name
    std::optional<Mention> last_person;
    std::optional<Mention> last_speaker;  // the person who spoke last, whom "he" or "she" most likely is
    std::size_t last_speaker_sentence = 0;
    std::optional<SortedWords> names_in_text;  // made when first asked: most documents never ask
};

std::vector<Mention> find_actors(const DocumentView& view, const EventLexicon& lexicon, std::size_t sentence,
                                 ActorMemory& memory);

}  // namespace chronoweave::impl::events
