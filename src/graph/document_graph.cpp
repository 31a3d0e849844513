#include "graph/document_graph.hpp"

#include <chronoweave/error.hpp>

#include <algorithm>
#include <numeric>
#include <tuple>

#include "resource_table.hpp"

namespace chronoweave::impl {
namespace {

// How far (in tokens) a signal may stand from the events it orders: "met again two days after the first round".
constexpr std::size_t max_words_to_later_event = 5;
constexpr std::size_t max_words_from_earlier_event = 3;

bool is_clause_break(const Token& t) {
    return t.kind == TokenKind::punct && (t.norm == "," || t.norm == ";" || t.norm == ":" || t.norm == "(");
}

// Drops the relations that repeat an earlier one, keeping the order of the others. Sorting positions once costs
// less than a set of every relation made while adding them, which allocates a node each.
void drop_repeated(std::vector<Relation>& relations) {
    auto key = [&](std::size_t k) {
        const Relation& r = relations[k];
        return std::tuple(r.from.kind, r.from.index, r.to.kind, r.to.index, r.type);
    };
    std::vector<std::size_t> by_key(relations.size());
    std::iota(by_key.begin(), by_key.end(), std::size_t{0});
    std::stable_sort(by_key.begin(), by_key.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    std::vector<bool> repeated(relations.size(), false);
    for (std::size_t k = 1; k < by_key.size(); ++k) repeated[by_key[k]] = key(by_key[k]) == key(by_key[k - 1]);
    std::size_t kept = 0;
    for (std::size_t k = 0; k < relations.size(); ++k)
        if (!repeated[k]) relations[kept++] = relations[k];
    relations.resize(kept);
}

}  // namespace

DocumentGraph::DocumentGraph() {
    constexpr std::string_view path = "timeline/signals.tsv";
    for_each_row(path, resource_content(path), 2, [&](const std::vector<std::string_view>& fields) {
        const auto relation = relation_type_from_string(fields[1]);
        if (!relation) throw ResourceError(std::string(path) + ": unknown relation '" + std::string(fields[1]) + "'");
        const std::vector<std::string> words = events::phrase_tokens(fields[0]);
        if (words.empty()) throw ResourceError(std::string(path) + ": empty signal");
        signals_.add(words, static_cast<std::uint32_t>(relations_.size()));
        relations_.push_back(*relation);
    });
}

std::optional<DocumentGraph::Signal> DocumentGraph::signal_at(const std::vector<Token>& tokens, std::size_t at,
                                                              std::size_t end) const {
    std::optional<Signal> found;
    signals_.for_each_match(tokens, at, end, [&](std::uint32_t value, std::size_t length) {
        found = Signal{relations_[value], length};
        return true;  // the longest
    });
    return found;
}

void DocumentGraph::link(Document& doc, const std::vector<Token>& tokens) const {
    add_relations(doc, tokens);
    drop_repeated(doc.relations);
}

void DocumentGraph::add_relations(Document& doc, const std::vector<Token>& tokens) const {
    for (std::size_t e = 0; e < doc.events.size(); ++e) {
        const auto& time = doc.events[e].time;
        if (time && *time < doc.timexes.size() && doc.timexes[*time].interval)
            doc.relations.push_back({{NodeKind::event, e}, {NodeKind::timex, *time}, RelationType::is_included});
    }
    // "the night before the announcement": the timex, and what it dates, lie before (or after) the event it names.
    for (std::size_t t = 0; t < doc.timexes.size(); ++t) {
        const Timex& timex = doc.timexes[t];
        if (timex.anchor != AnchorKind::event || !timex.interval) continue;
        const std::size_t anchor = *timex.anchor_event;
        const auto& named = doc.events[anchor].interval;
        if (!named || timex.interval->begin == named->begin) continue;
        const RelationType type = timex.interval->begin < named->begin ? RelationType::before : RelationType::after;
        doc.relations.push_back({{NodeKind::timex, t}, {NodeKind::event, anchor}, type});
        for (std::size_t e = 0; e < doc.events.size(); ++e)
            if (e != anchor && doc.events[e].time == t)
                doc.relations.push_back({{NodeKind::event, e}, {NodeKind::event, anchor}, type});
    }
    // A statement comes after what it reports as done and before what it reports as still to come.
    for (std::size_t e = 0; e < doc.events.size(); ++e)
        for (std::size_t reported : doc.events[e].reports) {
            if (reported >= doc.events.size() || reported == e) continue;
            const EventStatus status = doc.events[reported].status;
            if (status == EventStatus::occurred)
                doc.relations.push_back({{NodeKind::event, e}, {NodeKind::event, reported}, RelationType::after});
            else if (status == EventStatus::planned || status == EventStatus::proposed)
                doc.relations.push_back({{NodeKind::event, e}, {NodeKind::event, reported}, RelationType::before});
        }
    if (doc.events.size() < 2 || tokens.empty()) return;

    auto token_at = [&](std::size_t byte) {
        return static_cast<std::size_t>(
            std::lower_bound(tokens.begin(), tokens.end(), byte,
                             [](const Token& t, std::size_t b) { return t.span.begin < b; }) -
            tokens.begin());
    };
    std::vector<bool> in_timex(tokens.size(), false);
    for (const Timex& t : doc.timexes)
        for (std::size_t i = token_at(t.span.begin); i < tokens.size() && tokens[i].span.end <= t.span.end; ++i)
            in_timex[i] = true;

    // Events in text order of their triggers, walked once alongside the sentences. A trigger starts where a token
    // does, so the events of a sentence are found by bytes; tokens are searched for only in a sentence with two
    // events or more, the only ones a signal can order.
    auto trigger_begin = [&](std::size_t e) { return doc.events[e].trigger.begin; };
    std::vector<std::size_t> by_position(doc.events.size());
    for (std::size_t e = 0; e < by_position.size(); ++e) by_position[e] = e;
    std::stable_sort(by_position.begin(), by_position.end(),
                     [&](std::size_t a, std::size_t b) { return trigger_begin(a) < trigger_begin(b); });
    std::vector<std::size_t> first_token(doc.events.size()), last_token(doc.events.size());
    std::size_t next_event = 0;
    std::size_t previous_end = 0;  // byte
    std::vector<std::size_t> events;  // of the sentence, in text order
    for (const Span& sentence : doc.sentences) {
        const std::size_t from = std::max(previous_end, sentence.begin);
        previous_end = sentence.end;
        events.clear();
        while (next_event < by_position.size() && trigger_begin(by_position[next_event]) < from) ++next_event;
        for (std::size_t k = next_event; k < by_position.size() && trigger_begin(by_position[k]) < sentence.end; ++k)
            events.push_back(by_position[k]);
        if (events.size() < 2) continue;
        const std::size_t begin = token_at(from), end = token_at(sentence.end);
        for (const std::size_t e : events) {
            first_token[e] = token_at(doc.events[e].trigger.begin);
            const std::size_t past = token_at(doc.events[e].trigger.end);
            last_token[e] = past > first_token[e] ? past - 1 : first_token[e];
        }
        for (std::size_t at = begin; at < end; ++at) {
            const std::optional<Signal> signal = signal_at(tokens, at, end);
            if (!signal) continue;
            const std::size_t after_signal = at + signal->length;
            // The events of the sentence are in text order: find neighbours by binary search, so a sentence with a
            // great many events still takes linear work.
            auto first_from = [&](std::size_t token) {
                return std::lower_bound(events.begin(), events.end(), token,
                                        [&](std::size_t e, std::size_t t) { return first_token[e] < t; });
            };
            // The event the signal governs: the first one within reach, with no clause break on the way.
            const auto next = first_from(after_signal);
            if (next == events.end() || first_token[*next] - after_signal > max_words_to_later_event) continue;
            const std::size_t governed = *next;
            bool broken = false;
            for (std::size_t i = after_signal; i < first_token[governed]; ++i) broken = broken || is_clause_break(tokens[i]);
            if (broken) continue;

            std::optional<std::size_t> ordered;
            const bool opens_sentence = at == begin || (at == begin + 1 && tokens[begin].kind == TokenKind::punct);
            if (opens_sentence) {
                // "After the talks, the two sides exchanged prisoners": the first event past the next comma.
                constexpr std::size_t max_opening_phrase = 40;
                std::size_t comma = last_token[governed] + 1;
                while (comma < end && comma < at + max_opening_phrase && tokens[comma].norm != ",") ++comma;
                if (comma < end && tokens[comma].norm == ",")
                    if (const auto after_comma = first_from(comma + 1); after_comma != events.end()) ordered = *after_comma;
            } else {
                // "The exchange took place two days after the talks": the last event before the signal, close by.
                for (auto it = first_from(at); it != events.begin();) {
                    --it;
                    if (last_token[*it] < at) {
                        ordered = *it;
                        break;
                    }
                }
                constexpr std::size_t max_gap = 16;  // tokens, a timex between them included
                if (ordered && at - last_token[*ordered] > max_gap) ordered.reset();
                if (ordered) {
                    std::size_t words = 0;
                    for (std::size_t i = last_token[*ordered] + 1; i < at; ++i) {
                        if (is_clause_break(tokens[i])) words = max_words_from_earlier_event + 1;
                        else if (!in_timex[i]) ++words;
                    }
                    if (words > max_words_from_earlier_event) ordered.reset();
                }
            }
            if (ordered && *ordered != governed)
                doc.relations.push_back({{NodeKind::event, *ordered}, {NodeKind::event, governed}, signal->relation});
            at = after_signal - 1;
        }
    }
}

}  // namespace chronoweave::impl
