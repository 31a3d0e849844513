#pragma once
// The event stage of the pipeline: fills Document::events from the sentences, tokens and timexes. Internal.
#include <chronoweave/document.hpp>

#include <utility>
#include <vector>

#include "../text/token.hpp"
#include "lexicon.hpp"

namespace chronoweave::impl::events {

// The tokens were numbered by the vocabulary of `phrase_starts`.
void find_events(Document& doc, const std::vector<Token>& tokens,
                 const std::vector<std::pair<std::size_t, std::size_t>>& sentence_tokens,
                 const PhraseStarts& phrase_starts);

// Dates `to` as `from` is dated: by the same timex, or the same publication day.
void share_time(Event& to, const Event& from);

}  // namespace chronoweave::impl::events
