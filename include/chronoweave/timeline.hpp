#pragma once
// The cross-document timeline: the events of many documents merged into nodes, placed in time by their dates and
// their relations, in one order.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <chronoweave/calendar.hpp>
#include <chronoweave/document.hpp>
#include <chronoweave/event.hpp>
#include <chronoweave/relation.hpp>
#include <chronoweave/span.hpp>

namespace chronoweave {

// One report of an event: which document, which of its events, and where its trigger is (UTF-8 byte offsets).
struct Mention {
    std::string doc_id;
    std::size_t event = 0;  // index into that document's events
    Span trigger;
    std::string text;       // the trigger's text
    std::string sentence;   // the sentence around it, cut to at most 300 bytes
    friend bool operator==(const Mention&, const Mention&) = default;
};

// Where a node's calendar bounds come from.
enum class DateBasis : std::uint8_t {
    stated,    // a timex of one of its mentions dates it (possibly narrowed by relations)
    inferred,  // no timex dates it; relations and publication dates bound it
    none       // nothing bounds it
};
std::string_view to_string(DateBasis) noexcept;  // "stated", "inferred", "none"

// An event as the timeline knows it, merged over every document that reports it.
struct TimelineNode {
    std::string kind;
    std::string label;                        // short description, e.g. "Russia-Ukraine talks in Istanbul"
    std::optional<date::sys_days> date_from;  // inclusive calendar bounds; unset = open
    std::optional<date::sys_days> date_to;
    DateBasis basis = DateBasis::none;
    std::vector<std::string> participants;    // canonical names, sorted
    std::string place;
    EventStatus status = EventStatus::unknown;
    std::vector<std::string> sources;         // doc ids, in first-mention order
    std::vector<Mention> mentions;
    std::vector<std::string> merge_reasons;   // one per mention after the first: why it joined this node
    friend bool operator==(const TimelineNode&, const TimelineNode&) = default;
};

// What a relation between two nodes rests on.
enum class EdgeBasis : std::uint8_t {
    stated,   // a document says so: a signal ("after the talks"), the event a timex names, a report of it
    calendar  // the two nodes' stated days, between neighbours in the order that nothing else links
};
std::string_view to_string(EdgeBasis) noexcept;  // "stated", "calendar"

// `from` stands in relation `type` to `to` (indexes into Timeline::nodes); `reason` says what the link rests on.
struct TimelineEdge {
    std::size_t from = 0;
    std::size_t to = 0;
    RelationType type = RelationType::vague;
    std::string reason;
    EdgeBasis basis = EdgeBasis::stated;
    friend bool operator==(const TimelineEdge&, const TimelineEdge&) = default;
};

// Constraints that cannot all hold: a node whose earliest possible start falls after its latest possible end.
struct Contradiction {
    std::size_t node = 0;              // index into Timeline::nodes
    std::string explanation;           // the two bounds that clash and where each came from
    friend bool operator==(const Contradiction&, const Contradiction&) = default;
};

struct Timeline {
    std::vector<TimelineNode> nodes;  // in time order: by their bounds and their BEFORE/AFTER relations
    std::vector<TimelineEdge> edges;
    std::vector<Contradiction> contradictions;
    friend bool operator==(const Timeline&, const Timeline&) = default;
};

struct TimelineOptions {
    // Events whose dates lie further apart than this are never merged, even when one of them is a vague period.
    int max_merge_span_days = 31;
};

// The id a timeline knows a document by: its own, or, when it has none, its 1-based position among the documents
// ("#3").
std::string timeline_document_id(const Document& document, std::size_t index);

// Merges the events of `documents` into one timeline. A document is known by its timeline_document_id(); two
// documents with the same id throw DuplicateDocumentIdError. Deterministic: the same documents in the
// same order give the same timeline. Runs in time about linear in the number of events: mentions are compared
// only with nodes of the same kind in the same weeks, or of the same place.
Timeline build_timeline(const std::vector<Document>& documents, const TimelineOptions& options = {});

// The nodes `keep` accepts, in the same order, with the edges and contradictions among them ("what happened":
// the nodes whose status is occurred). Node indexes are renumbered.
Timeline select(const Timeline& timeline, const std::function<bool(const TimelineNode&)>& keep);

// The timeline as a Graphviz DOT digraph: nodes in time order, edges labelled with their relation.
std::string to_dot(const Timeline& timeline);

// A self-contained HTML page (inline CSS, no scripts fetched, no network) that lays the nodes out on a time axis,
// with their status, participants, place and sources.
std::string to_html(const Timeline& timeline, const std::string& title = "chronoweave timeline");

}  // namespace chronoweave
