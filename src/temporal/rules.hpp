#pragma once
// The compiled temporal grammar: lexicons (word lists with their meanings) and rules (token patterns with actions),
// both read from the resource files at construction. Internal to the library.
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "../text/token.hpp"
#include "frame.hpp"

namespace chronoweave::impl {

// A word's key: for a word of fewer than eight bytes, its bytes and its length, so that equal keys mean equal words;
// for a longer one, a hash of its length and all its bytes, with the top byte all ones.
[[gnu::always_inline]] inline std::uint64_t word_key(std::string_view word) noexcept {
    const std::size_t n = word.size();
    const auto* p = reinterpret_cast<const unsigned char*>(word.data());
    if (n >= 8) {
        std::uint64_t h = n * 0x9E3779B97F4A7C15ULL, chunk;
        for (std::size_t i = 0; i + 8 < n; i += 8) {
            std::memcpy(&chunk, p + i, 8);
            h = (h ^ chunk) * 0xC2B2AE3D27D4EB4FULL;
            h ^= h >> 31;
        }
        std::memcpy(&chunk, p + n - 8, 8);  // the last eight bytes, overlapping the chunk before when need be
        h = (h ^ chunk) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 29;
        return h | std::uint64_t{0xFF} << 56;
    }
    std::uint64_t packed = 0;
    if (n >= 4) {  // two overlapping loads: the bytes they share are the same bytes
        std::uint32_t first, last;
        std::memcpy(&first, p, 4);
        std::memcpy(&last, p + n - 4, 4);
        packed = first | std::uint64_t{last} << (8 * (n - 4));
    } else if (n > 0) {
        packed = p[0] | std::uint64_t{p[n / 2]} << (8 * (n / 2)) | std::uint64_t{p[n - 1]} << (8 * (n - 1));
    }
    return packed | std::uint64_t{n} << 56;
}

// word_key of a token's norm, which can be read past its end (see Token::norm): a short word is one load, and no
// branch depends on its length, which is the same in every document and different at every token.
[[gnu::always_inline]] inline std::uint64_t token_key(std::string_view norm) noexcept {
    const std::size_t n = norm.size();
    if (std::endian::native != std::endian::little || n >= 8) return word_key(norm);
    std::uint64_t bytes;
    std::memcpy(&bytes, norm.data(), 8);
    return (bytes & ((std::uint64_t{1} << (8 * n)) - 1)) | std::uint64_t{n} << 56;
}

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

// Every word the grammar names (lexicon phrases, rule literals), numbered from 1: a document's tokens are looked up
// once each, and matching then compares and indexes by number. 0 is every other word.
class Vocabulary {
public:
    Vocabulary();
    std::uint32_t add(std::string_view word);
    // Inline and branch-light: it runs once per token of every document, and most tokens are not in it. A word's
    // key can sit only in the one bucket its hash names, four keys compared all at once: every token compares every
    // key of its bucket, so buckets are small and many.
    std::uint32_t find(std::string_view word) const noexcept { return find_by_key(word_key(word), word); }
    // find() for a token's norm (see token_key). A fifth of a text's tokens are one byte, mostly punctuation: they
    // are a table lookup.
    std::uint32_t find_token(std::string_view norm) const noexcept {
        if (norm.size() == 1) return one_byte_ids_[static_cast<unsigned char>(norm[0])];
        return find_by_key(token_key(norm), norm);
    }
    std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(words_.size()); }  // ids are below this

private:
    static constexpr std::size_t bucket_size = 4;
    std::uint32_t find_by_key(std::uint64_t key, std::string_view word) const noexcept {
        const std::size_t bucket = bucket_of(key);
        const std::uint64_t* keys = keys_[bucket].key;
        std::uint32_t id = 0;
        for (std::size_t k = 0; k < bucket_size; ++k) id = keys[k] == key ? ids_[bucket][k] : id;
        // Keys of words of eight bytes or more are hashes: a hit must be the word itself.
        if (word.size() >= 8 && id != 0 && words_[id] != word) id = 0;
        return id;
    }
    struct alignas(32) KeyBucket {
        std::uint64_t key[bucket_size] = {};  // 0: empty (no word has key 0)
    };
    std::size_t bucket_of(std::uint64_t key) const noexcept {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
    }
    bool place(std::uint32_t id);  // false when the word's bucket is full
    std::vector<std::string> words_;  // by id; words_[0] is unused
    std::vector<KeyBucket> keys_;     // a power of two in size
    std::vector<std::array<std::uint32_t, bucket_size>> ids_;  // by bucket, as keys_
    int shift_;                       // 64 - log2(keys_.size())
    std::array<std::uint32_t, 256> one_byte_ids_{};  // the ids of the words of one byte, by that byte
};

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
constexpr std::size_t shape_kinds = 8;

// Which tokens can stand at a place in a match: words by Vocabulary id, number tokens by shape, or any token at all.
struct TokenKeys {
    std::vector<bool> words;
    ShapeSet shapes = 0;
    bool any = false;
    bool admits(std::uint32_t word, ShapeSet shape) const { return any || words[word] || (shapes & shape) != 0; }
    // admits() for a token and its word id; the token is read only when a number could be admitted.
    bool admits(std::uint32_t word, const Token& token) const {
        return any || words[word] ||
               (shapes != 0 && token.kind == TokenKind::number && (shapes & shape_bit(token.shape.kind)) != 0);
    }
    void merge(const TokenKeys& other);
};

// An element of a pattern that every match of it takes: its first token is one `first` admits, and stands between
// `from` and `to` tokens (inclusive) after the match's first token.
struct Requirement {
    TokenKeys first;
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

    // The Vocabulary id of every token (0 for a word the grammar does not name), once per document.
    std::vector<std::uint32_t> word_ids(const std::vector<Token>& tokens) const;
    // Only the rules indexed under a token's word (or number shape) whose second token can follow are walked.
    // Allocates the result and scratch captures, nothing else.
    std::vector<Match> find_all(const std::vector<Token>& tokens, const std::vector<std::uint32_t>& words) const;
    Frame interpret(const Match& match) const;

    // The tense (-1 past, 0 present, 1 future) a cue word or word pair tells ("will", "set to"), read by the
    // anchoring pass; words are word_ids().
    std::optional<int> tense_cue(std::uint32_t word) const {
        return tense_of_word_[word] == no_tense ? std::nullopt : std::optional<int>(tense_of_word_[word]);
    }
    std::optional<int> tense_cue(std::uint32_t word, std::uint32_t next) const;
    // Forms of "be" that make a following participle passive ("is heard") rather than past.
    bool is_passive_auxiliary(std::uint32_t word) const { return passive_auxiliary_[word]; }
    // Past auxiliaries that put a following future cue in the past ("had been due to", "had planned to").
    bool is_backshift_auxiliary(std::uint32_t word) const { return backshift_auxiliary_[word]; }
    // Words after which an -ed word is an adjective ("a still unspecified date", "its expanded plant"), not a verb.
    bool is_determiner(std::uint32_t word) const { return determiner_[word]; }
    // Whether the word joins two timexes in this way (joiners.tsv).
    bool joins(Joint joint, std::string_view word) const { return joiners_[static_cast<std::size_t>(joint)].contains(word); }

private:
    // A document's tokens and the Vocabulary id of each.
    struct Input {
        const std::vector<Token>& tokens;
        const std::vector<std::uint32_t>& words;
        std::size_t count = tokens.size();  // kept: a vector of tokens divides by their size to tell its size
        std::size_t size() const noexcept { return count; }
    };
    // A rule that can start at a token, and what the next token can be in a match of it that starts there (`any`
    // when one token can be the whole match), so that rules that cannot match are skipped cheaply.
    struct Candidate {
        std::uint32_t rule;                  // into rules_
        TokenKeys second;
    };
    // The rules that can start at a token, and what the next token can be in any of them: most tokens that start a
    // rule ("the", "a", a number) are followed by nothing any rule reads, and that one test rules them all out.
    struct Candidates {
        std::vector<Candidate> rules;
        TokenKeys any_second;
        bool admit_next(bool has_next, std::uint32_t word, ShapeSet shape) const {
            return has_next ? any_second.admits(word, shape) : any_second.any;
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
        bool premod = false;                 // an entry of the premod class is among them
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
    void first_keys(const Continuation* c, TokenKeys& keys) const;
    void second_keys(const Continuation* c, FirstToken first, TokenKeys& keys) const;
    Starts& starts_of(std::uint32_t word);
    // One line of tense.tsv: a cue word or pair with its tense, or a determiner; flagged passive or backshift.
    void add_tense_word(std::string_view word, std::string_view value, std::string_view flag);

    template <class Visit>
    void match_class(const Input& in, std::size_t at, std::uint16_t lexicon_class, Visit&& visit) const;
    template <class Visit>
    void match_slot(const Input& in, std::size_t at, Slot slot, Visit&& visit) const;
    bool read_number_words(const Input& in, std::size_t at, long long& value, std::size_t& end) const;
    bool longest_match(const Input& in, std::size_t at, Match& best, std::vector<Capture>& captures) const;
    std::size_t longest_entry(const Input& in, std::size_t at, std::uint16_t lexicon_class,
                              const LexiconEntry*& entry) const;

    std::vector<std::string> class_names_;
    Vocabulary vocabulary_;
    std::vector<LexiconEntry> entries_;
    std::vector<Rule> rules_;
    std::vector<Starts> starts_;  // by word id
    // By word id: whether it starts a rule or a modifier. find_all tests every token; a byte is quicker to read than
    // the token's Starts.
    std::vector<std::uint8_t> starts_match_;
    std::array<Candidates, shape_kinds> rules_by_first_shape_;  // rules that can start at a number
    std::uint32_t hyphen_ = 0;    // the word id of "-"
    static constexpr std::int8_t no_tense = -128;
    std::vector<std::int8_t> tense_of_word_;          // by word id
    std::vector<std::pair<std::uint64_t, int>> tense_of_pair_;  // (first id << 32 | second id, tense), sorted
    std::vector<bool> passive_auxiliary_, backshift_auxiliary_, determiner_;  // by word id
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
