#pragma once
// The cross-document timeline's value types: merged events placed in time, and the relations between them.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <chronoweave/calendar.hpp>
#include <chronoweave/event.hpp>
#include <chronoweave/relation.hpp>
#include <chronoweave/span.hpp>

namespace chronoweave {

// One report of an event: which document, and where in it (UTF-8 byte offsets).
struct Mention {
    std::string doc_id;
    Span trigger;
    friend bool operator==(const Mention&, const Mention&) = default;
};

// An event as the timeline knows it, merged over every document that reports it.
struct TimelineNode {
    std::string kind;
    std::string label;                       // short description, e.g. "Russia-Ukraine talks in Istanbul"
    std::optional<date::sys_days> date_from; // inclusive calendar bounds; unset = open
    std::optional<date::sys_days> date_to;
    std::vector<std::string> participants;   // canonical names
    std::string place;
    EventStatus status = EventStatus::unknown;
    std::vector<std::string> sources;        // doc ids, in first-mention order
    std::vector<Mention> mentions;
    friend bool operator==(const TimelineNode&, const TimelineNode&) = default;
};

// `from` stands in relation `type` to `to` (indexes into Timeline::nodes); `reason` says what the link rests on.
struct TimelineEdge {
    std::size_t from = 0;
    std::size_t to = 0;
    RelationType type = RelationType::vague;
    std::string reason;
    friend bool operator==(const TimelineEdge&, const TimelineEdge&) = default;
};

struct Timeline {
    std::vector<TimelineNode> nodes;  // ordered by their earliest possible date, undated ones last
    std::vector<TimelineEdge> edges;
    friend bool operator==(const Timeline&, const Timeline&) = default;
};

}  // namespace chronoweave
