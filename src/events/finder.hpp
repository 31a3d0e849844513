#pragma once
#include <vector>

#include "view.hpp"

namespace chronoweave::impl::events {

// Appends the event triggers of one sentence to `found`, in text order. A trigger is left out where it names something else: a
// capitalized word inside a sentence ("March", a headline), a word of a timex, a word its not_before list rules out
// ("exchange proposals"), a noun used as a modifier ("meeting room", "ceasefire proposal").
void find_triggers(const DocumentView& view, const EventLexicon& lexicon, std::size_t sentence, std::vector<Found>& found);

}  // namespace chronoweave::impl::events
