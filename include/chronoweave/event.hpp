#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <chronoweave/span.hpp>

namespace chronoweave {

// Whether the text says an event happened, is planned, proposed, only possible, or denied.
enum class EventStatus : std::uint8_t { occurred, planned, proposed, possible, negated, unknown };

std::string_view to_string(EventStatus) noexcept;  // "occurred", "planned", ...
std::optional<EventStatus> event_status_from_string(std::string_view) noexcept;

// An actor taking part in an event, normalized ("Kyiv" -> "Ukraine"), with its role where the text gives it.
struct Participant {
    std::string name;   // canonical name
    std::string role;   // "speaker", "side", "target", ... or empty
    std::optional<Span> mention;
    friend bool operator==(const Participant&, const Participant&) = default;
};

// Something that happened (or is said to be going to happen) in a document.
struct Event {
    std::string kind;            // "meeting", "statement", "exchange", ... (the kinds are data, see resources)
    Span trigger;                // the word or phrase that names the event
    std::vector<Participant> participants;
    std::string place;           // canonical place name, or empty
    std::optional<std::size_t> time;  // index into Document::timexes of the timex that dates it
    EventStatus status = EventStatus::unknown;
    friend bool operator==(const Event&, const Event&) = default;
};

}  // namespace chronoweave
