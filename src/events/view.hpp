#pragma once
// What the event finder reads of a document: its tokens by sentence, which tokens are timexes, and the actor
// mentions and triggers found so far. Internal to the library.
#include <chronoweave/document.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "../text/token.hpp"
#include "lexicon.hpp"

namespace chronoweave::impl::events {

struct DocumentView {
    const Document& doc;
    const std::vector<Token>& tokens;
    const std::vector<std::pair<std::size_t, std::size_t>>& sentence_tokens;  // [first, last) token of each sentence
    std::vector<std::optional<std::size_t>> timex_of_token;
    // The lexicon's phrases_starting_with() of each token, looked up once: the stage asks for triggers and actors at
    // every token and for cues at every token near a trigger, class by class, and most tokens start none.
    // Arrays rather than vectors, here and below: each entry is set once, without zeroing them all first.
    std::unique_ptr<std::uint32_t[]> phrases_starting;
    // The tokens a mention may start at, in text order: capitalized words, and "he" and "she". Most tokens are
    // neither, and the actor finder visits these alone.
    std::span<const std::size_t> name_starts;

    DocumentView(const Document& d, const std::vector<Token>& t,
                 const std::vector<std::pair<std::size_t, std::size_t>>& s, const PhraseStarts& phrase_starts);
    // The lexicon's cue_at(), triggers_at() and actor_at() at token i (within [i, end)), and its is() of token i's
    // word; `lexicon` is the view's.
    std::size_t cue_at(const EventLexicon& lexicon, Cue cue, std::size_t i, std::size_t end) const {
        if (!may_start(i, end, EventLexicon::cue_bit(cue))) return 0;
        return lexicon.cue_at(cue, tokens, i, end);
    }
    bool is(const EventLexicon& lexicon, Cue cue, std::size_t i) const {
        return (phrases_starting[i] & EventLexicon::cue_bit(cue)) != 0 && lexicon.is(cue, tokens[i].norm);
    }
    EventLexicon::TriggersAt triggers_at(const EventLexicon& lexicon, std::size_t i, std::size_t end) const {
        if (!may_start(i, end, EventLexicon::trigger_bit)) return {};
        return lexicon.triggers_at(tokens, i, end);
    }
    std::optional<ActorMatch> actor_at(const EventLexicon& lexicon, std::size_t i, std::size_t end) const {
        if (!may_start(i, end, EventLexicon::actor_bit)) return std::nullopt;
        return lexicon.actor_at(doc.text, tokens, i, end);
    }

    std::string_view text(std::size_t first, std::size_t last) const;  // the text of tokens [first, last)
    Span span(std::size_t first, std::size_t last) const { return {tokens[first].span.begin, tokens[last - 1].span.end}; }
    bool is_word(std::size_t i, std::string_view norm) const { return tokens[i].norm == norm; }

private:
    std::unique_ptr<std::size_t[]> name_start_storage_;  // name_starts, with room for every token
    bool may_start(std::size_t i, std::size_t end, std::uint32_t bits) const {
        return i < end && (phrases_starting[i] & bits) != 0;
    }
};

// A name of an actor in the text: from the actor lexicon, a capitalized name, or "he"/"she" standing for the last
// person named.
struct Mention {
    std::size_t first = 0, last = 0;  // tokens
    std::size_t lead = 0;             // first token of the name with its title ("U.S. President Donald Trump")
    // Views of the lexicon, of the document's text or of literals: all outlive the event stage.
    std::string_view name, type;
    bool pronoun = false;
    bool metonym = false;  // a capital or seat standing for its state: as a place it is itself ("in Moscow")
};

// A trigger found in a sentence.
struct Found {
    std::size_t first = 0, last = 0;  // tokens
    std::size_t sentence = 0;
    const Trigger* trigger = nullptr;
    const KindInfo* kind = nullptr;
    bool verb() const { return trigger->form != TriggerForm::noun; }
};

}  // namespace chronoweave::impl::events
