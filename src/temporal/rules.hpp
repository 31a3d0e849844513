#pragma once
// The compiled temporal grammar: lexicons (word lists with their meanings) and rules (token patterns with actions),
// both read from the resource files at construction. Internal to the library.
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "../text/token.hpp"
#include "../text/vocabulary.hpp"
#include "frame.hpp"

namespace chronoweave::impl {

// Hash maps keyed by words that token norms (string_views) look up without building a std::string per lookup.
struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const noexcept {
        const std::uint64_t h = word_key(word) * 0x9E3779B97F4A7C15ULL;
        return static_cast<std::size_t>(h ^ (h >> 32));
    }
};
template <class Value>
using WordMap = std::unordered_map<std::string, Value, WordHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

// A phrase of a lexicon class: "new year's day" in class "holiday" means "month=1 day=1".
struct LexiconEntry {
    std::vector<std::uint32_t> words;  // the phrase's tokens, normalized as the tokenizer would, as Vocabulary ids
    std::vector<Assignment> assignments;
    std::optional<long long> qty, nth; // what the assignments set, for number words read by slots
    std::uint16_t lexicon_class = 0;
    bool needs_capital = false;       // "May", "March", "Sun": only capitalized, so the verb "may" is not a month
    bool outside_span = false;        // a modifier that sets mod but stays out of the TIMEX3 span ("about")
    bool given_name = false;          // "Jan", "Jun": before a capitalized word it is a first name ("Jan Kavan")
};

// Number slots read digits or number words in code; which ones exist is fixed by the grammar (see slot_names).
enum class Slot : std::uint8_t { year, day, month_number, qty, hour, minute, clock, date, month_day, decade, ordinal, year_or_number };

struct Element {
    enum class Kind : std::uint8_t { literal, lexicon_class, slot, group };
    Kind kind = Kind::literal;
    bool optional = false;
    std::uint32_t word = 0;  // a literal's Vocabulary id
    std::uint16_t lexicon_class = 0;
    Slot slot = Slot::qty;
    std::vector<std::vector<Element>> alternatives;
};

struct Continuation;  // a place in a pattern, while matching it (grammar.cpp)

// Number tokens by their shape, as bits: 1 << NumberShape::Kind.
using ShapeSet = std::uint16_t;
constexpr ShapeSet shape_bit(NumberShape::Kind kind) { return static_cast<ShapeSet>(1u << static_cast<unsigned>(kind)); }
constexpr std::size_t shape_kinds = 9;

// Which tokens can stand at a place in a match: words by Vocabulary id, number tokens by shape, or any token at all.
struct TokenKeys {
    std::vector<bool> words;
    ShapeSet shapes = 0;
    bool any = false;
    bool admits(std::uint32_t word, ShapeSet shape) const { return any || words[word] || (shapes & shape) != 0; }
    void merge(const TokenKeys& other);
};

// An element of a pattern that every match of it takes: its first token is a word of `words` or a number of a shape
// of `shapes`, and stands between `from` and `to` tokens (inclusive) after the match's first token. Its words are a
// bitset that the requirements admitting the same words share, in one array (Grammar::requirement_words_): the
// requirements of the rules tried at a document's tokens then stay in cache.
struct Requirement {
    std::uint32_t words = 0;  // the offset in Grammar::requirement_words_ of the bitset, by Vocabulary id
    ShapeSet shapes = 0;
    std::size_t from = 0, to = 0;
};

struct Rule {
    std::string name;
    std::vector<Element> pattern;
    std::vector<Element> right_context;  // must follow the match but stays out of it ("the year / 'ended'")
    std::vector<Assignment> actions;
    std::vector<Requirement> requirements;  // the pattern's elements after its first that every match takes, the
                                            // one with the fewest places to look at first
};

// A pattern element that matched, in pattern order; applied to a Frame in that order, then the rule's actions.
struct Capture {
    const LexiconEntry* entry = nullptr;   // lexicon class capture
    Slot slot = Slot::qty;                 // slot capture when entry == nullptr
    const NumberShape* shape = nullptr;    // the number token a slot read, if any
    long long number = 0;                  // the value a slot read from words
};

// How a word between two timexes joins them (joiners.tsv).
enum class Joint : std::uint8_t { range_opener, range_joiner, duration_sum, clock_day };

struct Match {
    std::size_t begin = 0, end = 0;        // token indexes, half-open
    const Rule* rule = nullptr;
    std::vector<Capture> captures;
    const LexiconEntry* premod = nullptr;
    const LexiconEntry* postmod = nullptr;
};

class Grammar {
public:
    // Reads every lexicon and the rule file from the embedded resources.
    Grammar();

    // What a document is tokenized with: every word the grammar names (0 for any other word).
    const Vocabulary& vocabulary() const { return vocabulary_; }
    // Only the rules indexed under a token's word (or number shape) whose second token can follow are walked.
    // Allocates the result and scratch captures, nothing else. The tokens' words are ids in vocabulary().
    std::vector<Match> find_all(const std::vector<Token>& tokens) const;
    // Reads the match into `frame`, which is as a Frame is when default-constructed: it is filled in place, for a
    // Frame, with its many fields and strings, is costly to move.
    void interpret(const Match& match, Frame& frame) const;

    // The tense (-1 past, 0 present, 1 future) a cue word or word pair tells ("will", "set to"), read by the
    // anchoring pass; words are ids in vocabulary().
    std::optional<int> tense_cue(std::uint32_t word) const {
        return tense_of_word_[word] == no_tense ? std::nullopt : std::optional<int>(tense_of_word_[word]);
    }
    // Inline up to the search of the pairs, which most words start none of: it is asked at every word near a timex.
    std::optional<int> tense_cue(std::uint32_t word, std::uint32_t next) const {
        return has_role(word, starts_tense_pair_role) ? tense_of_pair(word, next) : std::nullopt;
    }
    // Forms of "be" that make a following participle passive ("is heard") rather than past.
    bool is_passive_auxiliary(std::uint32_t word) const { return has_role(word, passive_auxiliary_role); }
    // Past auxiliaries that put a following future cue in the past ("had been due to", "had planned to").
    bool is_backshift_auxiliary(std::uint32_t word) const { return has_role(word, backshift_auxiliary_role); }
    // Words after which an -ed word is an adjective ("a still unspecified date", "its expanded plant"), not a verb.
    bool is_determiner(std::uint32_t word) const { return has_role(word, determiner_role); }
    // "until": before a timex, it makes the timex the end a deferral verb moves something to.
    bool is_deadline(std::uint32_t word) const { return has_role(word, deadline_role); }
    // Verbs that move something to a later time ("postponed", "has given them").
    bool is_deferral(std::uint32_t word) const { return has_role(word, deferral_role); }
    // "since": before a timex, it makes the timex where a stretch began that runs on to the time the text tells of.
    bool opens_stretch(std::uint32_t word) const { return has_role(word, opening_role); }
    // Whether the word joins two timexes in this way (joiners.tsv).
    bool joins(Joint joint, std::string_view word) const { return joiners_[static_cast<std::size_t>(joint)].contains(word); }

private:
    // A document's tokens.
    struct Input {
        const std::vector<Token>& tokens;
        std::size_t count = tokens.size();  // kept: a vector of tokens divides by their size to tell its size
        std::size_t size() const noexcept { return count; }
    };
    // The token after a match's first, as the rules' second tokens are tested against it.
    struct NextToken {
        bool present = false;  // there is one, on the same line
        std::uint32_t word = 0;
        ShapeSet shape = 0;    // 0 for a word
    };
    // The rules that can start at a token, and what the next token can be in any of them: most tokens that start a
    // rule ("the", "a", a number) are followed by nothing any rule reads, and that one test rules them all out.
    struct Candidates {
        std::vector<std::uint32_t> rules;  // into rules_
        TokenKeys any_second;
        // The rules by what their second token can be in a match that starts at the token (any token when one token
        // can be the whole match): a token looks up the few that its next token admits rather than testing each of a
        // common word's many rules against it.
        std::vector<std::uint32_t> after_any;                           // any token, or none
        // Not after_any's. By word: a word's rules are after_word[after_word_begin[word]] up to those of the next
        // word, found at once rather than by a bisection whose steps each miss the cache and half mispredict.
        std::vector<std::uint32_t> after_word_begin;  // a Vocabulary id's and one past the last; empty when no rules
        std::vector<std::uint32_t> after_word;
        std::array<std::vector<std::uint32_t>, shape_kinds> after_shape;  // by NumberShape::Kind; not after_any's
        bool admit_next(const NextToken& next) const {
            return next.present ? any_second.admits(next.word, next.shape) : any_second.any;
        }
        std::span<const std::uint32_t> rules_after_word(std::uint32_t word) const {
            if (after_word.empty()) return {};
            return {after_word.data() + after_word_begin[word], after_word.data() + after_word_begin[word + 1]};
        }
    };
    // A lexicon entry that starts with a word, beside what tells most entries tried at a token from one that can
    // match there, so that the entry itself is read only then.
    struct StartingEntry {
        std::uint32_t index;          // into entries_
        std::uint32_t second_word;    // the phrase's second word; 0 for a phrase of one word
        std::uint16_t lexicon_class;
    };
    // What can start at a token with a given word: lexicon entries (by class, each class's longest phrase first) and
    // rules.
    struct Starts {
        std::vector<StartingEntry> entries;
        Candidates rules;
        // The second words of the entries of the premod class among them, sorted, once each; 0 for an entry of one word.
        std::vector<std::uint32_t> premod_second_words;
    };
    // The first token of a match, as a word (a Vocabulary id, no_word for a number) or a number of a shape (0 for a word).
    struct FirstToken {
        std::uint32_t word;
        ShapeSet shape;
    };
    static constexpr std::uint32_t no_word = UINT32_MAX;
    std::uint16_t class_id(std::string_view name, std::string_view where) const;
    void load_lexicon(std::string_view class_name, std::string_view content);
    void load_rules(std::string_view content);
    std::vector<Element> compile_pattern(const std::vector<std::string>& lexemes, std::string_view where);
    void index_rule(std::uint32_t rule_index);
    void index_second_tokens(Candidates& candidates, FirstToken first) const;
    // The lexicon class whose words a slot reads besides digits (see match_slot), if any.
    std::optional<std::uint16_t> word_class_read_by(Slot slot) const;
    void index_requirements();
    bool requirements_met(const Input& in, std::size_t at, const Rule& rule) const;
    std::optional<int> tense_of_pair(std::uint32_t word, std::uint32_t next) const;
    void first_keys(const Continuation* c, TokenKeys& keys) const;
    void second_keys(const Continuation* c, FirstToken first, TokenKeys& keys) const;
    Starts& starts_of(std::uint32_t word);
    // One line of tense.tsv (its fields): a cue word or pair with its tense, or a determiner, deadline, deferral or
    // opening word; flagged passive or backshift.
    void add_tense_line(std::string_view path, const std::vector<std::string_view>& fields);
    // What tense.tsv says of a word besides its tense, as bits of word_roles_; and whether it starts a cue pair.
    enum WordRole : std::uint8_t {
        passive_auxiliary_role = 1,
        backshift_auxiliary_role = 2,
        determiner_role = 4,
        deadline_role = 8,
        deferral_role = 16,
        starts_tense_pair_role = 32,
        opening_role = 64,
    };
    bool has_role(std::uint32_t word, WordRole role) const { return (word_roles_[word] & role) != 0; }

    template <class Visit>
    void match_class(const Input& in, std::size_t at, std::uint16_t lexicon_class, Visit&& visit) const;
    template <class Visit>
    void match_slot(const Input& in, std::size_t at, Slot slot, Visit&& visit) const;
    bool read_number_words(const Input& in, std::size_t at, long long& value, std::size_t& end) const;
    // Defined here, as the next two are, to be inlined: find_all asks at every token that may start a match.
    static NextToken next_token(const Input& in, std::size_t at) {
        NextToken next;
        // A match of more than one token goes on to the next token, unless that starts a new line.
        next.present = at + 1 < in.size() && !in.tokens[at + 1].newline_before;
        next.word = next.present ? in.tokens[at + 1].word : 0;
        next.shape = next.present && in.tokens[at + 1].kind == TokenKind::number
                         ? shape_bit(in.tokens[at + 1].shape->kind)
                         : ShapeSet{0};
        return next;
    }
    // The rules that can start at a number token, by its shape; null for a word.
    const Candidates* rules_by_shape(const Token& first) const {
        return first.kind == TokenKind::number ? &rules_by_first_shape_[static_cast<std::size_t>(first.shape->kind)]
                                               : nullptr;
    }
    // Whether a rule can start at the token, by what it and the next token are (the test longest_match begins with).
    bool rule_may_start(const Input& in, std::size_t at) const {
        const NextToken next = next_token(in, at);
        const Candidates* by_shape = rules_by_shape(in.tokens[at]);
        return starts_[in.tokens[at].word].rules.admit_next(next) || (by_shape && by_shape->admit_next(next));
    }
    bool longest_match(const Input& in, std::size_t at, Match& best, std::vector<Capture>& captures) const;
    std::size_t longest_entry(const Input& in, std::size_t at, std::uint16_t lexicon_class,
                              const LexiconEntry*& entry) const;

    std::vector<std::string> class_names_;
    Vocabulary vocabulary_;
    std::vector<LexiconEntry> entries_;
    std::vector<Rule> rules_;
    std::vector<std::uint64_t> requirement_words_;  // the bitsets of words of the rules' requirements (see Requirement)
    std::vector<Starts> starts_;  // by word id
    // By word id: whether it starts a rule or a modifier. find_all tests every token; a byte is quicker to read than
    // the token's Starts.
    std::vector<std::uint8_t> starts_match_;
    std::array<Candidates, shape_kinds> rules_by_first_shape_;  // rules that can start at a number
    std::uint32_t hyphen_ = 0;    // the word id of "-"
    static constexpr std::int8_t no_tense = -128;
    std::vector<std::int8_t> tense_of_word_;          // by word id
    std::vector<std::pair<std::uint64_t, int>> tense_of_pair_;  // (first id << 32 | second id, tense), sorted
    std::vector<std::uint8_t> word_roles_;  // by word id: WordRole bits
    std::array<WordSet, 4> joiners_;  // by Joint
    std::uint16_t number_class_ = 0, multiplier_class_ = 0, ordinal_class_ = 0, premod_class_ = 0, postmod_class_ = 0;
};

// Resource files compiled into the library (generated by CMake from src/resources).
struct Resource {
    std::string_view path;     // "lexicon/month.tsv"
    std::string_view content;
};
const std::vector<Resource>& embedded_resources();

}  // namespace chronoweave::impl
