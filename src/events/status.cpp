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
    constexpr std::size_t negation_reach = 8, cue_reach = 6, past_reach = 3;
    const Found& f = triggers[k];
    const auto& tokens = view.tokens;
    const std::size_t sentence_first = view.sentence_tokens[f.sentence].first, sentence_last = view.sentence_tokens[f.sentence].second;
    auto cue_before = [&](Cue cue, std::size_t reach) -> std::optional<std::size_t> {
        for (std::size_t i = f.first; i-- > clause.first && f.first - i <= reach;)
            if (lexicon.cue_at(cue, tokens, i, f.first)) return i;
        return std::nullopt;
    };
    // A negation reaches past other triggers ("no ceasefire was agreed") but not past a comma or a clause break.
    auto negation_before = [&]() {
        for (std::size_t i = f.first; i-- > sentence_first && f.first - i <= negation_reach;) {
            if (tokens[i].norm == "," || lexicon.cue_at(Cue::clause_break, tokens, i, f.first)) return false;
            if (lexicon.cue_at(Cue::negation, tokens, i, f.first)) return true;
        }
        return false;
    };
    // What the clause says of the event after it: "talks are scheduled", "a summit ... is 'unlikely'".
    bool planned_after = false, possible_after = false;
    {
        std::size_t i = f.last;
        while (i < clause.last && i < f.last + 3 && tokens[i].kind == TokenKind::punct) ++i;
        if (i < clause.last && lexicon.cue_at(Cue::planning, tokens, i, clause.last)) planned_after = true;
        for (std::size_t j = f.last; j < sentence_last && j < f.last + 20; ++j) {
            if (lexicon.cue_at(Cue::clause_break, tokens, j, sentence_last)) break;
            if (!any_of_words(tokens[j].norm, forms_of_be)) continue;
            for (std::size_t n = j + 1; n < sentence_last && n < j + 5; ++n) {
                if (lexicon.cue_at(Cue::possible, tokens, n, sentence_last)) possible_after = true;
                if (lexicon.cue_at(Cue::planning, tokens, n, sentence_last)) planned_after = true;
            }
            break;
        }
    }
    const auto planning = cue_before(Cue::planning, cue_reach);
    if (negation_before()) return EventStatus::negated;
    if (possible_after || cue_before(Cue::possible, cue_reach)) return EventStatus::possible;
    if (cue_before(Cue::proposal, cue_reach)) return EventStatus::proposed;
    // The object of an agreement is agreed, not done: "agreed to exchange", "the exchange agreed upon".
    const auto is_agreement = [&](const Found& other) { return other.kind->name == "agreement" && &other != &f; };
    const bool agreed = f.kind->name != "agreement" &&
                        ((k > 0 && is_agreement(triggers[k - 1]) && f.first - triggers[k - 1].last <= 3) ||
                         (k + 1 < triggers.size() && is_agreement(triggers[k + 1]) && triggers[k + 1].first - f.last <= 1));
    const bool after_publication = event.time_source == TimeSource::timex && event.interval && view.doc.published &&
                                   event.interval->first_day() > date::sys_days{*view.doc.published};
    if (planning || planned_after || agreed || after_publication || cue_before(Cue::future, cue_reach))
        return EventStatus::planned;
    const bool perfect = f.first > clause.first && any_of_words(tokens[f.first - 1].norm, perfect_auxiliaries);
    if (f.trigger->form == TriggerForm::past || (f.trigger->form == TriggerForm::participle && perfect))
        return EventStatus::occurred;
    if (f.kind->name == "statement" && f.trigger->form == TriggerForm::third_person) return EventStatus::occurred;
    const bool before_publication = event.time_source == TimeSource::timex && event.interval && view.doc.published &&
                                    event.interval->last_day() <= date::sys_days{*view.doc.published};
    if (before_publication || cue_before(Cue::ongoing, past_reach)) return EventStatus::occurred;
    for (std::size_t i = f.first > clause.first + past_reach ? f.first - past_reach : clause.first;
         i < std::min(clause.last, f.last + past_reach); ++i)
        if ((i < f.first || i >= f.last) && lexicon.cue_at(Cue::past, tokens, i, clause.last)) return EventStatus::occurred;
    if (f.last < clause.last && lexicon.cue_at(Cue::ongoing, tokens, f.last, clause.last)) return EventStatus::occurred;
    return EventStatus::unknown;
}

}  // namespace chronoweave::impl::events
