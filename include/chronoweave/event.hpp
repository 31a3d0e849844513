#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <chronoweave/calendar.hpp>
#include <chronoweave/span.hpp>

namespace chronoweave {

// Whether the text says an event happened, is planned, proposed, only possible, or denied.
enum class EventStatus : std::uint8_t { occurred, planned, proposed, possible, negated, unknown };

std::string_view to_string(EventStatus) noexcept;  // "occurred", "planned", ...
std::optional<EventStatus> event_status_from_string(std::string_view) noexcept;

// What dates an event: a timex of its clause, the publication date (a past-tense report), or nothing.
enum class TimeSource : std::uint8_t { none, timex, publication };

std::string_view to_string(TimeSource) noexcept;  // "none", "timex", "publication"
std::optional<TimeSource> time_source_from_string(std::string_view) noexcept;

// An actor taking part in an event, normalized ("Kyiv" -> "Ukraine"), with its role where the text gives it.
struct Participant {
    std::string name;   // canonical name
    std::string type;   // "person", "state", "organization", "place", or "unknown" for a name not in the lexicon
    std::string role;   // "speaker", "side", "source", "target", or empty
    std::optional<Span> mention;
    friend bool operator==(const Participant&, const Participant&) = default;
};

// Something that happened (or is said to be going to happen) in a document.
struct Event {
    std::string kind;            // "meeting", "statement", "exchange", ... (the kinds are data, see resources)
    std::string plover;          // PLOVER category: "CONSULT", "ASSAULT", ...
    std::string mode;            // PLOVER mode ("phone", "visit", "release", ...) or empty
    std::string cameo;           // CAMEO event code: "046", "0841", ...
    Span trigger;                // the word or phrase that names the event
    std::vector<Participant> participants;
    std::string place;           // canonical place name, or empty
    std::optional<Span> place_mention;
    std::string quantity;        // what the event counts ("1,000 prisoners of war"), as written, or empty
    std::optional<Span> quantity_mention;
    std::optional<std::size_t> time;  // index into Document::timexes of the timex that dates it
    TimeSource time_source = TimeSource::none;
    std::optional<CalendarInterval> interval;  // the calendar stretch of the time (timex or publication day)
    EventStatus status = EventStatus::unknown;
    std::vector<std::size_t> reports;  // a statement: indexes into Document::events of the events it reports
    friend bool operator==(const Event&, const Event&) = default;
};

}  // namespace chronoweave
