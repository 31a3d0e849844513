#include "status.hpp"

#include <algorithm>
#include <array>

namespace chronoweave::impl::events {
namespace {

constexpr std::array<std::string_view, 9> forms_of_be{"is", "are", "was", "were", "be", "been", "remains", "remain", "seems"};
constexpr std::array<std::string_view, 5> perfect_auxiliaries{"has", "have", "had", "having", "'ve"};

bool any_of_words(std::string_view norm, const auto& words) {
    return std::find(words.begin(), words.end(), norm) != words.end();
}

}  // namespace

EventStatus find_status(const DocumentView& view, const EventLexicon& lexicon, const std::vector<Found>& triggers,
                        std::size_t k, const Clause& clause, const Event& event) {
    constexpr std::size_t negation_reach = 8, cue_reach = 8, past_reach = 3;
    const Found& f = triggers[k];
    const auto& tokens = view.tokens;
    const std::size_t sentence_first = view.sentence_tokens[f.sentence].first;
    const std::size_t sentence_last = view.sentence_tokens[f.sentence].second;
    // A cue reaches the trigger across other triggers ("no ceasefire was agreed", "proposed scheduling further
    // talks") but not across a comma or a clause break. Words of a timex are no cues ("May").
    auto cue_before = [&](Cue cue, std::size_t reach) {
        for (std::size_t i = f.first; i-- > sentence_first && f.first - i <= reach;) {
            // The word that opens the clause may itself be the cue ("until Valdoria withdrew").
            if (!view.timex_of_token[i] && lexicon.cue_at(cue, tokens, i, f.first)) return true;
            if (tokens[i].norm == "," || lexicon.cue_at(Cue::clause_break, tokens, i, f.first)) return false;
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
            planned_after = lexicon.cue_at(Cue::planning, tokens, i, sentence_last) > 0;
            possible_after = lexicon.cue_at(Cue::possible, tokens, i, sentence_last) > 0 && !view.timex_of_token[i];
        }
        for (std::size_t j = f.last; j < sentence_last && j < f.last + 30; ++j) {
            if (lexicon.cue_at(Cue::clause_break, tokens, j, sentence_last)) break;
            if (!view.timex_of_token[j] && lexicon.cue_at(Cue::possible, tokens, j, sentence_last)) {
                possible_after = true;  // "any meeting ... would need to be"
                break;
            }
            if (!any_of_words(tokens[j].norm, forms_of_be)) continue;
            for (std::size_t n = j + 1; n < sentence_last && n < j + 5; ++n) {
                if (view.timex_of_token[n]) continue;
                if (lexicon.cue_at(Cue::possible, tokens, n, sentence_last)) possible_after = true;
                if (lexicon.cue_at(Cue::planning, tokens, n, sentence_last)) planned_after = true;
            }
            break;
        }
    }
    if (cue_before(Cue::negation, negation_reach)) return EventStatus::negated;
    if (possible_after || cue_before(Cue::possible, cue_reach)) return EventStatus::possible;
    const bool past_verb = f.trigger->form == TriggerForm::past ||
                           (f.trigger->form == TriggerForm::participle && f.first > clause.first &&
                            any_of_words(tokens[f.first - 1].norm, perfect_auxiliaries));
    if (past_verb || (f.kind->reports_content && f.trigger->form == TriggerForm::third_person)) return EventStatus::occurred;
    if (!f.kind->reports_content && cue_before(Cue::proposal, cue_reach)) return EventStatus::proposed;
    if (const auto governed = governed_by_commitment(view, triggers, k)) return *governed;
    const auto& published = view.doc.published;
    const bool dated = event.time_source == TimeSource::timex && event.interval && published;
    if (dated && event.interval->last_day() <= date::sys_days{*published}) return EventStatus::occurred;
    if (planned_after || cue_before(Cue::planning, cue_reach) || cue_before(Cue::future, cue_reach) ||
        (dated && event.interval->first_day() > date::sys_days{*published}))
        return EventStatus::planned;
    // The present tense ("Ukraine and its allies reject the demands"), the progressive ("Putin is demanding").
    const std::string_view before = f.first > clause.first ? tokens[f.first - 1].norm : std::string_view();
    const bool verb_opener = before == "to" || lexicon.is(Cue::future, before) || lexicon.is(Cue::possible, before);
    if (f.trigger->form == TriggerForm::third_person || (f.trigger->form == TriggerForm::base && !verb_opener && f.first > clause.first) ||
        (f.trigger->form == TriggerForm::gerund && any_of_words(before, forms_of_be)))
        return EventStatus::occurred;
    if (cue_before(Cue::ongoing, past_reach) ||
        (f.last < clause.last && lexicon.cue_at(Cue::ongoing, tokens, f.last, clause.last)))
        return EventStatus::occurred;
    // A past cue next to the trigger: "talks held on Monday", "the recent talks".
    const std::size_t from = f.first > clause.first + past_reach ? f.first - past_reach : clause.first;
    for (std::size_t i = from; i < std::min(clause.last, f.last + past_reach); ++i) {
        if (i >= f.first && i < f.last) continue;
        if (lexicon.cue_at(Cue::past, tokens, i, clause.last)) return EventStatus::occurred;
    }
    return EventStatus::unknown;
}

}  // namespace chronoweave::impl::events
