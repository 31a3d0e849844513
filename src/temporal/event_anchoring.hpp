#pragma once
// The last step of normalization: a timex the text anchors to an event ("the night before the Kremlin's
// announcement", "ten days after the vote") takes its value from that event's day, once the events are known.
// Internal to the library.
#include <chronoweave/document.hpp>

#include <cstddef>
#include <vector>

#include "../text/token.hpp"
#include "anchoring.hpp"
#include "frame.hpp"

namespace chronoweave::impl {

// A timex whose rule anchors it to what follows (Anchoring::following), as the temporal pass left it: valued
// against the story's reference time until an event named after it says otherwise.
struct EventAnchoredTimex {
    std::size_t timex = 0;          // index into Document::timexes
    std::size_t begin = 0;          // its first token
    std::size_t phrase_begin = 0;   // token after the signal word ("before"): where the anchoring phrase starts
    std::size_t sentence_end = 0;   // token index: the phrase stays inside the sentence
    Frame frame;
    AnchorContext context;
};

// Re-anchors each timex whose phrase names an event with a known day (the event's own timex, or that of the
// nearest earlier mention of its kind that it refers back to), and moves the events it dates along with it.
void anchor_to_events(Document& doc, const std::vector<Token>& tokens, const std::vector<EventAnchoredTimex>& timexes);

}  // namespace chronoweave::impl
