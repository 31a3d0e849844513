#pragma once
// The event lexicon: kinds and their PLOVER/CAMEO codes, trigger words, actors and status cues, read from the
// resource files in src/resources/events (and from extra lines a user supplies). Internal to the library.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <chronoweave/event.hpp>

#include "../temporal/rules.hpp"
#include "../text/token.hpp"

namespace chronoweave::impl::events {

struct KindInfo {
    std::string name, plover, mode, cameo;
    std::string subject_role, object_role;  // empty: the kind gives that actor no role
    bool takes_place = false, takes_quantity = false;
    bool reports_content = false;  // a statement: what follows it is what it says
    // An agreement (planned) or a proposal (proposed): the status of the act it governs, which is not done.
    std::optional<EventStatus> commits;
};

// Which form of its word a trigger is; nouns name the event, verbs carry tense.
enum class TriggerForm : std::uint8_t { base, third_person, past, participle, gerund, noun };

struct Trigger {
    std::vector<std::string> tokens;
    std::size_t kind = 0;  // index into EventLexicon::kinds()
    TriggerForm form = TriggerForm::noun;
    std::string mode, cameo;  // empty: the kind's
    std::vector<std::vector<std::string>> not_before;
};

struct Actor {
    std::string name, type;
};

struct ActorName {
    std::vector<std::string> tokens;
    std::size_t actor = 0;  // index into EventLexicon::actors()
    bool all_capitals = false;  // "US", "UN": only written so, never the words "us" or "un"
    bool metonym = false;       // "Moscow" for Russia: also a place in its own right
};

struct ActorMatch {
    std::size_t actor = 0;   // index into EventLexicon::actors()
    std::size_t length = 0;  // tokens
    bool metonym = false;
};

enum class Cue : std::uint8_t {
    negation, possible, future, planning, proposal, ongoing, clause_break, title, not_actor, time_blocker,
    compound_head, quantity_noun, vague_count, past, determiner, negation_barrier, same_occasion, occasion, third_party,
    wish
};
inline constexpr std::size_t cue_count = 20;

// Phrases of lower-cased tokens, found by their first token, longest first.
class PhraseIndex {
public:
    void add(const std::vector<std::string>& tokens, std::uint32_t value);
    // The values of the phrases that start at tokens[i] and end before `end`, longest first, with their lengths.
    template <class F>
    void for_each_match(const std::vector<Token>& tokens, std::size_t i, std::size_t end, F&& f) const;
    bool matches_at(const std::vector<Token>& tokens, std::size_t i, std::size_t end, std::size_t* length = nullptr) const;
    bool has_word(std::string_view word) const;  // a phrase of this one word

private:
    struct Entry {
        std::vector<std::string> tokens;
        std::uint32_t value;
    };
    // Whether some phrase starts with a word of this first byte and this length (lengths past 63 share a bit):
    // most tokens fail this test, which is far cheaper than hashing them.
    bool may_start(std::string_view word) const {
        return !word.empty() &&
               (first_words_[static_cast<unsigned char>(word.front())] >> std::min<std::size_t>(word.size(), 63) & 1U);
    }
    // The phrases by their first word, an id of first_ids_: looked up for most tokens, so not a hash map of strings.
    const std::vector<Entry>* starting_with(std::uint32_t first_id) const {
        return first_id ? &by_first_[first_id] : nullptr;
    }
    std::array<std::uint64_t, 256> first_words_{};
    Vocabulary first_ids_;
    std::vector<std::vector<Entry>> by_first_{1};  // by id of first_ids_
};

class EventLexicon {
public:
    enum class Table : std::uint8_t { kinds, triggers, actors, cues };

    // The lexicon of the resource files compiled into the library.
    static const EventLexicon& built_in();

    EventLexicon() = default;
    // Adds the lines of one table (the resource files' format; '#' starts a comment). Throws ResourceError naming
    // `source` and the line for a malformed line or a trigger of an unknown kind. Later lines add to earlier ones.
    void load(Table table, std::string_view text, std::string_view source = "extra lines");

    const std::vector<KindInfo>& kinds() const { return kinds_; }
    const std::vector<Trigger>& triggers() const { return triggers_; }
    const std::vector<Actor>& actors() const { return actors_; }
    std::optional<std::size_t> kind_index(std::string_view name) const;

    // The longest triggers at tokens[i] (within [i, end)): a word may be a noun and a verb ("attack"), and the
    // finder picks one form by context, so what it needs of them is the first noun and the first verb form (in the
    // order of triggers()). Both null, and length 0, where no trigger starts.
    struct TriggersAt {
        const Trigger* noun = nullptr;
        const Trigger* verb = nullptr;
        std::size_t length = 0;  // tokens
    };
    TriggersAt triggers_at(const std::vector<Token>& tokens, std::size_t i, std::size_t end) const;
    // The longest actor name at tokens[i] whose first token is capitalized as the lexicon writes it.
    std::optional<ActorMatch> actor_at(std::string_view text, const std::vector<Token>& tokens, std::size_t i,
                                       std::size_t end) const;
    // The length of the cue of the class at tokens[i], or 0.
    std::size_t cue_at(Cue cue, const std::vector<Token>& tokens, std::size_t i, std::size_t end) const;
    bool is(Cue cue, std::string_view word) const;
    // Which phrases can start with this token's norm (see Token::norm): bit n for cues of Cue n, and the bits
    // below for triggers and actor names.
    static constexpr std::uint32_t cue_bit(Cue cue) { return std::uint32_t{1} << static_cast<unsigned>(cue); }
    static constexpr std::uint32_t trigger_bit = std::uint32_t{1} << cue_count, actor_bit = trigger_bit << 1;
    std::uint32_t phrases_starting_with(std::string_view norm) const {
        return phrases_by_first_word_[first_words_.find_token(norm)];
    }

private:
    std::vector<KindInfo> kinds_;
    std::vector<Trigger> triggers_;
    std::vector<Actor> actors_;
    std::vector<ActorName> actor_names_;
    PhraseIndex trigger_index_, actor_index_;
    std::array<PhraseIndex, cue_count> cue_index_;
    void add_first_word(const std::vector<std::string>& phrase, std::uint32_t bit);
    Vocabulary first_words_;
    std::vector<std::uint32_t> phrases_by_first_word_{0};  // by id of first_words_; 0: no phrase starts there
    std::vector<std::string> first_word_texts_{1};         // by id of first_words_

    friend class PhraseStarts;
};

// The lexicon's phrases_starting_with() for the tokens of texts tokenized with one Vocabulary. A token that the
// vocabulary numbered (two in five of news text's tokens) is looked up by its number in a table made once, rather
// than hashed a second time.
class PhraseStarts {
public:
    PhraseStarts(const EventLexicon& lexicon, const Vocabulary& vocabulary);
    const EventLexicon& lexicon() const { return lexicon_; }
    // `token` must have been numbered by the constructor's vocabulary.
    std::uint32_t of(const Token& token) const {
        return token.word != 0 ? by_word_[token.word] : lexicon_.phrases_starting_with(token.norm);
    }

private:
    const EventLexicon& lexicon_;
    std::vector<std::uint32_t> by_word_;  // by id of the vocabulary
};

// The lower-cased tokens of a phrase, as the tokenizer splits text ("U.S." is "u . s .").
std::vector<std::string> phrase_tokens(std::string_view phrase);

template <class F>
void PhraseIndex::for_each_match(const std::vector<Token>& tokens, std::size_t i, std::size_t end, F&& f) const {
    if (i >= end || !may_start(tokens[i].norm)) return;
    const std::vector<Entry>* entries = starting_with(first_ids_.find_token(tokens[i].norm));
    if (!entries) return;
    for (const Entry& e : *entries) {
        if (i + e.tokens.size() > end) continue;
        bool same = true;
        for (std::size_t k = 1; k < e.tokens.size() && same; ++k) same = tokens[i + k].norm == e.tokens[k];
        if (same && f(e.value, e.tokens.size())) return;
    }
}

}  // namespace chronoweave::impl::events
