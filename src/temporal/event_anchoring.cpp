#include "event_anchoring.hpp"

#include <algorithm>
#include <optional>

#include "../events/events.hpp"

namespace chronoweave::impl {
namespace {

// "the Kremlin's announcement", "their first face-to-face meeting": an anchoring phrase is a short noun phrase.
constexpr std::size_t phrase_reach = 5;

bool inside_phrase(const Token& t) {
    return t.kind != TokenKind::punct || t.norm == "'" || t.norm == "-";
}

// The event the phrase after the signal names: the first trigger in it, unless a timex comes first ("the day
// before May 16" is anchored by the grammar).
std::optional<std::size_t> named_event(const Document& doc, const std::vector<Token>& tokens,
                                       const EventAnchoredTimex& anchored) {
    std::size_t end = anchored.phrase_begin;
    while (end < anchored.sentence_end && end < anchored.phrase_begin + phrase_reach && inside_phrase(tokens[end])) ++end;
    if (end == anchored.phrase_begin) return std::nullopt;
    const std::size_t begin_byte = tokens[anchored.phrase_begin].span.begin, end_byte = tokens[end - 1].span.end;
    const auto event = std::lower_bound(doc.events.begin(), doc.events.end(), begin_byte,
                                        [](const Event& e, std::size_t at) { return e.trigger.begin < at; });
    if (event == doc.events.end() || event->trigger.begin >= end_byte) return std::nullopt;
    const auto timex = std::lower_bound(doc.timexes.begin(), doc.timexes.end(), begin_byte,
                                        [](const Timex& t, std::size_t at) { return t.span.begin < at; });
    if (timex != doc.timexes.end() && timex->span.begin < event->trigger.begin) return std::nullopt;
    return static_cast<std::size_t>(event - doc.events.begin());
}

bool share_a_participant(const Event& a, const Event& b) {
    for (const Participant& p : a.participants)
        for (const Participant& q : b.participants)
            if (p.name == q.name) return true;
    return false;
}

// The mention that gives the named event its day: the event itself when a timex of its own dates it to one day,
// else the nearest earlier mention of its kind so dated ("the Kremlin's announcement" is the one "the Kremlin
// announced on Thursday"), which must share an actor with it when it names any. Never one dated by `timex` itself.
std::optional<std::size_t> dated_mention(const Document& doc, std::size_t named, std::size_t timex) {
    auto dated = [&](const Event& e) {
        return e.time_source == TimeSource::timex && e.time != timex && one_day(e.interval);
    };
    const Event& event = doc.events[named];
    if (dated(event)) return named;
    // Dated by the timex being anchored ("the night before the announcement" is not the announcement's night).
    if (event.time_source != TimeSource::none && event.time != timex) return std::nullopt;
    for (std::size_t k = named; k-- > 0;) {
        const Event& earlier = doc.events[k];
        if (earlier.kind != event.kind || !dated(earlier)) continue;
        if (event.participants.empty() || share_a_participant(event, earlier)) return k;
    }
    return std::nullopt;
}

}  // namespace

void anchor_to_events(Document& doc, const std::vector<Token>& tokens, const std::vector<EventAnchoredTimex>& timexes) {
    for (const EventAnchoredTimex& anchored : timexes) {
        const auto named = named_event(doc, tokens, anchored);
        if (!named) continue;
        const auto source = dated_mention(doc, *named, anchored.timex);
        if (!source) continue;
        const auto resolution = resolve_against_day(
            anchored.frame, anchored.context, date::year_month_day{doc.events[*source].interval->first_day()});
        if (!resolution) continue;
        Timex& timex = doc.timexes[anchored.timex];
        take_value(timex, *resolution);
        timex.anchor = AnchorKind::event;
        timex.anchor_timex.reset();
        timex.anchor_event = *named;
        if (*source != *named) {
            Event& event = doc.events[*named];
            const Event& dating = doc.events[*source];
            events::share_time(event, dating);
            if (event.status == EventStatus::unknown) event.status = dating.status;
        }
        for (std::size_t k = 0; k < doc.events.size(); ++k)
            if (k != *named && doc.events[k].time == anchored.timex) doc.events[k].interval = timex.interval;
    }
}

}  // namespace chronoweave::impl
