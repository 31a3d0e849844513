#include "status.hpp"

#include <algorithm>
#include <array>

namespace chronoweave::impl::events {
namespace {

constexpr std::array<std::string_view, 9> forms_of_be{"is", "are", "was", "were", "be", "been", "remains", "remain", "seems"};
constexpr std::array<std::string_view, 4> modal_verbs{"may", "might", "could", "would"};
constexpr std::array<std::string_view, 5> perfect_auxiliaries{"has", "have", "had", "having", "'ve"};

// Cues that a clause looks ahead: an event named in it has not (yet) happened.
constexpr std::array<Cue, 6> looking_ahead{Cue::future, Cue::possible, Cue::planning, Cue::proposal, Cue::negation, Cue::wish};
constexpr std::uint32_t looking_ahead_classes = [] {
    std::uint32_t bits = 0;
    for (const Cue cue : looking_ahead) bits |= EventLexicon::cue_bit(cue);
    return bits;
}();

bool any_of_words(std::string_view norm, const auto& words) {
    return std::find(words.begin(), words.end(), norm) != words.end();
}

}  // namespace

EventStatus find_status(const DocumentView& view, const EventLexicon& lexicon, std::span<const Found> triggers,
                        std::size_t k, const Clause& clause, const Event& event) {
    constexpr std::size_t negation_reach = 8, cue_reach = 8, past_reach = 3;
    const Found& f = triggers[k];
    const auto& tokens = view.tokens;
    const std::size_t sentence_first = view.sentence_tokens[f.sentence].first;
    const std::size_t sentence_last = view.sentence_tokens[f.sentence].second;
    // cue_before() is asked for one class after another, and the negation is looked for within the same reach: the
    // classes that start anywhere within it rule out most.
    static_assert(negation_reach <= cue_reach);
    std::uint32_t classes_within_reach = 0;
    for (std::size_t i = f.first; i-- > sentence_first && f.first - i <= cue_reach;)
        classes_within_reach |= view.phrases_starting[i];
    // A cue reaches the trigger across other triggers ("no ceasefire was agreed", "proposed scheduling further
    // talks") but not across a comma or a clause break. Words of a timex are no cues ("May").
    auto cue_before = [&](Cue cue, std::size_t reach) {
        if (!(classes_within_reach & EventLexicon::cue_bit(cue))) return false;
        for (std::size_t i = f.first; i-- > sentence_first && f.first - i <= reach;) {
            // The word that opens the clause may itself be the cue ("until Valdoria withdrew").
            if (!view.timex_of_token[i] && view.cue_at(lexicon, cue, i, f.first)) return true;
            if (tokens[i].norm == "," || view.cue_at(lexicon, Cue::clause_break, i, f.first)) return false;
        }
        return false;
    };
    // What the clause says of the event after it: "talks are scheduled", "meeting possible", "a summit ... is
    // 'unlikely'".
    bool planned_after = false, possible_after = false;
    if (!f.verb()) {
        std::size_t i = f.last;
        while (i < sentence_last && i < f.last + 3 && tokens[i].kind == TokenKind::punct) ++i;
        if (i < sentence_last) {
            planned_after = view.cue_at(lexicon, Cue::planning, i, sentence_last) > 0;
            possible_after = view.cue_at(lexicon, Cue::possible, i, sentence_last) > 0 && !view.timex_of_token[i];
        }
        bool after_comma = false;
        for (std::size_t j = f.last; j < sentence_last && j < f.last + 30; ++j) {
            if (view.cue_at(lexicon, Cue::clause_break, j, sentence_last)) break;
            after_comma = after_comma || tokens[j].norm == ",";
            if (!after_comma && !view.timex_of_token[j] && any_of_words(tokens[j].norm, modal_verbs) &&
                view.cue_at(lexicon, Cue::possible, j, sentence_last)) {
                possible_after = true;  // "a meeting between ... would need to be", "talks may resume"
                break;
            }
            if (!any_of_words(tokens[j].norm, forms_of_be)) continue;
            for (std::size_t n = j + 1; n < sentence_last && n < j + 5; ++n) {
                if (view.timex_of_token[n]) continue;
                if (view.cue_at(lexicon, Cue::possible, n, sentence_last)) possible_after = true;
                if (view.cue_at(lexicon, Cue::planning, n, sentence_last)) planned_after = true;
            }
            break;
        }
    }
    // A negation reaches the trigger unless a preposition such as "beyond" or "for" stands between them; "no new
    // date has been set for talks", "no plans for a call" negate the planning, and with it the event.
    std::optional<std::size_t> planning_at;
    bool negated = false;
    const bool negation_within_reach = (classes_within_reach & EventLexicon::cue_bit(Cue::negation)) != 0;
    for (std::size_t i = f.first; negation_within_reach && i-- > sentence_first && f.first - i <= negation_reach;) {
        if (tokens[i].norm == "," || view.cue_at(lexicon, Cue::clause_break, i, f.first)) break;
        if (!planning_at && view.cue_at(lexicon, Cue::planning, i, f.first)) planning_at = i;
        if (view.cue_at(lexicon, Cue::negation, i, f.first)) {
            negated = true;
            break;
        }
        if (!planning_at && view.is(lexicon, Cue::negation_barrier, i)) {
            // "set for", "plans for": the barrier ends a planning phrase, which the negation may still reach.
            bool ends_planning = false;
            for (std::size_t j = i; j-- > sentence_first && i - j <= 4 && !ends_planning;)
                ends_planning = view.cue_at(lexicon, Cue::planning, j, i + 1) > 0;
            if (!ends_planning) break;
        }
    }
    if (negated) return EventStatus::negated;
    if (possible_after || cue_before(Cue::possible, cue_reach)) return EventStatus::possible;
    // "presented" after "be" is a passive, which says nothing of the past ("would be presented").
    const bool after_be = f.first > clause.first && (tokens[f.first - 1].norm == "be" || tokens[f.first - 1].norm == "been" ||
                                                     tokens[f.first - 1].norm == "being");
    const bool past_verb = (f.trigger->form == TriggerForm::past && !after_be) ||
                           (f.trigger->form == TriggerForm::participle && f.first > clause.first &&
                            any_of_words(tokens[f.first - 1].norm, perfect_auxiliaries));
    // A report in the present ("the Kremlin says") or in a participle clause ("..., stating that") was made.
    const bool participle_report = f.trigger->form == TriggerForm::gerund && f.first > sentence_first &&
                                   tokens[f.first - 1].norm == ",";
    if (past_verb || (f.kind->reports_content && (f.trigger->form == TriggerForm::third_person || participle_report)))
        return EventStatus::occurred;
    if (!f.kind->reports_content && cue_before(Cue::proposal, cue_reach)) return EventStatus::proposed;
    if (const auto governed = governed_by_commitment(view, triggers, k)) return *governed;
    const auto& published = view.doc.published;
    const bool dated = event.time_source == TimeSource::timex && event.interval && published;
    if (dated && event.interval->last_day() <= date::sys_days{*published}) return EventStatus::occurred;
    if (planned_after || cue_before(Cue::planning, cue_reach) || cue_before(Cue::future, cue_reach) ||
        (dated && event.interval->first_day() > date::sys_days{*published}))
        return EventStatus::planned;
    // The present tense ("Ukraine and its allies reject the demands"), the progressive ("Putin is demanding").
    std::size_t before_at = f.first;
    while (before_at > clause.first && tokens[before_at - 1].norm == "\"") --before_at;  // 'is "shelling'
    const std::string_view before = before_at > clause.first ? tokens[before_at - 1].norm : std::string_view();
    const bool verb_opener = before == "to" || lexicon.is(Cue::future, before) || lexicon.is(Cue::possible, before);
    if (f.trigger->form == TriggerForm::third_person || (f.trigger->form == TriggerForm::base && !verb_opener && f.first > clause.first) ||
        (f.trigger->form == TriggerForm::gerund && any_of_words(before, forms_of_be)))
        return EventStatus::occurred;
    if (cue_before(Cue::ongoing, past_reach) ||
        (f.last < clause.last && view.cue_at(lexicon, Cue::ongoing, f.last, clause.last)))
        return EventStatus::occurred;
    // A past cue next to the trigger: "talks held on Monday", "the recent talks".
    const std::size_t from = f.first > clause.first + past_reach ? f.first - past_reach : clause.first;
    for (std::size_t i = from; i < std::min(clause.last, f.last + past_reach); ++i) {
        if (i >= f.first && i < f.last) continue;
        if (view.cue_at(lexicon, Cue::past, i, clause.last)) return EventStatus::occurred;
    }
    // A noun in a clause told in the past, with nothing in it that looks ahead: "Russia launched drone attacks".
    if (!f.verb()) {
        bool past = false;
        for (std::size_t i = clause.first; i < clause.last; ++i) {
            if ((i >= f.first && i < f.last) || view.timex_of_token[i]) continue;
            if (view.phrases_starting[i] & looking_ahead_classes)
                for (const Cue ahead : looking_ahead)
                    if (view.cue_at(lexicon, ahead, i, clause.last)) return EventStatus::unknown;
            const std::string_view w = tokens[i].norm;
            past = past || view.cue_at(lexicon, Cue::past, i, clause.last) ||
                   (w.size() > 4 && w.ends_with("ed") && !tokens[i].capitalized &&
                    !(i > clause.first && any_of_words(tokens[i - 1].norm, forms_of_be)));  // not a passive
        }
        if (past) return EventStatus::occurred;
    }
    return EventStatus::unknown;
}

}  // namespace chronoweave::impl::events
