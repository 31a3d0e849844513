#include "graph/document_graph.hpp"

#include <chronoweave/error.hpp>

#include <algorithm>
#include <set>
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

}  // namespace

DocumentGraph::DocumentGraph() {
    constexpr std::string_view path = "timeline/signals.tsv";
    for_each_row(path, resource_content(path), 2, [&](const std::vector<std::string_view>& fields) {
        const auto relation = relation_type_from_string(fields[1]);
        if (!relation) throw ResourceError(std::string(path) + ": unknown relation '" + std::string(fields[1]) + "'");
        Signal signal{{}, *relation};
        const TokenizedText words = tokenize(fields[0]);
        for (const Token& t : words.tokens) signal.words.emplace_back(t.norm);
        if (signal.words.empty()) throw ResourceError(std::string(path) + ": empty signal");
        signals_.push_back(std::move(signal));
    });
    std::stable_sort(signals_.begin(), signals_.end(),
                     [](const Signal& a, const Signal& b) { return a.words.size() > b.words.size(); });
}

const DocumentGraph::Signal* DocumentGraph::signal_at(const std::vector<Token>& tokens, std::size_t at,
                                                      std::size_t end) const {
    for (const Signal& s : signals_) {
        if (at + s.words.size() > end) continue;
        bool same = true;
        for (std::size_t i = 0; i < s.words.size() && same; ++i) same = tokens[at + i].norm == s.words[i];
        if (same) return &s;
    }
    return nullptr;
}

void DocumentGraph::link(Document& doc, const std::vector<Token>& tokens) const {
    // One relation per dated event, then the signalled ones without repeats; a set, since a long text has many.
    for (std::size_t e = 0; e < doc.events.size(); ++e) {
        const auto& time = doc.events[e].time;
        if (time && *time < doc.timexes.size() && doc.timexes[*time].interval)
            doc.relations.push_back({{NodeKind::event, e}, {NodeKind::timex, *time}, RelationType::is_included});
    }
    std::set<std::tuple<std::size_t, std::size_t, RelationType>> signalled;
    auto add = [&](std::size_t from, std::size_t to, RelationType type) {
        if (signalled.emplace(from, to, type).second)
            doc.relations.push_back({{NodeKind::event, from}, {NodeKind::event, to}, type});
    };
    if (doc.events.size() < 2 || tokens.empty()) return;

    auto token_at = [&](std::size_t byte) {
        return static_cast<std::size_t>(
            std::lower_bound(tokens.begin(), tokens.end(), byte,
                             [](const Token& t, std::size_t b) { return t.span.begin < b; }) -
            tokens.begin());
    };
    std::vector<std::size_t> first_token(doc.events.size()), last_token(doc.events.size());
    for (std::size_t e = 0; e < doc.events.size(); ++e) {
        first_token[e] = token_at(doc.events[e].trigger.begin);
        const std::size_t past = token_at(doc.events[e].trigger.end);
        last_token[e] = past > first_token[e] ? past - 1 : first_token[e];
    }
    std::vector<bool> in_timex(tokens.size(), false);
    for (const Timex& t : doc.timexes)
        for (std::size_t i = token_at(t.span.begin); i < tokens.size() && tokens[i].span.end <= t.span.end; ++i)
            in_timex[i] = true;

    std::size_t sentence_first = 0;
    for (const Span& sentence : doc.sentences) {
        const std::size_t begin = std::max(sentence_first, token_at(sentence.begin));
        const std::size_t end = token_at(sentence.end);
        sentence_first = end;
        // The events of this sentence, in text order (events are in text order, so their first tokens are sorted).
        const auto lo = static_cast<std::size_t>(std::lower_bound(first_token.begin(), first_token.end(), begin) -
                                                 first_token.begin());
        const auto hi = static_cast<std::size_t>(std::lower_bound(first_token.begin(), first_token.end(), end) -
                                                 first_token.begin());
        if (hi < lo + 2) continue;
        // The first event of the sentence starting at `token` or later, and the last one ending before `token`.
        auto first_from = [&](std::size_t token) {
            return static_cast<std::size_t>(
                std::lower_bound(first_token.begin() + lo, first_token.begin() + hi, token) - first_token.begin());
        };
        auto last_before = [&](std::size_t token) -> std::optional<std::size_t> {
            const auto past = static_cast<std::size_t>(
                std::lower_bound(last_token.begin() + lo, last_token.begin() + hi, token) - last_token.begin());
            if (past == lo) return std::nullopt;
            return past - 1;
        };
        for (std::size_t at = begin; at < end; ++at) {
            const Signal* signal = signal_at(tokens, at, end);
            if (!signal) continue;
            const std::size_t after_signal = at + signal->words.size();
            // The event the signal governs: the first one within reach, with no clause break on the way.
            std::optional<std::size_t> governed;
            if (const std::size_t e = first_from(after_signal);
                e < hi && first_token[e] - after_signal <= max_words_to_later_event)
                governed = e;
            if (!governed) continue;
            bool broken = false;
            for (std::size_t i = after_signal; i < first_token[*governed]; ++i) broken = broken || is_clause_break(tokens[i]);
            if (broken) continue;

            std::optional<std::size_t> ordered;
            const bool opens_sentence = at == begin || (at == begin + 1 && tokens[begin].kind == TokenKind::punct);
            if (opens_sentence) {
                // "After the talks, the two sides exchanged prisoners": the first event past the next comma.
                std::size_t comma = last_token[*governed] + 1;
                while (comma < end && tokens[comma].norm != ",") ++comma;
                if (const std::size_t e = first_from(comma + 1); e < hi) ordered = e;
            } else {
                // "The exchange took place two days after the talks": the last event before the signal, close by.
                ordered = last_before(at);
                if (ordered) {
                    std::size_t words = 0;
                    for (std::size_t i = last_token[*ordered] + 1; i < at; ++i) {
                        if (is_clause_break(tokens[i])) words = max_words_from_earlier_event + 1;
                        else if (!in_timex[i]) ++words;
                    }
                    if (words > max_words_from_earlier_event) ordered.reset();
                }
            }
            if (ordered && *ordered != *governed)
                add(*ordered, *governed, signal->relation);
            at = after_signal - 1;
        }
    }
}

}  // namespace chronoweave::impl
