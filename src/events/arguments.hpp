#pragma once
// The arguments of an event: participants with roles, place, quantity and time. Internal to the library.
#include <chronoweave/event.hpp>

#include <span>
#include <vector>

#include "view.hpp"

namespace chronoweave::impl::events {

// The tokens an event's arguments and cues are looked for in: its clause, from the previous trigger or clause break
// to the next one, and no more than clause_reach tokens either side of the trigger.
inline constexpr std::size_t clause_reach = 40;
struct Clause {
    std::size_t first = 0, last = 0;
};
Clause clause_of(const DocumentView& view, const EventLexicon& lexicon, std::span<const Found> triggers,
                 std::size_t k);

// Buffers find_participants() reuses from trigger to trigger.
struct ParticipantBuffers {
    std::vector<const Mention*> actors;  // the mentions that may be the trigger's actors
    std::vector<const Mention*> group;   // a group of them before or after the trigger
};

// `mentions` are the actor mentions near the trigger, in text order.
std::vector<Participant> find_participants(const DocumentView& view, const Found& trigger, const Clause& clause,
                                           std::span<const Mention> mentions, ParticipantBuffers& buffers);
void find_place(const DocumentView& view, const Found& trigger, const Clause& clause, std::span<const Mention> mentions,
                Event& event);
void find_quantity(const DocumentView& view, const EventLexicon& lexicon, const Found& trigger, const Clause& clause,
                   Event& event);

// Whether the act of triggers[k] is governed by an agreement or proposal next to it ("agreed to exchange", "an
// agreement on the exchange", "the exchange agreed upon"): it is agreed or proposed, not done, and not dated by
// the timex of the agreement.
// Returns the status the governing trigger gives it.
std::optional<EventStatus> governed_by_commitment(const DocumentView& view, std::span<const Found> triggers,
                                                  std::size_t k);

// Dates the events of one sentence (`events` holds them, parallel to `triggers`): each date or time timex of the
// sentence dates the trigger nearest to it and any other within a few words that has none nearer; a timex after
// "since", "until", ... does not date an event. Timexes joined as a range ("between June 20 and June 30") give the
// range's interval. `distance` is a buffer the caller reuses from sentence to sentence.
void attach_times(const DocumentView& view, const EventLexicon& lexicon, std::span<const Found> triggers,
                  std::span<Event> events, std::vector<std::size_t>& distance);

}  // namespace chronoweave::impl::events
