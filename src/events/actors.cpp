#include "actors.hpp"

#include <algorithm>
#include <array>

namespace chronoweave::impl::events {
namespace {

void remember_person(ActorMemory& memory, const Mention& m) {
    // The person named last is remembered as it was: a text names its persons again and again.
    const bool remembered = memory.last_person && memory.last_person->name == m.name;
    memory.last_person = m;
    if (remembered) return;
    memory.people.put(m.name, m.name);
    if (const auto space = m.name.rfind(' '); space != std::string_view::npos)
        memory.people.put(m.name.substr(space + 1), m.name);
}

constexpr std::array<std::string_view, 3> demonym_suffixes{"n", "ian", "an"};

bool is_pronoun(std::string_view norm) { return norm == "he" || norm == "she"; }

// Words written capitalized other than at the start of a sentence or line.
DocumentWords capitalized_inside_sentences(const DocumentView& view) {
    const auto& starts = view.name_starts;
    DocumentWords names(starts.size());  // the capitalized words are among the name starts
    std::size_t k = 0;
    for (const auto& [first, last] : view.sentence_tokens) {
        if (first == last) continue;  // an empty sentence's range is [0, 0)
        while (k < starts.size() && starts[k] <= first) ++k;
        for (; k < starts.size() && starts[k] < last; ++k) {
            const Token& t = view.tokens[starts[k]];
            if (t.capitalized && !t.newline_before) names.put(t.norm, {});
        }
    }
    return names;
}

const DocumentWords& names_in_text(ActorMemory& memory, const DocumentView& view) {
    if (!memory.names_in_text) memory.names_in_text = capitalized_inside_sentences(view);
    return *memory.names_in_text;
}

}  // namespace

DocumentView::DocumentView(const Document& d, const std::vector<Token>& t,
                           const std::vector<std::pair<std::size_t, std::size_t>>& s, const PhraseStarts& phrase_starts)
    : doc(d),
      tokens(t),
      sentence_tokens(s),
      timex_of_token(t.size()),
      phrases_starting(std::make_unique_for_overwrite<std::uint32_t[]>(t.size())),
      name_start_storage_(std::make_unique_for_overwrite<std::size_t[]>(t.size())) {
    // Through plain pointers: the compiler cannot tell that the stores leave the vector of tokens be, and would read
    // its size and data again at every token.
    const std::size_t count = tokens.size();
    const Token* token = tokens.data();
    std::uint32_t* phrases = phrases_starting.get();
    std::size_t* starts = name_start_storage_.get();
    std::size_t start_count = 0;
    for (std::size_t k = 0; k < count; ++k) {
        phrases[k] = phrase_starts.of(token[k]);
        starts[start_count] = k;
        start_count += token[k].capitalized || is_pronoun(token[k].norm);  // only words are capitalized
    }
    name_starts = {starts, start_count};
    auto i = tokens.begin();
    for (std::size_t k = 0; k < doc.timexes.size(); ++k) {
        const Span& span = doc.timexes[k].span;
        // Timexes are sparse: the first token of one is found by bisection rather than by a step at every token.
        i = std::partition_point(i, tokens.end(), [&](const Token& t) { return t.span.end <= span.begin; });
        for (auto j = i; j != tokens.end() && j->span.begin < span.end; ++j)
            timex_of_token[static_cast<std::size_t>(j - tokens.begin())] = k;
    }
}

std::string_view DocumentView::text(std::size_t first, std::size_t last) const {
    return doc.text_of(span(first, last));
}


void find_actors(const DocumentView& view, const EventLexicon& lexicon, std::size_t sentence, ActorMemory& memory,
                 std::vector<Mention>& mentions) {
    const std::size_t first = view.sentence_tokens[sentence].first, last = view.sentence_tokens[sentence].second;
    const auto& tokens = view.tokens;
    mentions.clear();
    std::optional<std::size_t> last_person_here;
    auto titled_before = [&](std::size_t i) { return i > first && view.is(lexicon, Cue::title, i - 1); };
    const auto& starts = view.name_starts;
    std::size_t& next_start = memory.next_name_start;
    while (next_start < starts.size() && starts[next_start] < first) ++next_start;
    std::size_t i = first;  // the first token not yet read
    for (; next_start < starts.size() && starts[next_start] < last; ++next_start) {
        if (starts[next_start] < i) continue;
        i = starts[next_start];
        const Token& t = tokens[i];
        if (view.timex_of_token[i]) {
            ++i;
            continue;
        }
        if (is_pronoun(t.norm)) {
            constexpr std::size_t speaker_memory = 3;  // sentences
            const bool recent_speaker = memory.last_speaker && sentence - memory.last_speaker_sentence <= speaker_memory;
            // "he" is most likely a person named earlier in the sentence, else the last speaker, else the last person.
            const Mention* in_sentence = last_person_here ? &mentions[*last_person_here] : nullptr;
            const Mention* who = in_sentence        ? in_sentence
                                 : recent_speaker   ? &*memory.last_speaker
                                 : memory.last_person ? &*memory.last_person
                                                      : nullptr;
            if (who) {
                Mention m = *who;
                m.first = m.lead = i;
                m.last = i + 1;
                m.pronoun = true;
                mentions.push_back(std::move(m));
            }
            ++i;
            continue;
        }
        if (const auto actor = view.actor_at(lexicon, i, last)) {
            const Actor& a = lexicon.actors()[actor->actor];
            mentions.push_back({i, i + actor->length, i, a.name, a.type, false, actor->metonym});
            if (a.type == "person") {
                remember_person(memory, mentions.back());
                last_person_here = mentions.size() - 1;
            }
            i += actor->length;
            continue;
        }
        // A name not in the lexicon: a run of capitalized words that are not titles, cue words or triggers.
        const bool line_start = i == first || t.newline_before;
        auto name_word = [&](std::size_t k) {
            const Token& w = tokens[k];
            return w.kind == TokenKind::word && w.capitalized && !view.timex_of_token[k] &&
                   !view.is(lexicon, Cue::not_actor, k) && !view.is(lexicon, Cue::title, k) &&
                   view.triggers_at(lexicon, k, last).length == 0 && !view.actor_at(lexicon, k, last);
        };
        if (!name_word(i) || (line_start && !names_in_text(memory, view).contains(t.norm))) {
            ++i;
            continue;
        }
        std::size_t end = i + 1;
        while (end < last && !tokens[end].newline_before && name_word(end)) ++end;
        Mention m{i, end, i, view.text(i, end), "unknown", false};
        // "Valdorian" beside "Valdoria": the demonym of a name the text uses stands for it.
        std::size_t stem = 0;
        for (const std::string_view suffix : demonym_suffixes)
            if (!stem && end == i + 1 && t.norm.size() > suffix.size() + 3 && t.norm.ends_with(suffix) &&
                names_in_text(memory, view).contains(t.norm.substr(0, t.norm.size() - suffix.size())))
                stem = t.norm.size() - suffix.size();
        if (stem) {
            m.name = m.name.substr(0, stem);
            m.type = "state";
        } else if (const std::string_view* known = memory.people.find(m.name)) {
            m.name = *known;
            m.type = "person";
        } else if (titled_before(i) || end - i == 2) {
            m.type = "person";
        } else if (i > first && (tokens[i - 1].norm == "in" || tokens[i - 1].norm == "at" || tokens[i - 1].norm == "near")) {
            m.type = "place";
        }
        if (m.type == "person") {
            remember_person(memory, m);
            last_person_here = mentions.size();
        }
        mentions.push_back(std::move(m));
        i = end;
    }
    // A state or organization written before a person's title and name describes the person ("Russian President
    // Vladimir Putin", "Kremlin spokesman Dmitry Peskov"): the person is the actor.
    std::size_t kept = 0;
    for (std::size_t k = 0; k < mentions.size(); ++k) {
        Mention& m = mentions[k];
        if (m.type == "person" && !m.pronoun)
            while (m.lead > first && view.is(lexicon, Cue::title, m.lead - 1)) --m.lead;
        if (m.type != "person" && m.type != "place" && k + 1 < mentions.size() && mentions[k + 1].type == "person" &&
            !mentions[k + 1].pronoun) {
            std::size_t j = m.last;
            while (j < mentions[k + 1].first && view.is(lexicon, Cue::title, j)) ++j;
            if (j == mentions[k + 1].first && j > m.last) {
                mentions[k + 1].lead = m.first;
                continue;
            }
        }
        if (kept != k) mentions[kept] = m;
        ++kept;
    }
    mentions.resize(kept);
}

}  // namespace chronoweave::impl::events
