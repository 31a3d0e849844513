#pragma once
// The compiled temporal grammar: lexicons (word lists with their meanings) and rules (token patterns with actions),
// both read from the resource files at construction. Internal to the library.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "../text/token.hpp"
#include "frame.hpp"

namespace chronoweave::impl {

// Hash maps keyed by words that token norms (string_views) look up without building a std::string per lookup.
struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const noexcept { return std::hash<std::string_view>{}(word); }
};
template <class Value>
using WordMap = std::unordered_map<std::string, Value, WordHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

// A phrase of a lexicon class: "new year's day" in class "holiday" means "month=1 day=1".
struct LexiconEntry {
    std::vector<std::string> tokens;  // normalized as the tokenizer would
    std::vector<Assignment> assignments;
    std::uint16_t lexicon_class = 0;
    bool needs_capital = false;       // "May", "March", "Sun": only capitalized, so the verb "may" is not a month
    bool outside_span = false;        // a modifier that sets mod but stays out of the TIMEX3 span ("about")
};

// Number slots read digits or number words in code; which ones exist is fixed by the grammar (see slot_names).
enum class Slot : std::uint8_t { year, day, month_number, qty, hour, minute, clock, date, month_day, decade, ordinal, year_or_number };

struct Element {
    enum class Kind : std::uint8_t { literal, lexicon_class, slot, group };
    Kind kind = Kind::literal;
    bool optional = false;
    std::string literal;
    std::uint16_t lexicon_class = 0;
    Slot slot = Slot::qty;
    std::vector<std::vector<Element>> alternatives;
};

struct Rule {
    std::string name;
    std::vector<Element> pattern;
    std::vector<Element> right_context;  // must follow the match but stays out of it ("the year / 'ended'")
    std::vector<Assignment> actions;
};

// A pattern element that matched, in pattern order; applied to a Frame in that order, then the rule's actions.
struct Capture {
    const LexiconEntry* entry = nullptr;   // lexicon class capture
    Slot slot = Slot::qty;                 // slot capture when entry == nullptr
    const NumberShape* shape = nullptr;    // the number token a slot read, if any
    long long number = 0;                  // the value a slot read from words
};

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

    std::vector<Match> find_all(const std::vector<Token>& tokens) const;
    Frame interpret(const Match& match) const;

    // Cue words that tell a sentence's tense ("will" -> future), read by the anchoring pass.
    const WordMap<int>& tense_cues() const noexcept { return tense_cues_; }
    // Forms of "be" that make a following participle passive ("is heard") rather than past.
    bool is_passive_auxiliary(std::string_view word) const { return passive_auxiliaries_.contains(word); }
    // Past auxiliaries that put a following future cue in the past ("had been due to", "had planned to").
    bool is_backshift_auxiliary(std::string_view word) const { return backshift_auxiliaries_.contains(word); }
    // Words after which an -ed word is an adjective ("a still unspecified date", "its expanded plant"), not a verb.
    bool is_determiner(std::string_view word) const { return determiners_.contains(word); }
    // Words joining two timexes into a range ("between ... and ...").
    bool is_range_opener(std::string_view word) const { return range_openers_.contains(word); }
    bool is_range_joiner(std::string_view word) const { return range_joiners_.contains(word); }

private:
    struct Entries {
        std::vector<std::uint32_t> indexes;  // into entries_, longest phrase first
    };
    std::uint16_t class_id(std::string_view name, std::string_view where) const;
    void load_lexicon(std::string_view class_name, std::string_view content);
    void load_rules(std::string_view content);
    std::vector<Element> compile_pattern(const std::vector<std::string>& lexemes, std::string_view where) const;
    void index_rule(std::uint32_t rule_index);

    template <class Visit>
    void match_class(const std::vector<Token>& tokens, std::size_t at, std::uint16_t lexicon_class, Visit&& visit) const;
    template <class Visit>
    void match_slot(const std::vector<Token>& tokens, std::size_t at, Slot slot, Visit&& visit) const;
    bool read_number_words(const std::vector<Token>& tokens, std::size_t at, long long& value, std::size_t& end) const;
    bool longest_match(const std::vector<Token>& tokens, std::size_t at, Match& best) const;
    std::size_t longest_entry(const std::vector<Token>& tokens, std::size_t at, std::uint16_t lexicon_class,
                              const LexiconEntry*& entry) const;

    std::vector<std::string> class_names_;
    std::vector<LexiconEntry> entries_;
    WordMap<Entries> entries_by_first_token_;
    std::vector<Rule> rules_;
    WordMap<std::vector<std::uint32_t>> rules_by_first_token_;
    std::vector<std::uint32_t> rules_starting_with_digits_;
    WordMap<int> tense_cues_;
    WordSet range_openers_, range_joiners_, passive_auxiliaries_, backshift_auxiliaries_, determiners_;
    std::uint16_t number_class_ = 0, multiplier_class_ = 0, ordinal_class_ = 0, premod_class_ = 0, postmod_class_ = 0;
};

// Resource files compiled into the library (generated by CMake from src/resources).
struct Resource {
    std::string_view path;     // "lexicon/month.tsv"
    std::string_view content;
};
const std::vector<Resource>& embedded_resources();

}  // namespace chronoweave::impl
