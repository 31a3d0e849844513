#include <algorithm>
#include <array>
#include <bit>
#include <climits>
#include <cstring>
#include <map>
#include <numeric>
#include <utility>

#include <chronoweave/error.hpp>

#include "resource_grammar.hpp"
#include "rules.hpp"

#include "../digits.hpp"
#include "../resource_table.hpp"

namespace chronoweave::impl {

// The rest of a pattern still to match: a position in a sequence, then what follows the enclosing group.
struct Continuation {
    const std::vector<Element>* sequence;
    std::size_t index;
    const Continuation* next;
};

namespace {

constexpr std::array<std::pair<std::string_view, Slot>, 12> slot_names{{
    {"year", Slot::year}, {"day", Slot::day}, {"month_number", Slot::month_number}, {"qty", Slot::qty},
    {"hour", Slot::hour}, {"minute", Slot::minute}, {"clock", Slot::clock}, {"date", Slot::date},
    {"month_day", Slot::month_day}, {"decade", Slot::decade}, {"ordinal", Slot::ordinal},
    {"year_or_number", Slot::year_or_number},
}};

std::vector<std::string_view> lines_of(std::string_view content) {
    std::vector<std::string_view> lines;
    while (!content.empty()) {
        const auto nl = content.find('\n');
        lines.push_back(content.substr(0, nl));
        content = nl == std::string_view::npos ? std::string_view{} : content.substr(nl + 1);
    }
    return lines;
}

bool blank_or_comment(std::string_view line) {
    const auto first = line.find_first_not_of(" \t\r");
    return first == std::string_view::npos || line[first] == '#';
}

// Phrases are split into tokens exactly as the document text is, so they compare token by token.
std::vector<std::string> phrase_tokens(std::string_view phrase) {
    const TokenizedText t = tokenize(phrase);
    std::vector<std::string> out;
    out.reserve(t.tokens.size());
    for (const Token& token : t.tokens) out.emplace_back(token.norm);
    return out;
}

bool in_range(long long v, long long lo, long long hi) { return v >= lo && v <= hi; }

// Whether token `end` is a hyphen glued between the token before it and a lower-case word after it
// ("year-earlier"); before a capitalized word it joins two names ("August-September", "May 3-June 5").
bool ends_inside_compound(const std::vector<Token>& tokens, std::size_t end) {
    if (end == 0 || end + 1 >= tokens.size()) return false;
    const Token& hyphen = tokens[end];
    const Token& next = tokens[end + 1];
    return hyphen.norm == "-" && !hyphen.space_before && !next.space_before && next.kind == TokenKind::word &&
           !next.capitalized;
}

constexpr long long max_count = 1'000'000;
constexpr std::size_t max_number_word_tokens = 4;  // see read_number_words

// The shapes of number token a slot reads (see match_slot).
ShapeSet shapes_read_by(Slot slot) {
    using K = NumberShape::Kind;
    switch (slot) {
        case Slot::day: return shape_bit(K::integer) | shape_bit(K::ordinal);
        case Slot::qty: return shape_bit(K::integer) | shape_bit(K::grouped) | shape_bit(K::decimal);
        case Slot::clock: return shape_bit(K::clock);
        case Slot::date: return shape_bit(K::ymd);
        case Slot::month_day: return shape_bit(K::month_day);
        case Slot::decade: return shape_bit(K::decade);
        case Slot::ordinal: return shape_bit(K::ordinal);
        case Slot::year: case Slot::month_number: case Slot::hour: case Slot::minute: case Slot::year_or_number:
            return shape_bit(K::integer);
    }
    return 0;
}


}  // namespace

Grammar::Grammar() {
    // Classes the code reads by name; the rest come from the lexicon files present.
    for (const Resource& r : embedded_resources()) {
        if (r.path.rfind("lexicon/", 0) != 0) continue;
        std::string_view name = r.path.substr(8);
        name = name.substr(0, name.rfind('.'));
        class_names_.emplace_back(name);
    }
    for (const Resource& r : embedded_resources()) {
        if (r.path.rfind("lexicon/", 0) != 0) continue;
        std::string_view name = r.path.substr(8);
        load_lexicon(name.substr(0, name.rfind('.')), r.content);
    }
    number_class_ = class_id("number", "grammar");
    multiplier_class_ = class_id("multiplier", "grammar");
    ordinal_class_ = class_id("ordinal", "grammar");
    premod_class_ = class_id("premod", "grammar");
    postmod_class_ = class_id("postmod", "grammar");
    for (Starts& starts : starts_) {
        std::stable_sort(starts.entries.begin(), starts.entries.end(), [&](const StartingEntry& a, const StartingEntry& b) {
            if (a.lexicon_class != b.lexicon_class) return a.lexicon_class < b.lexicon_class;
            return entries_[a.index].words.size() > entries_[b.index].words.size();
        });
        for (const StartingEntry& e : starts.entries)
            if (e.lexicon_class == premod_class_) starts.premod_second_words.push_back(e.second_word);
        std::sort(starts.premod_second_words.begin(), starts.premod_second_words.end());
        starts.premod_second_words.erase(
            std::unique(starts.premod_second_words.begin(), starts.premod_second_words.end()),
            starts.premod_second_words.end());
    }
    for (const Resource& r : embedded_resources()) {
        if (r.path == "timex.rules") load_rules(r.content);
        if (r.path == "tense.tsv")
            for_each_row(r.path, r.content, 2,
                         [&](const std::vector<std::string_view>& fields) { add_tense_line(r.path, fields); });
        if (r.path == "joiners.tsv")
            for_each_row(r.path, r.content, 2, [&](const std::vector<std::string_view>& fields) {
                static constexpr std::pair<std::string_view, Joint> joints[] = {
                    {"range_opener", Joint::range_opener}, {"range_joiner", Joint::range_joiner},
                    {"duration_sum", Joint::duration_sum}, {"clock_day", Joint::clock_day}};
                const auto* joint = std::find_if(std::begin(joints), std::end(joints),
                                                 [&](const auto& j) { return j.first == fields[1]; });
                if (joint == std::end(joints) || fields.size() > 2)
                    throw ResourceError(std::string(r.path) + ": unknown joint '" + std::string(fields[1]) + "' for '" +
                                        std::string(fields[0]) + "'");
                joiners_[static_cast<std::size_t>(joint->second)].emplace(fields[0]);
            });
    }
    if (rules_.empty()) throw ResourceError("timex.rules: no rules");
    hyphen_ = vocabulary_.add("-");
    starts_.resize(vocabulary_.size());
    tense_of_word_.resize(vocabulary_.size(), no_tense);
    word_roles_.resize(vocabulary_.size(), 0);
    std::sort(tense_of_pair_.begin(), tense_of_pair_.end());
    for (const auto& [key, tense] : tense_of_pair_) word_roles_[key >> 32] |= starts_tense_pair_role;
    for (std::uint32_t word = 0; word < starts_.size(); ++word) index_second_tokens(starts_[word].rules, {word, 0});
    for (const Starts& starts : starts_) starts_match_.push_back(!starts.rules.rules.empty() || !starts.premod_second_words.empty());
    for (std::size_t kind = 0; kind < shape_kinds; ++kind)
        index_second_tokens(rules_by_first_shape_[kind], {no_word, static_cast<ShapeSet>(1u << kind)});
    index_requirements();
}

std::optional<std::uint16_t> Grammar::word_class_read_by(Slot slot) const {
    switch (slot) {
        case Slot::year: case Slot::qty: case Slot::year_or_number: return number_class_;
        case Slot::day: case Slot::ordinal: return ordinal_class_;
        default: return std::nullopt;
    }
}

// What the first token a continuation takes can be; `any` when it can take none, so that whatever follows goes.
void Grammar::first_keys(const Continuation* c, TokenKeys& keys) const {
    if (!c) {
        keys.any = true;
        return;
    }
    if (c->index == c->sequence->size()) return first_keys(c->next, keys);
    const Element& e = (*c->sequence)[c->index];
    const Continuation rest{c->sequence, c->index + 1, c->next};
    switch (e.kind) {
        case Element::Kind::literal: keys.words[e.word] = true; break;
        case Element::Kind::lexicon_class:
            for (const LexiconEntry& entry : entries_)
                if (entry.lexicon_class == e.lexicon_class) keys.words[entry.words.front()] = true;
            break;
        case Element::Kind::slot:  // digits, or number or ordinal words (see match_slot)
            keys.shapes |= shapes_read_by(e.slot);
            if (const auto cls = word_class_read_by(e.slot))
                for (const LexiconEntry& entry : entries_)
                    if (entry.lexicon_class == *cls) keys.words[entry.words.front()] = true;
            break;
        case Element::Kind::group:
            for (const auto& alternative : e.alternatives) {
                const Continuation inner{&alternative, 0, &rest};
                first_keys(&inner, keys);
            }
            break;
    }
    if (e.optional) first_keys(&rest, keys);
}

// What the token after the first can be, over every way the continuation can take `first` as its first token.
void Grammar::second_keys(const Continuation* c, FirstToken first, TokenKeys& keys) const {
    if (!c) return;
    if (c->index == c->sequence->size()) return second_keys(c->next, first, keys);
    const Element& e = (*c->sequence)[c->index];
    const Continuation rest{c->sequence, c->index + 1, c->next};
    switch (e.kind) {
        case Element::Kind::literal:
            if (e.word == first.word) first_keys(&rest, keys);
            break;
        case Element::Kind::lexicon_class:
            if (first.word == no_word) break;
            for (const StartingEntry& starting : starts_[first.word].entries) {
                const LexiconEntry& entry = entries_[starting.index];
                if (entry.lexicon_class != e.lexicon_class) continue;
                if (entry.words.size() == 1) first_keys(&rest, keys);
                else keys.words[entry.words[1]] = true;
            }
            break;
        case Element::Kind::slot:
            if (first.shape & shapes_read_by(e.slot)) first_keys(&rest, keys);  // a number token is read alone
            if (first.word == no_word) break;
            // Number and ordinal words may go on: "twenty-four", "nineteen ninety", "three hundred".
            for (const StartingEntry& starting : starts_[first.word].entries) {
                const std::uint16_t cls = starting.lexicon_class;
                if (cls != number_class_ && cls != ordinal_class_) continue;
                first_keys(&rest, keys);
                keys.words[hyphen_] = true;
                for (const LexiconEntry& entry : entries_) {
                    if (entry.lexicon_class == number_class_ || entry.lexicon_class == multiplier_class_)
                        keys.words[entry.words.front()] = true;
                    if (entry.lexicon_class == ordinal_class_ && entry.words.size() > 1) keys.words[entry.words[1]] = true;
                }
                break;
            }
            break;
        case Element::Kind::group:
            for (const auto& alternative : e.alternatives) {
                const Continuation inner{&alternative, 0, &rest};
                second_keys(&inner, first, keys);
            }
            break;
    }
    if (e.optional) second_keys(&rest, first, keys);
}

void Grammar::index_second_tokens(Candidates& candidates, FirstToken first) const {
    candidates.any_second.words.assign(vocabulary_.size(), false);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> after_word;  // (word, rule)
    for (std::uint32_t rule : candidates.rules) {
        TokenKeys second;
        second.words.assign(vocabulary_.size(), false);
        const Continuation start{&rules_[rule].pattern, 0, nullptr};
        second_keys(&start, first, second);
        candidates.any_second.merge(second);
        if (second.any) {
            candidates.after_any.push_back(rule);
            continue;
        }
        for (std::uint32_t word = 0; word < second.words.size(); ++word)
            if (second.words[word]) after_word.emplace_back(word, rule);
        for (std::size_t kind = 0; kind < shape_kinds; ++kind)
            if (second.shapes & (1u << kind)) candidates.after_shape[kind].push_back(rule);
    }
    if (after_word.empty()) return;
    std::sort(after_word.begin(), after_word.end());
    candidates.after_word_begin.assign(vocabulary_.size() + 1, 0);
    for (const auto& [word, rule] : after_word) ++candidates.after_word_begin[word + 1];
    std::partial_sum(candidates.after_word_begin.begin(), candidates.after_word_begin.end(),
                     candidates.after_word_begin.begin());
    for (const auto& [word, rule] : after_word) candidates.after_word.push_back(rule);
}

// Most rules a token's first two words admit still fail at a later word ("the second round" is no "the second
// quarter"): a rule's requirements let a glance at the next few tokens rule it out before its pattern is walked.
void Grammar::index_requirements() {
    std::vector<std::size_t> shortest_phrase(class_names_.size(), SIZE_MAX), longest_phrase(class_names_.size(), 0);
    for (const LexiconEntry& entry : entries_) {
        shortest_phrase[entry.lexicon_class] = std::min(shortest_phrase[entry.lexicon_class], entry.words.size());
        longest_phrase[entry.lexicon_class] = std::max(longest_phrase[entry.lexicon_class], entry.words.size());
    }
    // The fewest and the most tokens an element takes (see match_class, match_slot and read_number_words).
    using Extent = std::pair<std::size_t, std::size_t>;
    auto extent = [&](auto& self, const Element& e) -> Extent {
        Extent taken{1, 1};
        switch (e.kind) {
            case Element::Kind::literal: break;
            case Element::Kind::lexicon_class:
                taken = {shortest_phrase[e.lexicon_class], longest_phrase[e.lexicon_class]};
                break;
            case Element::Kind::slot:
                if (e.slot == Slot::year) taken.second = 2 * max_number_word_tokens;  // "nineteen ninety-six"
                if (e.slot == Slot::qty || e.slot == Slot::year_or_number) taken.second = max_number_word_tokens;
                if (e.slot == Slot::day || e.slot == Slot::ordinal)
                    taken.second = std::max<std::size_t>(1, longest_phrase[ordinal_class_]);
                break;
            case Element::Kind::group:
                taken = {SIZE_MAX, 0};
                for (const auto& alternative : e.alternatives) {
                    Extent sum{0, 0};
                    for (const Element& inner : alternative) {
                        const Extent part = self(self, inner);
                        sum = {sum.first + part.first, sum.second + part.second};
                    }
                    taken = {std::min(taken.first, sum.first), std::max(taken.second, sum.second)};
                }
                break;
        }
        if (e.optional) taken.first = 0;
        return taken;
    };
    const std::size_t bitset_size = (vocabulary_.size() + 63) / 64;
    std::map<std::vector<std::uint64_t>, std::uint32_t> offset_of_words;  // each bitset once
    for (Rule& rule : rules_) {
        Extent before{0, 0};  // the fewest and the most tokens the elements before this one take
        for (std::size_t k = 0; k < rule.pattern.size(); ++k) {
            const Element& e = rule.pattern[k];
            if (k > 0 && !e.optional) {
                const std::vector<Element> alone{e};
                const Continuation c{&alone, 0, nullptr};
                TokenKeys first{std::vector<bool>(vocabulary_.size(), false)};
                first_keys(&c, first);
                // An element that can match without a token of its own requires none.
                if (first.any) continue;
                std::vector<std::uint64_t> words(bitset_size, 0);
                for (std::size_t word = 0; word < first.words.size(); ++word)
                    if (first.words[word]) words[word / 64] |= std::uint64_t{1} << (word % 64);
                const auto [at, added] =
                    offset_of_words.try_emplace(words, static_cast<std::uint32_t>(requirement_words_.size()));
                if (added) requirement_words_.insert(requirement_words_.end(), words.begin(), words.end());
                rule.requirements.push_back({at->second, first.shapes, before.first, before.second});
            }
            const Extent taken = extent(extent, e);
            before = {before.first + taken.first, before.second + taken.second};
        }
        std::stable_sort(rule.requirements.begin(), rule.requirements.end(),
                         [](const Requirement& a, const Requirement& b) { return a.to - a.from < b.to - b.from; });
    }
}

void TokenKeys::merge(const TokenKeys& other) {
    for (std::size_t word = 0; word < other.words.size(); ++word)
        if (other.words[word]) words[word] = true;
    shapes |= other.shapes;
    any = any || other.any;
}

// A cue is a word or two ("set to"), the words as token norms. A later line for the same cue wins, as in a map.
void Grammar::add_tense_line(std::string_view path, const std::vector<std::string_view>& fields) {
    struct Value {
        std::string_view name;
        std::int8_t tense;  // no_tense for a role alone
        std::uint8_t roles;
    };
    static constexpr Value values[] = {
        {"past", -1, 0},
        {"present", 0, 0},
        {"future", 1, 0},
        {"future_in_past", 2, 0},
        {"determiner", no_tense, determiner_role},
        {"deadline", no_tense, deadline_role},
        {"deferral", no_tense, deferral_role},
        {"opening", no_tense, opening_role},
    };
    static constexpr std::pair<std::string_view, std::uint8_t> flags[] = {
        {"", 0}, {"passive", passive_auxiliary_role}, {"backshift", backshift_auxiliary_role}};
    const std::string_view word = fields[0];
    const Value* value =
        std::find_if(std::begin(values), std::end(values), [&](const Value& v) { return v.name == fields[1]; });
    if (value == std::end(values))
        throw ResourceError(std::string(path) + ": unknown value '" + std::string(fields[1]) + "' for '" +
                            std::string(word) + "'");
    const std::string_view flag_name = fields.size() > 2 ? fields[2] : "";
    const auto* flag =
        std::find_if(std::begin(flags), std::end(flags), [&](const auto& f) { return f.first == flag_name; });
    if (fields.size() > 3 || flag == std::end(flags))
        throw ResourceError(std::string(path) + ": unknown flag '" + std::string(flag_name) + "' for '" +
                            std::string(word) + "'");
    if (const std::uint8_t roles = value->roles | flag->second) {
        const std::uint32_t id = vocabulary_.add(word);
        if (id >= word_roles_.size()) word_roles_.resize(id + 1, 0);
        word_roles_[id] |= roles;
    }
    if (value->tense == no_tense) return;
    const auto space = word.find(' ');
    const std::uint32_t first = vocabulary_.add(word.substr(0, space));
    if (space != std::string_view::npos) {
        const std::uint64_t key = std::uint64_t{first} << 32 | vocabulary_.add(word.substr(space + 1));
        std::erase_if(tense_of_pair_, [&](const auto& pair) { return pair.first == key; });
        tense_of_pair_.emplace_back(key, value->tense);
    } else {
        if (first >= tense_of_word_.size()) tense_of_word_.resize(first + 1, no_tense);
        tense_of_word_[first] = value->tense;
    }
}

std::optional<int> Grammar::tense_of_pair(std::uint32_t word, std::uint32_t next) const {
    if (word == 0 || next == 0) return std::nullopt;
    const std::uint64_t key = std::uint64_t{word} << 32 | next;
    const auto it = std::lower_bound(tense_of_pair_.begin(), tense_of_pair_.end(), std::pair<std::uint64_t, int>{key, INT_MIN});
    if (it == tense_of_pair_.end() || it->first != key) return std::nullopt;
    return it->second;
}

Grammar::Starts& Grammar::starts_of(std::uint32_t word) {
    if (word >= starts_.size()) starts_.resize(word + 1);
    return starts_[word];
}

std::uint16_t Grammar::class_id(std::string_view name, std::string_view where) const {
    for (std::size_t i = 0; i < class_names_.size(); ++i)
        if (class_names_[i] == name) return static_cast<std::uint16_t>(i);
    throw ResourceError(std::string(where) + ": no lexicon class '" + std::string(name) + "'");
}

void Grammar::load_lexicon(std::string_view class_name, std::string_view content) {
    const std::uint16_t cls = class_id(class_name, class_name);
    std::size_t line_number = 0;
    for (std::string_view line : lines_of(content)) {
        ++line_number;
        if (blank_or_comment(line)) continue;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::string where = "lexicon/" + std::string(class_name) + ".tsv:" + std::to_string(line_number);
        ast::LexiconLine parsed;
        if (!parse_lexicon_line(line, parsed)) throw ResourceError(where + ": expected 'phrase<TAB>key=value ...[<TAB>flags]'");
        LexiconEntry entry;
        entry.lexicon_class = cls;
        for (const std::string& token : phrase_tokens(parsed.phrase)) entry.words.push_back(vocabulary_.add(token));
        if (entry.words.empty()) throw ResourceError(where + ": empty phrase");
        for (auto& [key, value] : parsed.assignments) entry.assignments.push_back(parse_assignment(key, value, where));
        Frame meaning;
        impl::apply(meaning, entry.assignments);
        entry.qty = meaning.qty;
        entry.nth = meaning.nth;
        for (auto& flag : parsed.flags) {
            if (flag == "cap") entry.needs_capital = true;
            else if (flag == "outside") entry.outside_span = true;
            else if (flag == "name") entry.given_name = true;
            else throw ResourceError(where + ": unknown flag '" + flag + "'");
        }
        starts_of(entry.words.front()).entries.push_back(
            {static_cast<std::uint32_t>(entries_.size()), entry.words.size() > 1 ? entry.words[1] : 0, cls});
        entries_.push_back(std::move(entry));
    }
}

void Grammar::load_rules(std::string_view content) {
    std::size_t line_number = 0;
    for (std::string_view line : lines_of(content)) {
        ++line_number;
        if (blank_or_comment(line)) continue;
        const std::string where = "timex.rules:" + std::to_string(line_number);
        ast::RuleLine parsed;
        if (!parse_rule_line(line, parsed)) throw ResourceError(where + ": expected 'name: pattern => key=value ...'");
        Rule rule;
        rule.name = parsed.name;
        // "pattern / context": the context must follow a match but is not part of it.
        const auto slash = std::find(parsed.lexemes.begin(), parsed.lexemes.end(), "/");
        rule.pattern = compile_pattern({parsed.lexemes.begin(), slash}, where);
        if (slash != parsed.lexemes.end()) rule.right_context = compile_pattern({slash + 1, parsed.lexemes.end()}, where);
        for (auto& [key, value] : parsed.actions) rule.actions.push_back(parse_assignment(key, value, where));
        rules_.push_back(std::move(rule));
        index_rule(static_cast<std::uint32_t>(rules_.size() - 1));
    }
}

std::vector<Element> Grammar::compile_pattern(const std::vector<std::string>& lexemes, std::string_view where) {
    std::size_t pos = 0;
    auto fail = [&](const std::string& what) -> std::vector<Element> {
        throw ResourceError(std::string(where) + ": " + what);
    };
    // sequence := (atom '?'?)+ ; atom := literal | @class | #slot | '(' sequence ('|' sequence)* ')'
    auto sequence = [&](auto& self) -> std::vector<Element> {
        std::vector<Element> seq;
        while (pos < lexemes.size() && lexemes[pos] != "|" && lexemes[pos] != ")") {
            const std::string& lx = lexemes[pos++];
            Element e;
            if (lx == "(") {
                e.kind = Element::Kind::group;
                e.alternatives.push_back(self(self));
                while (pos < lexemes.size() && lexemes[pos] == "|") {
                    ++pos;
                    e.alternatives.push_back(self(self));
                }
                if (pos >= lexemes.size() || lexemes[pos] != ")") return fail("unbalanced '('");
                ++pos;
            } else if (lx == "?") {
                return fail("'?' must follow an element");
            } else if (lx[0] == '@') {
                e.kind = Element::Kind::lexicon_class;
                e.lexicon_class = class_id(lx.substr(1), where);
            } else if (lx[0] == '#') {
                e.kind = Element::Kind::slot;
                const auto it = std::find_if(slot_names.begin(), slot_names.end(),
                                             [&](auto& s) { return s.first == std::string_view(lx).substr(1); });
                if (it == slot_names.end()) return fail("unknown slot '" + lx + "'");
                e.slot = it->second;
            } else {
                e.kind = Element::Kind::literal;
                const auto tokens = phrase_tokens(lx.substr(1, lx.size() - 2));
                if (tokens.size() != 1) return fail("a literal must be one token: " + lx);
                e.word = vocabulary_.add(tokens.front());
            }
            if (pos < lexemes.size() && lexemes[pos] == "?") {
                e.optional = true;
                ++pos;
            }
            if (e.kind == Element::Kind::group && e.alternatives.empty()) return fail("empty group");
            seq.push_back(std::move(e));
        }
        if (seq.empty()) return fail("empty pattern or alternative");
        return seq;
    };
    auto pattern = sequence(sequence);
    if (pos != lexemes.size()) return fail("unexpected '" + lexemes[pos] + "'");
    return pattern;
}

// Index a rule under every token that can start it, so the scan only tries rules that can match.
void Grammar::index_rule(std::uint32_t rule_index) {
    std::vector<std::uint32_t> words;
    ShapeSet shapes = 0;
    auto add_class = [&](std::uint16_t cls) {
        for (const LexiconEntry& entry : entries_)
            if (entry.lexicon_class == cls) words.push_back(entry.words.front());
    };
    // Returns whether the sequence can match nothing (all elements optional).
    auto first_of = [&](auto& self, const std::vector<Element>& seq) -> bool {
        for (const Element& e : seq) {
            bool nullable = e.optional;
            switch (e.kind) {
                case Element::Kind::literal: words.push_back(e.word); break;
                case Element::Kind::lexicon_class: add_class(e.lexicon_class); break;
                case Element::Kind::slot:
                    shapes |= shapes_read_by(e.slot);
                    if (const auto cls = word_class_read_by(e.slot)) add_class(*cls);
                    break;
                case Element::Kind::group:
                    for (auto& alt : e.alternatives) nullable = self(self, alt) || nullable;
                    break;
            }
            if (!nullable) return false;
        }
        return true;
    };
    if (first_of(first_of, rules_[rule_index].pattern))
        throw ResourceError("timex.rules: rule '" + rules_[rule_index].name + "' can match nothing");
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    for (std::uint32_t w : words) starts_of(w).rules.rules.push_back(rule_index);
    for (std::size_t kind = 0; kind < shape_kinds; ++kind)
        if (shapes & (1u << kind)) rules_by_first_shape_[kind].rules.push_back(rule_index);
}

bool Grammar::requirements_met(const Input& in, std::size_t at, const Rule& rule) const {
    for (const Requirement& required : rule.requirements) {
        const std::uint64_t* words = requirement_words_.data() + required.words;
        // A token's shape is read only when a number could be admitted.
        auto admits = [&](const Token& t) {
            return ((words[t.word / 64] >> (t.word % 64)) & 1) != 0 ||
                   (required.shapes != 0 && t.kind == TokenKind::number && (required.shapes & shape_bit(t.shape->kind)) != 0);
        };
        bool seen = false;
        const std::size_t last = std::min(at + required.to, in.size() - 1);
        for (std::size_t ti = at + required.from; ti <= last && !seen; ++ti) seen = admits(in.tokens[ti]);
        if (!seen) return false;
    }
    return true;
}

template <class Visit>
void Grammar::match_class(const Input& in, std::size_t at, std::uint16_t cls, Visit&& visit) const {
    if (at >= in.size()) return;
    for (const StartingEntry& starting : starts_[in.tokens[at].word].entries) {
        if (starting.lexicon_class != cls) {
            if (starting.lexicon_class > cls) break;
            continue;
        }
        if (starting.second_word != 0 && (at + 1 >= in.size() || in.tokens[at + 1].word != starting.second_word)) continue;
        const LexiconEntry& e = entries_[starting.index];
        if (e.needs_capital && !in.tokens[at].capitalized) continue;
        if (at + e.words.size() > in.size()) continue;
        bool same = true;
        for (std::size_t k = 1; k < e.words.size() && same; ++k)
            same = in.tokens[at + k].word == e.words[k] && !in.tokens[at + k].newline_before;
        if (!same) continue;
        const std::size_t end = at + e.words.size();
        if (e.given_name && end < in.size() && in.tokens[end].capitalized && !in.tokens[end].newline_before) continue;
        visit(e, end);
    }
}

std::size_t Grammar::longest_entry(const Input& in, std::size_t at, std::uint16_t cls, const LexiconEntry*& entry) const {
    std::size_t best = at;
    match_class(in, at, cls, [&](const LexiconEntry& e, std::size_t end) {
        if (end > best) { best = end; entry = &e; }
    });
    return best;
}

// Number words: "two", "twenty-four", "twenty four", "a hundred" is left to rules, "three hundred", "1 million".
// They take max_number_word_tokens at most: "twenty - four million".
bool Grammar::read_number_words(const Input& in, std::size_t at, long long& value, std::size_t& end) const {
    auto word_value = [&](std::size_t i, std::uint16_t cls) -> std::optional<long long> {
        std::optional<long long> v;
        match_class(in, i, cls, [&](const LexiconEntry& e, std::size_t stop) {
            if (stop == i + 1 && e.qty) v = *e.qty;
        });
        return v;
    };
    auto first = word_value(at, number_class_);
    if (!first) return false;
    value = *first;
    std::size_t i = at + 1;
    if (*first >= 20 && *first < 100 && *first % 10 == 0) {
        std::size_t j = i < in.size() && in.tokens[i].word == hyphen_ ? i + 1 : i;
        if (auto unit = word_value(j, number_class_); unit && *unit < 10) {
            value += *unit;
            i = j + 1;
        }
    }
    if (auto mult = word_value(i, multiplier_class_)) {
        value *= *mult;
        ++i;
    }
    if (value > max_count) return false;
    end = i;
    return true;
}

template <class Visit>
void Grammar::match_slot(const Input& in, std::size_t at, Slot slot, Visit&& visit) const {
    if (at >= in.size()) return;
    const Token& t = in.tokens[at];
    using K = NumberShape::Kind;
    const NumberShape* shape = t.shape;
    auto integer_in = [&](long long lo, long long hi, int min_digits, int max_digits) {
        return shape && shape->kind == K::integer && shape->digits >= min_digits && shape->digits <= max_digits &&
               in_range(shape->value, lo, hi);
    };
    auto emit_shape = [&] { visit(Capture{nullptr, slot, shape, shape ? shape->value : 0}, at + 1); };
    auto emit_words = [&](std::uint16_t cls) {
        if (cls == number_class_) {
            long long v;
            std::size_t end;
            if (read_number_words(in, at, v, end)) visit(Capture{nullptr, slot, nullptr, v}, end);
            return;
        }
        match_class(in, at, cls, [&](const LexiconEntry& e, std::size_t end) {
            if (e.nth) visit(Capture{nullptr, slot, nullptr, *e.nth}, end);
        });
    };
    // A year said as two numbers, as broadcasts spell it: "nineteen ninety-six", "twenty twenty-five".
    auto emit_year_words = [&] {
        long long hundreds, rest;
        std::size_t middle, end;
        if (!read_number_words(in, at, hundreds, middle) || !in_range(hundreds, 10, 20)) return;
        if (middle >= in.size() || in.tokens[middle].newline_before) return;
        if (!read_number_words(in, middle, rest, end) || !in_range(rest, 10, 99)) return;
        visit(Capture{nullptr, slot, nullptr, hundreds * 100 + rest}, end);
    };
    switch (slot) {
        case Slot::year:  // a bare four-digit number is a year only in the span news talks about
            if (integer_in(1000, 2099, 4, 4)) emit_shape();
            else if (!shape) emit_year_words();
            break;
        case Slot::day:
            if (integer_in(1, 31, 1, 2) || (shape && shape->kind == K::ordinal && in_range(shape->value, 1, 31))) emit_shape();
            else if (!shape) emit_words(ordinal_class_);
            break;
        case Slot::month_number:
            if (integer_in(1, 12, 1, 2)) emit_shape();
            break;
        case Slot::hour:
            if (integer_in(0, 24, 1, 2)) emit_shape();
            break;
        case Slot::minute:
            if (integer_in(0, 59, 2, 2)) emit_shape();
            break;
        case Slot::qty:  // counts past a million units name no span of time anyone means; they are not read
            if (shape && (shape->kind == K::integer || shape->kind == K::grouped || shape->kind == K::decimal) &&
                shape->value <= max_count)
                emit_shape();
            else if (!shape) emit_words(number_class_);
            break;
        case Slot::year_or_number:
            if (shape && shape->kind == K::integer) emit_shape();
            else if (!shape) emit_words(number_class_);
            break;
        case Slot::clock:
            if (shape && shape->kind == K::clock) emit_shape();
            break;
        case Slot::date:
            if (shape && shape->kind == K::ymd) emit_shape();
            break;
        case Slot::month_day:
            if (shape && shape->kind == K::month_day) emit_shape();
            break;
        case Slot::decade:
            if (shape && shape->kind == K::decade) emit_shape();
            break;
        case Slot::ordinal:
            if (shape && shape->kind == K::ordinal) emit_shape();
            else if (!shape) emit_words(ordinal_class_);
            break;
    }
}

bool Grammar::longest_match(const Input& in, std::size_t at, Match& best, std::vector<Capture>& captures) const {
    const std::vector<Token>& tokens = in.tokens;
    const NextToken next = next_token(in, at);
    const Candidates& by_word = starts_[tokens[at].word].rules;
    const Candidates* by_shape = rules_by_shape(tokens[at]);
    const bool word_may_start = by_word.admit_next(next);
    const bool shape_may_start = by_shape && by_shape->admit_next(next);
    if (!word_may_start && !shape_may_start) return false;

    bool found = false;
    const Rule* rule = nullptr;
    // Walks every way the continuation matches from token ti, calling done(end) at each complete match.
    auto walk = [&](auto& self, const Continuation* c, std::size_t ti, auto& done) -> void {
        if (!c) return done(ti);
        if (c->index == c->sequence->size()) return self(self, c->next, ti, done);
        const Element& e = (*c->sequence)[c->index];
        const Continuation rest{c->sequence, c->index + 1, c->next};
        // A pattern never reaches across a line break: headlines and datelines are not one phrase.
        const bool can_take = ti < in.size() && (ti == at || !tokens[ti].newline_before);
        if (can_take) {
            switch (e.kind) {
                case Element::Kind::literal:
                    if (in.tokens[ti].word == e.word) self(self, &rest, ti + 1, done);
                    break;
                case Element::Kind::lexicon_class:
                    match_class(in, ti, e.lexicon_class, [&](const LexiconEntry& entry, std::size_t end) {
                        captures.push_back(Capture{&entry});
                        self(self, &rest, end, done);
                        captures.pop_back();
                    });
                    break;
                case Element::Kind::slot:
                    match_slot(in, ti, e.slot, [&](const Capture& capture, std::size_t end) {
                        captures.push_back(capture);
                        self(self, &rest, end, done);
                        captures.pop_back();
                    });
                    break;
                case Element::Kind::group:
                    for (const auto& alternative : e.alternatives) {
                        const Continuation inner{&alternative, 0, &rest};
                        self(self, &inner, ti, done);
                    }
                    break;
            }
        }
        if (e.optional) self(self, &rest, ti, done);
    };
    auto complete = [&](std::size_t ti) {
        // A timex never ends inside a hyphenated word: "a year" is not read out of "a year-earlier quarter".
        if (ends_inside_compound(tokens, ti)) return;
        if (!rule->right_context.empty()) {
            const std::size_t saved = captures.size();
            bool followed = false;
            auto found_context = [&](std::size_t) { followed = true; };
            const Continuation context{&rule->right_context, 0, nullptr};
            walk(walk, &context, ti, found_context);
            captures.resize(saved);
            if (!followed) return;
        }
        // On a tie, a rule whose right context was seen knows more than one without; then the earlier rule wins.
        const auto rank = [](const Rule* r) { return std::pair{r->right_context.empty(), r}; };
        if (!found || ti > best.end || (ti == best.end && rank(rule) < rank(best.rule))) {
            found = true;
            best.begin = at;
            best.end = ti;
            best.rule = rule;
            best.captures = captures;
        }
    };
    auto try_rule = [&](std::uint32_t rule_index) {
        rule = &rules_[rule_index];
        if (!requirements_met(in, at, *rule)) return;
        const Continuation start{&rule->pattern, 0, nullptr};
        walk(walk, &start, at, complete);
    };
    // The rules whose second token admits the next token; which is tried first does not matter, for the longest
    // match and its rank decide.
    auto try_rules = [&](const Candidates& candidates) {
        for (std::uint32_t rule_index : candidates.after_any) try_rule(rule_index);
        if (!next.present) return;
        const std::span<const std::uint32_t> by_next_word = candidates.rules_after_word(next.word);
        for (std::uint32_t rule_index : by_next_word) try_rule(rule_index);
        if (next.shape == 0) return;
        for (std::uint32_t rule_index : candidates.after_shape[static_cast<std::size_t>(std::countr_zero(next.shape))])
            if (std::find(by_next_word.begin(), by_next_word.end(), rule_index) == by_next_word.end()) try_rule(rule_index);
    };
    if (word_may_start) try_rules(by_word);
    if (shape_may_start) try_rules(*by_shape);
    return found;
}

std::vector<Match> Grammar::find_all(const std::vector<Token>& tokens) const {
    const Input in{tokens};
    std::vector<Match> matches;
    std::vector<Capture> captures;
    std::size_t i = 0;
    // Most tokens start nothing: no rule, no modifier, not a number. They are passed over in a loop of their own,
    // which keeps what it reads in registers.
    auto starts_nothing = [starts_match = starts_match_.data()](const Token& t) {
        return !starts_match[t.word] && t.kind != TokenKind::number;
    };
    while (true) {
        const Token* const first = tokens.data() + i;
        i += static_cast<std::size_t>(std::find_if_not(first, tokens.data() + in.size(), starts_nothing) - first);
        if (i == in.size()) break;
        const Starts& starts = starts_[in.tokens[i].word];
        // Most tokens that start a modifier start one of several words ("the end of"), and the next word rules it out.
        const std::vector<std::uint32_t>& premod_seconds = starts.premod_second_words;
        const bool premod_may_start =
            !premod_seconds.empty() &&
            (premod_seconds.front() == 0 || (i + 1 < in.size() && std::binary_search(premod_seconds.begin(),
                                                                                    premod_seconds.end(),
                                                                                    tokens[i + 1].word)));
        // Nor do most tokens that start a rule: the next token is none its rules can take second.
        if (!premod_may_start && !rule_may_start(in, i)) {
            ++i;
            continue;
        }
        Match plain, modified;
        const bool has_plain = longest_match(in, i, plain, captures);
        // A modifier ("about", "early", "the end of") in front of a timex belongs to it.
        const LexiconEntry* premod = nullptr;
        const std::size_t after_premod = premod_may_start ? longest_entry(in, i, premod_class_, premod) : i;
        bool has_modified = false;
        if (premod && after_premod < in.size() && !tokens[after_premod].newline_before &&
            longest_match(in, after_premod, modified, captures)) {
            has_modified = true;
            modified.begin = premod->outside_span ? after_premod : i;
            modified.premod = premod;
        }
        Match* chosen = nullptr;
        if (has_modified && (!has_plain || modified.end > plain.end || (modified.end == plain.end && plain.begin == i &&
                                                                        modified.rule == plain.rule)))
            chosen = &modified;
        else if (has_plain) chosen = &plain;
        if (!chosen) { ++i; continue; }
        const LexiconEntry* postmod = nullptr;
        const std::size_t after_postmod = longest_entry(in, chosen->end, postmod_class_, postmod);
        if (postmod && !tokens[chosen->end].newline_before) {
            chosen->end = after_postmod;
            chosen->postmod = postmod;
        }
        i = chosen->end;
        matches.push_back(std::move(*chosen));
    }
    return matches;
}

void Grammar::interpret(const Match& match, Frame& f) const {
    using K = NumberShape::Kind;
    for (const Capture& c : match.captures) {
        if (c.entry) {
            apply(f, c.entry->assignments);
            continue;
        }
        const NumberShape* s = c.shape;
        const int n = static_cast<int>(std::clamp<long long>(c.number, -1'000'000'000LL, 1'000'000'000LL));
        switch (c.slot) {
            case Slot::year: f.year = n; break;
            case Slot::day: f.day = n; break;
            case Slot::month_number: f.month = n; break;
            case Slot::hour: f.hour = n; break;
            case Slot::minute: f.minute = n; break;
            case Slot::ordinal: f.nth = n; break;
            case Slot::qty: case Slot::year_or_number:
                f.qty = c.number;
                f.vague_qty = false;
                if (s && s->fraction_digits > 0) f.qty_fraction = zero_padded(s->fraction, s->fraction_digits);
                break;
            case Slot::clock:
                f.hour = s->hour;
                f.minute = s->minute;
                if (s->second >= 0) f.second = s->second;
                break;
            case Slot::date:
                f.year = s->year;
                f.two_digit_year = s->digits == 2;
                f.month = s->month;
                if (s->day > 0) f.day = s->day;
                if (s->hour >= 0) { f.hour = s->hour; f.minute = s->minute; }
                break;
            case Slot::month_day:
                f.month = s->month;
                f.day = s->day;
                break;
            case Slot::decade:
                if (s->kind == K::decade && s->digits == 4) {
                    if (s->value % 100 == 0) f.century = static_cast<int>(s->value / 100);  // "the 1900s"
                    else f.decade = static_cast<int>(s->value / 10);
                } else {
                    f.decade = 190 + static_cast<int>(s->value / 10);  // "the 90s": the twentieth century's
                }
                break;
        }
    }
    apply(f, match.rule->actions);
    if (match.premod) apply(f, match.premod->assignments);
    if (match.postmod) apply(f, match.postmod->assignments);
    // "a fortnight ago" is two weeks ago. A fraction of such a word ("1.5 fortnights") is not read.
    if (f.unit_count) {
        if (f.and_half || !f.qty_fraction.empty()) f.reject = true;
        else if (f.qty) *f.qty *= *f.unit_count;
        else if (!f.vague_qty) f.qty = *f.unit_count;
    }
}

}  // namespace chronoweave::impl
