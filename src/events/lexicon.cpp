#include "lexicon.hpp"

#include <chronoweave/error.hpp>

#include <algorithm>

#include "../resource_table.hpp"

namespace chronoweave::impl::events {
namespace {

std::vector<std::string_view> split(std::string_view s, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto at = s.find(separator, start);
        parts.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) return parts;
        start = at + 1;
    }
}

// "-" stands for an empty field.
std::string field(std::string_view s) { return s == "-" ? std::string() : std::string(s); }

std::vector<std::vector<std::string>> phrase_list(std::string_view s) {
    std::vector<std::vector<std::string>> phrases;
    if (s == "-" || s.empty()) return phrases;
    for (std::string_view p : split(s, '|'))
        if (p != "-" && !trimmed(p).empty()) phrases.push_back(phrase_tokens(trimmed(p)));
    return phrases;
}

constexpr std::array<std::string_view, cue_count> cue_names{
    "negation", "possible", "future", "planning", "proposal", "ongoing", "clause_break", "title", "not_actor",
    "time_blocker", "compound_head", "quantity_noun", "vague_count", "past", "determiner", "negation_barrier", "same_occasion",
    "occasion", "third_party", "wish"};

constexpr std::array<TriggerForm, 5> verb_forms{TriggerForm::base, TriggerForm::third_person, TriggerForm::past,
                                                TriggerForm::participle, TriggerForm::gerund};

bool all_capitals(std::string_view s) {
    std::size_t letters = 0;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        letters += c >= 'A' && c <= 'Z';
    }
    return letters >= 2;
}

}  // namespace

std::vector<std::string> phrase_tokens(std::string_view phrase) {
    std::vector<std::string> out;
    for (const Token& t : tokenize(phrase).tokens) out.emplace_back(t.norm);
    return out;
}

void PhraseIndex::add(const std::vector<std::string>& tokens, std::uint32_t value) {
    if (tokens.empty() || tokens.front().empty()) return;
    const std::string& first = tokens.front();
    first_words_[static_cast<unsigned char>(first.front())] |= std::uint64_t{1} << std::min<std::size_t>(first.size(), 63);
    const std::uint32_t id = first_ids_.add(first);
    if (id >= by_first_.size()) by_first_.resize(id + 1);
    auto& list = by_first_[id];
    list.push_back({tokens, value});
    std::stable_sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) { return a.tokens.size() > b.tokens.size(); });
}

bool PhraseIndex::matches_at(const std::vector<Token>& tokens, std::size_t i, std::size_t end, std::size_t* length) const {
    bool found = false;
    for_each_match(tokens, i, end, [&](std::uint32_t, std::size_t n) {
        if (length) *length = n;
        found = true;
        return true;
    });
    return found;
}

bool PhraseIndex::has_word(std::string_view word) const {
    if (!may_start(word)) return false;
    const std::vector<Entry>* entries = starting_with(first_ids_.find(word));
    return entries && std::any_of(entries->begin(), entries->end(), [](const Entry& e) { return e.tokens.size() == 1; });
}

const EventLexicon& EventLexicon::built_in() {
    static const EventLexicon lexicon = [] {
        EventLexicon l;
        // Kinds first: triggers name them.
        const std::array<std::pair<std::string_view, Table>, 4> files{{{"events/kinds.tsv", Table::kinds},
                                                                       {"events/triggers.tsv", Table::triggers},
                                                                       {"events/actors.tsv", Table::actors},
                                                                       {"events/cues.tsv", Table::cues}}};
        for (const auto& [path, table] : files) l.load(table, resource_content(path), path);
        return l;
    }();
    return lexicon;
}

void EventLexicon::load(Table table, std::string_view text, std::string_view source) {
    std::size_t line_number = 0;
    for (std::string_view line : split(text, '\n')) {
        ++line_number;
        line = trimmed(line);
        if (line.empty() || line.front() == '#') continue;
        const auto fields = split(line, '\t');
        auto fail = [&](std::string_view why) {
            throw ResourceError(std::string(source) + ":" + std::to_string(line_number) + ": " + std::string(why) + " in '" +
                                std::string(line.substr(0, 80)) + "'");
        };
        switch (table) {
            case Table::kinds: {
                if (fields.size() != 7) fail("expected 7 fields: kind plover mode cameo subject_role object_role arguments");
                KindInfo k;
                k.name = fields[0];
                k.plover = fields[1];
                k.mode = field(fields[2]);
                k.cameo = fields[3];
                k.subject_role = field(fields[4]);
                k.object_role = field(fields[5]);
                for (std::string_view a : split(fields[6], ',')) {
                    if (a == "place") k.takes_place = true;
                    else if (a == "quantity") k.takes_quantity = true;
                    else if (a == "content") k.reports_content = true;
                    else if (a == "commitment") k.commits = EventStatus::planned;
                    else if (a == "offer") k.commits = EventStatus::proposed;
                    else if (a != "-") fail("unknown argument '" + std::string(a) + "'");
                }
                if (auto existing = kind_index(k.name)) kinds_[*existing] = std::move(k);
                else kinds_.push_back(std::move(k));
                break;
            }
            case Table::triggers: {
                if (fields.size() != 6) fail("expected 6 fields: kind pos forms mode cameo not_before");
                const auto kind = kind_index(fields[0]);
                if (!kind) fail("unknown kind '" + std::string(fields[0]) + "'");
                const bool verb = fields[1] == "verb";
                if (!verb && fields[1] != "noun") fail("pos must be verb or noun");
                const auto forms = split(fields[2], '|');
                if (verb && forms.size() != 5) fail("a verb gives five forms: base|third person|past|participle|-ing");
                for (std::size_t f = 0; f < forms.size(); ++f) {
                    if (trimmed(forms[f]) == "-" || trimmed(forms[f]).empty()) continue;
                    Trigger t{phrase_tokens(trimmed(forms[f])), *kind, verb ? verb_forms[f] : TriggerForm::noun,
                              field(fields[3]), field(fields[4]), phrase_list(fields[5])};
                    if (t.tokens.empty()) fail("empty trigger form");
                    trigger_index_.add(t.tokens, static_cast<std::uint32_t>(triggers_.size()));
                    add_first_word(t.tokens, trigger_bit);
                    triggers_.push_back(std::move(t));
                }
                break;
            }
            case Table::actors: {
                if (fields.size() != 4) fail("expected 4 fields: name type aliases metonyms");
                const std::string type(fields[1]);
                if (type != "person" && type != "state" && type != "organization" && type != "place")
                    fail("type must be person, state, organization or place");
                const std::size_t actor = actors_.size();
                actors_.push_back({std::string(fields[0]), type});
                std::vector<std::pair<std::string_view, bool>> names{{fields[0], false}};
                for (std::size_t f : {2, 3})
                    for (std::string_view n : split(fields[f], '|'))
                        if (trimmed(n) != "-" && !trimmed(n).empty()) names.emplace_back(trimmed(n), f == 3);
                // A person is also named by the last name alone.
                if (type == "person")
                    for (std::size_t k = 0, n = names.size(); k < n; ++k)
                        if (const auto space = names[k].first.rfind(' '); space != std::string_view::npos)
                            names.emplace_back(names[k].first.substr(space + 1), false);
                for (const auto& [n, metonym] : names) {
                    ActorName name{phrase_tokens(n), actor, false, metonym};
                    name.all_capitals = name.tokens.size() == 1 && all_capitals(n);
                    if (name.tokens.empty() || (name.tokens.size() == 1 && name.tokens[0] == "the")) continue;
                    if (name.tokens.front() == "the") name.tokens.erase(name.tokens.begin());
                    actor_index_.add(name.tokens, static_cast<std::uint32_t>(actor_names_.size()));
                    add_first_word(name.tokens, actor_bit);
                    actor_names_.push_back(std::move(name));
                }
                break;
            }
            case Table::cues: {
                if (fields.size() != 2) fail("expected 2 fields: cue class");
                const auto it = std::find(cue_names.begin(), cue_names.end(), fields[1]);
                if (it == cue_names.end()) fail("unknown cue class '" + std::string(fields[1]) + "'");
                const auto cue = static_cast<std::size_t>(it - cue_names.begin());
                const std::vector<std::string> phrase = phrase_tokens(fields[0]);
                if (phrase.empty()) break;
                cue_index_[cue].add(phrase, 0);
                add_first_word(phrase, cue_bit(static_cast<Cue>(cue)));
                break;
            }
        }
    }
}

std::optional<std::size_t> EventLexicon::kind_index(std::string_view name) const {
    for (std::size_t k = 0; k < kinds_.size(); ++k)
        if (kinds_[k].name == name) return k;
    return std::nullopt;
}

EventLexicon::TriggersAt EventLexicon::triggers_at(const std::vector<Token>& tokens, std::size_t i,
                                                  std::size_t end) const {
    TriggersAt found;
    trigger_index_.for_each_match(tokens, i, end, [&](std::uint32_t value, std::size_t length) {
        if (length < found.length) return true;
        found.length = length;
        const Trigger& trigger = triggers_[value];
        const Trigger*& first_of_form = trigger.form == TriggerForm::noun ? found.noun : found.verb;
        if (!first_of_form) first_of_form = &trigger;
        return false;
    });
    return found;
}

std::optional<ActorMatch> EventLexicon::actor_at(std::string_view text, const std::vector<Token>& tokens, std::size_t i,
                                                 std::size_t end) const {
    if (i >= end || !tokens[i].capitalized) return std::nullopt;
    std::optional<ActorMatch> found;
    actor_index_.for_each_match(tokens, i, end, [&](std::uint32_t value, std::size_t length) {
        const ActorName& name = actor_names_[value];
        if (name.all_capitals && !all_capitals(text.substr(tokens[i].span.begin, tokens[i].span.size()))) return false;
        found = ActorMatch{name.actor, length, name.metonym};
        return true;
    });
    return found;
}

void EventLexicon::add_first_word(const std::vector<std::string>& phrase, std::uint32_t bit) {
    if (phrase.empty()) return;
    const std::uint32_t first = first_words_.add(phrase.front());
    if (first >= phrases_by_first_word_.size()) {
        phrases_by_first_word_.resize(first + 1, 0);
        first_word_texts_.resize(first + 1);
        first_word_texts_[first] = phrase.front();
    }
    phrases_by_first_word_[first] |= bit;
}

PhraseStarts::PhraseStarts(const EventLexicon& lexicon, const Vocabulary& vocabulary)
    : lexicon_(lexicon), by_word_(vocabulary.size(), 0) {
    for (std::size_t first = 1; first < lexicon.first_word_texts_.size(); ++first)
        if (const std::uint32_t word = vocabulary.find(lexicon.first_word_texts_[first]))
            by_word_[word] = lexicon.phrases_by_first_word_[first];
}

std::size_t EventLexicon::cue_at(Cue cue, const std::vector<Token>& tokens, std::size_t i, std::size_t end) const {
    std::size_t length = 0;
    return cue_index_[static_cast<std::size_t>(cue)].matches_at(tokens, i, end, &length) ? length : 0;
}

bool EventLexicon::is(Cue cue, std::string_view word) const {
    return cue_index_[static_cast<std::size_t>(cue)].has_word(word);
}

}  // namespace chronoweave::impl::events
