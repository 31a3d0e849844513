#pragma once
#include <chronoweave/event.hpp>

#include "arguments.hpp"

namespace chronoweave::impl::events {

// Whether the text says the event happened, from the cue words around its trigger (negation, modality, planning,
// proposal), its verb form and its time. In order of strength: negated ("no talks are scheduled"), possible
// ("a meeting is possible only after"), proposed ("a proposal for a ceasefire"), planned ("will meet", "agreed to
// exchange", a date after publication), occurred (a past verb, a past or ongoing cue, a date before publication).
EventStatus find_status(const DocumentView& view, const EventLexicon& lexicon, std::span<const Found> triggers,
                        std::size_t k, const Clause& clause, const Event& event);

}  // namespace chronoweave::impl::events
