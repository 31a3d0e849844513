#include "finder.hpp"

#include <algorithm>
#include <array>

namespace chronoweave::impl::events {
namespace {

// Words before a verb in its base form ("will attack", "to exchange"); elsewhere a word that is a noun and a verb
// ("attack", "exchange", "offer") is read as the noun.
constexpr std::array<std::string_view, 16> verb_openers{"to", "will", "would", "can", "could", "should", "may", "might",
                                                        "must", "shall", "not", "did", "does", "do", "t", "cannot"};

bool starts_with_phrase(const std::vector<Token>& tokens, std::size_t i, std::size_t end,
                        const std::vector<std::string>& phrase) {
    if (i + phrase.size() > end) return false;
    for (std::size_t k = 0; k < phrase.size(); ++k)
        if (tokens[i + k].norm != phrase[k]) return false;
    return true;
}

}  // namespace

void find_triggers(const DocumentView& view, const EventLexicon& lexicon, std::size_t sentence, std::vector<Found>& found) {
    const std::size_t first = view.sentence_tokens[sentence].first, last = view.sentence_tokens[sentence].second;
    const auto& tokens = view.tokens;
    std::size_t i = first;
    while (i < last) {
        // Most tokens start no trigger: passed over at once.
        while (i < last && !(view.phrases_starting[i] & EventLexicon::trigger_bit)) ++i;
        if (i == last) break;
        const Token& t = tokens[i];
        const auto at = view.triggers_at(lexicon, i, last);
        if (!at.length || view.timex_of_token[i] || (t.capitalized && i != first && !t.newline_before)) {
            ++i;
            continue;
        }
        const bool verb_context =
            i > first && std::find(verb_openers.begin(), verb_openers.end(), tokens[i - 1].norm) != verb_openers.end();
        const Trigger* chosen = verb_context ? (at.verb ? at.verb : at.noun) : (at.noun ? at.noun : at.verb);
        const std::size_t end = i + at.length;
        // "this proposed zone", "the agreed text": a participle after a determiner is an adjective. A reporting
        // verb's base form reports only after "to", "will", "did" ...: "a comment", "take note" are nouns.
        const bool after_determiner = i > first && view.is(lexicon, Cue::determiner, i - 1);
        if ((after_determiner && (chosen->form == TriggerForm::past || chosen->form == TriggerForm::participle)) ||
            (chosen->form == TriggerForm::base && lexicon.kinds()[chosen->kind].reports_content && !verb_context)) {
            ++i;
            continue;
        }
        const bool ruled_out = std::any_of(chosen->not_before.begin(), chosen->not_before.end(),
                                           [&](const auto& phrase) { return starts_with_phrase(tokens, end, last, phrase); });
        const bool nominal = chosen->form == TriggerForm::noun || chosen->form == TriggerForm::gerund;
        const bool modifier = nominal && end < last && view.cue_at(lexicon, Cue::compound_head, end, last) > 0;
        if (ruled_out || modifier) {
            ++i;
            continue;
        }
        // A noun right before another noun trigger modifies it: "ceasefire proposal" is a proposal.
        if (chosen->form == TriggerForm::noun && end < last && !tokens[end].capitalized) {
            if (view.triggers_at(lexicon, end, last).noun) {
                i = end;
                continue;
            }
        }
        found.push_back({i, end, sentence, chosen, &lexicon.kinds()[chosen->kind]});
        i = end;
    }
}

}  // namespace chronoweave::impl::events
