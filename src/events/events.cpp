#include "events.hpp"

#include <algorithm>
#include <optional>
#include <span>

#include "actors.hpp"
#include "arguments.hpp"
#include "finder.hpp"
#include "status.hpp"

namespace chronoweave::impl::events {
namespace {

// A statement reports the events after it in its sentence, up to the next statement ("Peskov said that X"), or,
// when it closes the sentence ("X, Peskov said"), those before it back to the previous statement; never further
// than a clause's reach.
void link_reports(std::span<Event> events, std::span<const Found> triggers) {
    auto is_statement = [&](std::size_t k) { return triggers[k].kind->reports_content; };
    for (std::size_t k = 0; k < events.size(); ++k) {
        if (!is_statement(k)) continue;
        std::vector<std::size_t> reported;
        auto same_clause_run = [&](std::size_t j) {
            return triggers[j].sentence == triggers[k].sentence && !is_statement(j) &&
                   (j > k ? triggers[j].first - triggers[k].last : triggers[k].first - triggers[j].last) <= clause_reach;
        };
        for (std::size_t j = k + 1; j < events.size() && same_clause_run(j); ++j) reported.push_back(j);
        if (reported.empty()) {
            for (std::size_t j = k; j-- > 0 && same_clause_run(j);) reported.push_back(j);
            std::reverse(reported.begin(), reported.end());
        }
        events[k].reports = std::move(reported);
    }
}

// An occasion cue ("during", "at") within `reach` tokens before `at`, inside the sentence starting at `first`.
bool occasion_before(const DocumentView& view, const EventLexicon& lexicon, std::size_t first, std::size_t at,
                     std::size_t reach) {
    for (std::size_t i = std::max(first, at > reach ? at - reach : 0); i < at; ++i)
        if (view.cue_at(lexicon, Cue::occasion, i, at)) return true;
    return false;
}

// "During the talks, ...", "At a meeting in Istanbul, ...": the sentence opens with the occasion of its acts.
bool opens_with_occasion(const DocumentView& view, const EventLexicon& lexicon, std::span<const Found> triggers,
                         std::span<const Event> events) {
    const Found& opening = triggers.front();
    const std::size_t first = view.sentence_tokens[opening.sentence].first;
    return opening.first - first <= 6 && events.front().plover == "CONSULT" &&
           occasion_before(view, lexicon, first, opening.first, 4);
}

// "the latest negotiations" is the meeting last dated before; "During the talks, Russia presented ..." puts the
// sentence's undated events at the talks.
void date_by_occasion(const DocumentView& view, const EventLexicon& lexicon, std::span<const Found> triggers,
                      std::span<Event> events, std::optional<Event>& last_dated_meeting) {
    const auto& tokens = view.tokens;
    for (std::size_t k = 0; k < triggers.size(); ++k) {
        const Found& f = triggers[k];
        Event& e = events[k];
        if (e.plover != "CONSULT") continue;
        if (e.time_source == TimeSource::none && last_dated_meeting) {
            for (std::size_t i = f.first; i-- > view.sentence_tokens[f.sentence].first && f.first - i <= 3;)
                if (view.cue_at(lexicon, Cue::same_occasion, i, f.first)) {
                    share_time(e, *last_dated_meeting);
                    break;
                }
        }
        if (e.time_source == TimeSource::timex) last_dated_meeting = e;
    }
    // Only acts done there (verbs in the past) took place at the occasion; nouns are what the acts are about, and
    // "had demanded" was earlier.
    auto act_there = [&](std::size_t k) {
        const Found& f = triggers[k];
        const bool past = f.trigger->form == TriggerForm::past || f.trigger->form == TriggerForm::participle;
        return past && events[k].time_source == TimeSource::none && f.first > 0 && tokens[f.first - 1].norm != "had";
    };
    for (std::size_t k = 1; k < triggers.size(); ++k) {
        const Found& f = triggers[k];
        // "at a meeting ..., during which they agreed": the act is at the meeting.
        if (!act_there(k) || f.first < 2 || tokens[f.first - 2].norm != "which" ||
            !occasion_before(view, lexicon, view.sentence_tokens[f.sentence].first, f.first - 1, 2))
            continue;
        for (std::size_t j = k; j-- > 0;)
            if (events[j].plover == "CONSULT" && events[j].time_source == TimeSource::timex) {
                share_time(events[k], events[j]);
                break;
            }
    }
    // "During the talks, ...", "Yesterday, at a meeting in Istanbul, ...": the sentence's acts were there.
    if (!opens_with_occasion(view, lexicon, triggers, events) || events.front().time_source != TimeSource::timex) return;
    for (std::size_t k = 1; k < events.size(); ++k)
        if (act_there(k) && events[k].kind != events.front().kind) share_time(events[k], events.front());
}

// "Overnight, the ministry said it had downed 40 drones", "On the night before the vote, police reported that ...":
// a time of day that opens the sentence and dates its report is when what the report tells of happened.
void date_reported_by_opening_time(const DocumentView& view, std::span<const Found> triggers, std::span<Event> events) {
    for (std::size_t k = 0; k < events.size(); ++k) {
        const Event& report = events[k];
        if (!triggers[k].kind->reports_content || !triggers[k].verb() || report.time_source != TimeSource::timex)
            continue;
        const auto [first, end] = view.sentence_tokens[triggers[k].sentence];
        const Timex& time = view.doc.timexes[*report.time];
        if (time.type != TimexType::time || time.span.begin > view.tokens[std::min(first + 1, end - 1)].span.begin) continue;
        for (std::size_t j : report.reports)
            if (j > k && events[j].time_source == TimeSource::none && events[j].status == EventStatus::occurred)
                share_time(events[j], report);
    }
}

// A report in the past tense or in a participle clause ("..., stating that"), dated by the publication.
bool is_reporting_verb(const Found& f) {
    return f.kind->reports_content && (f.trigger->form == TriggerForm::gerund || f.trigger->form == TriggerForm::past ||
                                       f.trigger->form == TriggerForm::participle);
}

}  // namespace

void share_time(Event& to, const Event& from) {
    to.time = from.time;
    to.time_source = from.time_source;
    to.interval = from.interval;
}

void find_events(Document& doc, const std::vector<Token>& tokens,
                 const std::vector<std::pair<std::size_t, std::size_t>>& sentence_tokens,
                 const PhraseStarts& phrase_starts) {
    const EventLexicon& lexicon = phrase_starts.lexicon();
    const DocumentView view(doc, tokens, sentence_tokens, phrase_starts);
    ActorMemory memory;
    // The document's triggers, and its events made of them, parallel, in text order; triggers of sentence s start at
    // first_trigger[s]. The triggers depend on no sentence before theirs, so all are found first, and the events
    // made in place: the vector of events never grows.
    std::vector<Found> all_triggers;
    std::vector<std::size_t> first_trigger(sentence_tokens.size() + 1);
    for (std::size_t s = 0; s < sentence_tokens.size(); ++s) {
        first_trigger[s] = all_triggers.size();
        find_triggers(view, lexicon, s, all_triggers);
    }
    first_trigger.back() = all_triggers.size();
    std::vector<Event> events(all_triggers.size());
    // Buffers of one sentence, reused.
    std::vector<Mention> mentions;
    std::vector<Clause> clauses;
    ParticipantBuffers participant_buffers;
    std::vector<std::size_t> time_distances;
    std::optional<Event> last_dated_meeting;
    for (std::size_t s = 0; s < sentence_tokens.size(); ++s) {
        find_actors(view, lexicon, s, memory, mentions);
        const auto begin = static_cast<std::ptrdiff_t>(first_trigger[s]);
        const auto end = static_cast<std::ptrdiff_t>(first_trigger[s + 1]);
        if (begin == end) continue;
        const std::span<const Found> triggers(all_triggers.begin() + begin, all_triggers.begin() + end);
        const std::span<Event> found(events.begin() + begin, events.begin() + end);
        // Whether the sentence has a third-party cue: looked for only when a meeting of no mode of its own asks.
        std::optional<bool> third_party;
        auto has_third_party = [&] {
            if (!third_party) {
                third_party = false;
                for (std::size_t i = sentence_tokens[s].first; i < sentence_tokens[s].second && !*third_party; ++i)
                    third_party = view.cue_at(lexicon, Cue::third_party, i, sentence_tokens[s].second) > 0;
            }
            return *third_party;
        };
        clauses.clear();
        for (std::size_t k = 0; k < triggers.size(); ++k) {
            const Found& f = triggers[k];
            Event& e = found[k];
            e.kind = f.kind->name;
            e.plover = f.kind->plover;
            e.mode = f.trigger->mode.empty() ? f.kind->mode : f.trigger->mode;
            if (e.plover == "CONSULT" && e.mode.empty() && has_third_party()) e.mode = "third-party";
            e.cameo = f.trigger->cameo.empty() ? f.kind->cameo : f.trigger->cameo;
            e.trigger = view.span(f.first, f.last);
            clauses.push_back(clause_of(view, lexicon, triggers, k));
            // The mentions within reach of the trigger, found by position: a sentence can be very long.
            constexpr std::size_t reach = clause_reach;
            const auto near_begin = std::partition_point(mentions.begin(), mentions.end(), [&](const Mention& m) {
                return m.last + reach < f.first;
            });
            const auto near_end = std::partition_point(near_begin, mentions.end(), [&](const Mention& m) {
                return m.first <= f.last + reach;
            });
            const std::span<const Mention> near(near_begin, near_end);
            e.participants = find_participants(view, f, clauses.back(), near, participant_buffers);
            if (f.kind->reports_content) {
                // "Peskov described ..., but added": a second report of the sentence without a speaker is by the
                // speaker of the first.
                if (e.participants.empty())
                    for (std::size_t j = k; j-- > 0;)
                        if (triggers[j].kind->reports_content && !found[j].participants.empty()) {
                            e.participants = found[j].participants;
                            break;
                        }
                if (!e.participants.empty() && e.participants.front().type == "person") {
                    const Participant& p = e.participants.front();
                    const auto it = std::find_if(mentions.begin(), mentions.end(), [&](const Mention& m) {
                        return m.name == p.name && p.mention && view.span(m.first, m.last) == *p.mention;
                    });
                    if (it != mentions.end()) {
                        memory.last_speaker = *it;
                        memory.last_speaker_sentence = s;
                    }
                }
            }
            // "agreed to exchange 1,000 prisoners": the act agreed on has the agreement's sides.
            if (e.participants.empty() && k > 0 && f.first - triggers[k - 1].last <= 3 &&
                triggers[k - 1].kind->commits &&
                !f.kind->subject_role.empty())
                for (const Participant& p : found[k - 1].participants)
                    e.participants.push_back({p.name, p.type, f.kind->subject_role, p.mention});
            find_place(view, f, clauses.back(), near, e);
            find_quantity(view, lexicon, f, clauses.back(), e);
        }
        attach_times(view, lexicon, triggers, found, time_distances);
        date_by_occasion(view, lexicon, triggers, found, last_dated_meeting);
        const bool at_undated_occasion =
            opens_with_occasion(view, lexicon, triggers, found) && found.front().time_source == TimeSource::none;
        for (std::size_t k = 0; k < triggers.size(); ++k) {
            Event& e = found[k];
            e.status = find_status(view, lexicon, triggers, k, clauses[k], e);
            // What was said at an occasion the text does not date was said then, not on the publication day.
            if (e.time_source == TimeSource::none && doc.published && is_reporting_verb(triggers[k]) &&
                e.status == EventStatus::occurred && !(k > 0 && at_undated_occasion)) {
                e.time_source = TimeSource::publication;
                const date::sys_days day{*doc.published};
                e.interval = CalendarInterval::days(day, day);
            }
        }
    }
    link_reports(events, all_triggers);
    date_reported_by_opening_time(view, all_triggers, events);
    doc.events = std::move(events);
}

}  // namespace chronoweave::impl::events
