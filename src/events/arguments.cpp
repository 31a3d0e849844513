#include "arguments.hpp"

#include <algorithm>
#include <limits>

namespace chronoweave::impl::events {
namespace {

bool is_place_preposition(std::string_view norm) {
    return norm == "in" || norm == "at" || norm == "near" || norm == "through" || norm == "across";
}

// Tokens between two mentions that join them as one group: "Kyiv and Moscow", "Putin-Zelensky", "A, B and C".
enum class Join { none, comma, conjunction };
Join joins(const DocumentView& view, std::size_t from, std::size_t to) {
    if (to - from == 1) {
        const auto n = view.tokens[from].norm;
        if (n == ",") return Join::comma;
        return n == "and" || n == "or" || n == "-" ? Join::conjunction : Join::none;
    }
    return to - from == 2 && view.tokens[from].norm == "," && view.tokens[from + 1].norm == "and" ? Join::conjunction
                                                                                                  : Join::none;
}

// A list joined by commas only is no group ("In addition to NATO, Putin ..."): it must end with "and" or "or".
// `trailing_commas` is how many of the group's last joins are commas.
void trim_comma_list(std::vector<const Mention*>& group, std::size_t trailing_commas) {
    group.resize(group.size() - trailing_commas);
}

// The run of commas that ends a group's joins, after one more join.
std::size_t trailing_commas_after(std::size_t trailing_commas, Join join) {
    return join == Join::comma ? trailing_commas + 1 : 0;
}

// A state or place named after "in"/"at" is where something happens, not who does it.
bool is_location(const DocumentView& view, const Mention& m, std::size_t sentence_first) {
    if (m.type == "place") return true;
    if (m.type == "person" || m.first == sentence_first) return false;
    // "in Istanbul", "through central Korvel"
    const Token& before = view.tokens[m.first - 1];
    if (is_place_preposition(before.norm)) return true;
    return m.first - 1 > sentence_first && before.kind == TokenKind::word && !before.capitalized &&
           is_place_preposition(view.tokens[m.first - 2].norm) && view.tokens[m.first - 2].norm != "in";
}

// "spokesman for the Kremlin", "pressure from the United States": an actor after a preposition is not the subject.
bool after_preposition(const DocumentView& view, const Mention& m, std::size_t sentence_first) {
    std::size_t i = m.lead;
    while (i > sentence_first && (view.tokens[i - 1].norm == "the" || view.tokens[i - 1].norm == "both")) --i;
    if (i == sentence_first) return false;
    const auto n = view.tokens[i - 1].norm;
    return n == "for" || n == "of" || n == "from" || n == "to" || n == "with" || n == "by" || n == "on" ||
           n == "against" || n == "between" || n == "among";
}

void add(std::vector<Participant>& out, const DocumentView& view, const Mention& m, const std::string& role) {
    if (std::any_of(out.begin(), out.end(), [&](const Participant& p) { return p.name == m.name; })) return;
    out.push_back({std::string(m.name), std::string(m.type), role, view.span(m.first, m.last)});
}

}  // namespace

Clause clause_of(const DocumentView& view, const EventLexicon& lexicon, std::span<const Found> triggers,
                 std::size_t k) {
    const Found& f = triggers[k];
    const std::size_t first = view.sentence_tokens[f.sentence].first, last = view.sentence_tokens[f.sentence].second;
    // Within reach, and between the triggers before and after.
    Clause c{std::max({first, f.first > clause_reach ? f.first - clause_reach : 0, k > 0 ? triggers[k - 1].last : 0}),
             std::min({last, f.last + clause_reach, k + 1 < triggers.size() ? triggers[k + 1].first : last})};
    for (std::size_t i = f.first; i-- > c.first;) {
        if (view.cue_at(lexicon, Cue::clause_break, i, last)) {
            c.first = i + 1;
            break;
        }
    }
    for (std::size_t i = f.last; i < c.last; ++i) {
        if (view.cue_at(lexicon, Cue::clause_break, i, last)) {
            c.last = i;
            break;
        }
    }
    return c;
}

std::vector<Participant> find_participants(const DocumentView& view, const Found& trigger, const Clause& clause,
                                           std::span<const Mention> mentions, ParticipantBuffers& buffers) {
    // A noun's actor stands close before it ("Ukraine's proposal", "Kyiv and Moscow held a meeting"); a verb's
    // subject may be further away.
    const std::size_t reach_left = trigger.verb() ? 12 : 4, reach_right = 8;
    const std::size_t sentence_first = view.sentence_tokens[trigger.sentence].first;
    std::vector<Participant> out;
    const KindInfo& kind = *trigger.kind;
    std::vector<const Mention*>& actors = buffers.actors;
    actors.clear();
    // "He credited the telephone conversation": a pronoun is the subject of a verb, never the actor of a noun.
    const bool visit = trigger.verb() && (trigger.trigger->mode.empty() ? kind.mode : trigger.trigger->mode) == "visit";
    for (const Mention& m : mentions)
        if (!is_location(view, m, sentence_first) && (trigger.verb() || !m.pronoun) &&
            !(visit && m.first == trigger.last && m.type != "person"))
            actors.push_back(&m);

    // left_group() and right_group() find their group in `group`.
    std::vector<const Mention*>& group = buffers.group;
    // The group of actors nearest before the trigger: its subject. An actor after a preposition is not one, unless
    // it is the adjective of the trigger itself ("of Ukrainian artillery strikes"); after "who" the subject is the
    // actor the clause is about ("Trump, who expressed hope").
    std::size_t left_limit = clause.first;
    if (left_limit > sentence_first && view.tokens[left_limit - 1].norm == "who")
        left_limit = left_limit - 1 > sentence_first && view.tokens[left_limit - 2].norm == "," ? left_limit - 2 : left_limit - 1;
    auto left_group = [&]() {
        group.clear();
        std::size_t trailing_commas = 0;
        for (std::size_t a = actors.size(); a-- > 0;) {
            const Mention& m = *actors[a];
            if (m.last > trigger.first) continue;
            const bool nearest = group.empty();
            const Join join = nearest ? Join::none : joins(view, m.last, group.back()->lead);
            if (nearest || join == Join::none) {
                if (!group.empty()) {
                    // A group after a preposition is no subject: look further left.
                    if (!after_preposition(view, *group.back(), sentence_first) || group.front()->last == trigger.first)
                        break;
                    group.clear();
                    trailing_commas = 0;
                }
                const bool in_reach = m.first >= clause.first || (left_limit < clause.first && m.last == left_limit);
                if (!in_reach || trigger.first - m.last > reach_left) break;
                group.push_back(&m);
                continue;
            }
            group.push_back(&m);
            trailing_commas = trailing_commas_after(trailing_commas, join);
        }
        trim_comma_list(group, trailing_commas);
        if (!group.empty() && after_preposition(view, *group.back(), sentence_first) && group.front()->last != trigger.first)
            group.clear();
    };
    // The group after the trigger, within its clause: "between Russia and Ukraine", "accused the West".
    auto right_group = [&](std::size_t reach) {
        group.clear();
        std::size_t trailing_commas = 0;
        for (const Mention* m : actors) {
            if (m->first < trigger.last) continue;
            if (group.empty()) {
                if (m->last > clause.last || m->first - trigger.last > reach) break;
                // "... exchange 300 prisoners in Geneva, Peskov said": past a comma starts another clause's actors.
                bool comma = false;
                for (std::size_t i = trigger.last; i < m->first && !comma; ++i) comma = view.tokens[i].norm == ",";
                if (comma) break;
                group.push_back(m);
                continue;
            }
            const Join join = joins(view, group.back()->last, m->lead);
            if (join == Join::none) break;
            group.push_back(m);
            trailing_commas = trailing_commas_after(trailing_commas, join);
        }
        trim_comma_list(group, trailing_commas);
    };

    if (kind.reports_content) {
        // "..., said Dmitry Peskov": after a quotation the speaker follows the verb.
        const bool after_quote = trigger.first > sentence_first &&
                                 view.tokens[trigger.first - 1].kind == TokenKind::punct &&
                                 view.tokens[trigger.first - 1].norm != "(";
        // "..., the defence ministry said": a speaker the text does not name is not the actor before the comma.
        bool unnamed_subject = false;
        if (!after_quote) {
            std::size_t words = 0;
            for (std::size_t i = trigger.first; i-- > clause.first;) {
                if (std::any_of(actors.begin(), actors.end(), [&](const Mention* m) { return m->first <= i && i < m->last; }))
                    break;
                if (view.tokens[i].norm == ",") {
                    unnamed_subject = words >= 2;
                    break;
                }
                words += view.tokens[i].kind == TokenKind::word;
            }
        }
        // The speaker is the group's first.
        group.clear();
        if (after_quote) right_group(3);
        else if (!unnamed_subject) left_group();
        if (group.empty() && after_quote) left_group();
        if (!group.empty() && !kind.subject_role.empty()) add(out, view, *group.front(), kind.subject_role);
        return out;
    }
    if (!kind.subject_role.empty()) {
        left_group();
        // "Kyiv and Moscow met ..., during which they agreed": "they" is the group of actors named before it.
        for (std::size_t i = trigger.first; group.empty() && i-- > clause.first && trigger.first - i <= 3;) {
            if (view.tokens[i].norm != "they") continue;
            std::vector<const Mention*> named;
            for (std::size_t a = actors.size(); a-- > 0;) {
                const Mention& m = *actors[a];
                if (m.last > i || m.pronoun) continue;
                if (!named.empty() && joins(view, m.last, named.back()->lead) != Join::conjunction) break;
                named.push_back(&m);
            }
            if (named.size() >= 2) group = named;
        }
        std::reverse(group.begin(), group.end());
        for (const Mention* m : group) add(out, view, *m, kind.subject_role);
    }
    // Both sides of a meeting or an exchange follow "between" or "with"; the target of an act follows the verb or
    // "on"/"against"/"at".
    // A noun's actors after it follow a preposition: "talks between", "attacks on", "a summit involving".
    const std::string& right_role = kind.object_role;
    const auto next = trigger.last < clause.last ? view.tokens[trigger.last].norm : std::string_view();
    const bool noun_argument = next == "between" || next == "with" || next == "on" || next == "against" ||
                               next == "of" || next == "involving" || next == "by";
    if (!right_role.empty() && (trigger.verb() || noun_argument)) {
        right_group(reach_right);
        for (const Mention* m : group) add(out, view, *m, right_role);
    }
    return out;
}

void find_place(const DocumentView& view, const Found& trigger, const Clause& clause, std::span<const Mention> mentions,
                Event& event) {
    if (!trigger.kind->takes_place) return;
    constexpr std::size_t reach = 8;
    const std::size_t sentence_first = view.sentence_tokens[trigger.sentence].first;
    for (std::size_t k = 0; k < mentions.size(); ++k) {
        const Mention& m = mentions[k];
        if (m.first < trigger.last || m.first > clause.last || m.first - trigger.last > reach) continue;
        // "visited Warsaw": the object of a visit is where it is.
        const bool visited = trigger.verb() && event.mode == "visit" && m.first == trigger.last && m.type != "person";
        if ((!visited && !is_location(view, m, sentence_first)) || m.type == "organization") continue;
        // "in Russia's Kursk region": the narrower place.
        const Mention* where = &m;
        if (k + 1 < mentions.size() && mentions[k + 1].type == "place" && mentions[k + 1].first == m.last + 2 &&
            view.tokens[m.last].norm == "'")
            where = &mentions[k + 1];
        event.place = where->metonym ? view.text(where->first, where->last) : where->name;
        event.place_mention = view.span(where->first, where->last);
        return;
    }
    // "the Istanbul talks": a city right before a noun trigger is where it happens.
    if (trigger.verb()) return;
    for (const Mention& m : mentions)
        if (m.type == "place" && m.last == trigger.first && !m.metonym) {
            event.place = m.name;
            event.place_mention = view.span(m.first, m.last);
            return;
        }
}

void find_quantity(const DocumentView& view, const EventLexicon& lexicon, const Found& trigger, const Clause& clause,
                   Event& event) {
    if (!trigger.kind->takes_quantity) return;
    constexpr std::size_t reach = 8, adjectives = 2;
    const auto& tokens = view.tokens;
    const std::size_t from = trigger.first > clause.first + reach ? trigger.first - reach : clause.first;
    const std::size_t to = std::min(clause.last, trigger.last + reach);
    std::size_t best_distance = std::numeric_limits<std::size_t>::max();
    for (std::size_t i = from; i < to; ++i) {
        if (i >= trigger.first && i < trigger.last) continue;
        std::size_t after = 0;
        if (tokens[i].kind == TokenKind::number && !view.timex_of_token[i] &&
            (tokens[i].shape->kind == NumberShape::Kind::integer || tokens[i].shape->kind == NumberShape::Kind::grouped))
            after = i + 1;
        else if (const std::size_t n = view.cue_at(lexicon, Cue::vague_count, i, to); n && i + n < to &&
                 tokens[i + n].norm == "of")
            after = i + n + 1;
        if (!after) continue;
        for (std::size_t j = after; j < to && j <= after + adjectives; ++j) {
            const std::size_t n = view.cue_at(lexicon, Cue::quantity_noun, j, clause.last);
            if (!n) continue;
            std::size_t end = j + n;
            if (end < clause.last && tokens[end].norm == "each") ++end;
            if (i < trigger.first && end > trigger.first) break;  // the count runs into the trigger itself
            const std::size_t distance = i < trigger.first ? trigger.first - end : i - trigger.last;
            if (distance < best_distance) {
                best_distance = distance;
                event.quantity = std::string(view.text(i, end));
                event.quantity_mention = view.span(i, end);
            }
            break;
        }
    }
}

std::optional<EventStatus> governed_by_commitment(const DocumentView& view, std::span<const Found> triggers,
                                                  std::size_t k) {
    const Found& f = triggers[k];
    if (f.kind->commits || f.kind->reports_content) return std::nullopt;
    // "agreed to exchange", "an agreement on the exchange"; not "presented at the talks", "agreed, and the talks".
    if (k > 0 && triggers[k - 1].kind->commits && f.first - triggers[k - 1].last <= 3) {
        bool separated = false;
        for (std::size_t i = triggers[k - 1].last; i < f.first; ++i) {
            const auto n = view.tokens[i].norm;
            separated = separated || view.timex_of_token[i] || view.tokens[i].kind == TokenKind::punct || n == "at" ||
                        n == "in" || n == "during" || n == "after" || n == "before";
        }
        if (!separated) return triggers[k - 1].kind->commits;
    }
    if (k + 1 < triggers.size()) {
        const Found& next = triggers[k + 1];
        const bool passive = next.trigger->form == TriggerForm::past || next.trigger->form == TriggerForm::participle;
        if (next.kind->commits && passive && next.first - f.last <= 1) return next.kind->commits;
    }
    return std::nullopt;
}

void attach_times(const DocumentView& view, const EventLexicon& lexicon, std::span<const Found> triggers,
                  std::span<Event> events, std::vector<std::size_t>& distance) {
    if (triggers.empty()) return;
    constexpr std::size_t near = 4, far = 12, unreachable = std::numeric_limits<std::size_t>::max();
    const std::size_t first = view.sentence_tokens[triggers.front().sentence].first, last = view.sentence_tokens[triggers.front().sentence].second;
    const Document& doc = view.doc;
    // The gap between each trigger and the timex that dates it so far.
    distance.assign(triggers.size(), std::numeric_limits<std::size_t>::max());
    for (std::size_t i = first; i < last; ++i) {
        const auto t = view.timex_of_token[i];
        if (!t || (i > first && view.timex_of_token[i - 1] == t)) continue;
        const Timex& timex = doc.timexes[*t];
        if (!timex.interval || (timex.type != TimexType::date && timex.type != TimexType::time)) continue;
        if (std::any_of(doc.ranges.begin(), doc.ranges.end(), [&](const TimexRange& r) { return r.to == *t; })) continue;
        std::size_t end = i;
        while (end < last && view.timex_of_token[end] == t) ++end;
        if (i > first && view.is(lexicon, Cue::time_blocker, i - 1)) continue;
        std::size_t begin_word = i;
        if (begin_word > first && (view.tokens[i - 1].norm == "on" || view.tokens[i - 1].norm == "in")) --begin_word;
        if (begin_word > first && view.is(lexicon, Cue::time_blocker, begin_word - 1)) continue;
        // Tokens between the trigger and the timex; none when a comma or clause break separates them ("said on
        // Thursday that ...", "territories annexed in 2022") unless the timex opens the sentence ("On May 16, ...").
        const bool opens_sentence = begin_word == first;
        // "the night before the announcement", "the day after the talks": the event named after the signal anchors
        // the timex; it is not dated by it.
        const bool anchored_after = view.is(lexicon, Cue::time_blocker, end - 1) ||
                                    (end < last && view.is(lexicon, Cue::time_blocker, end));
        auto gap = [&](const Found& f) -> std::size_t {
            const std::size_t from = f.last <= i ? f.last : end, to = f.last <= i ? i : f.first;
            if (f.first < end && i < f.last) return 0;
            if (anchored_after && f.first >= end &&
                std::none_of(view.tokens.begin() + static_cast<std::ptrdiff_t>(end),
                             view.tokens.begin() + static_cast<std::ptrdiff_t>(f.first),
                             [](const Token& t) { return t.norm == ","; }))
                return unreachable;
            std::size_t quotes = 0;
            for (std::size_t j = from; j < to; ++j) {
                if (!opens_sentence && (view.tokens[j].norm == "," || view.cue_at(lexicon, Cue::clause_break, j, to)))
                    return unreachable;
                quotes += view.tokens[j].norm == "\"";
            }
            // A timex inside a quotation dates what is quoted, not the words around it.
            return quotes % 2 ? unreachable : to - from;
        };
        // Only the triggers within reach of the timex are candidates.
        const auto lo = static_cast<std::size_t>(
            std::partition_point(triggers.begin(), triggers.end(), [&](const Found& f) { return f.last + far < i; }) -
            triggers.begin());
        const auto hi = static_cast<std::size_t>(
            std::partition_point(triggers.begin(), triggers.end(), [&](const Found& f) { return f.first <= end + far; }) -
            triggers.begin());
        if (lo >= hi) continue;
        // The nearest trigger takes the timex, with two preferences: a report takes it before the noun it is about
        // ("denied the accusation on Tuesday"), and an infinitive comes last ("marched on Friday to demand").
        auto infinitive = [&](const Found& f) {
            return f.trigger->form == TriggerForm::base && f.first > first && view.tokens[f.first - 1].norm == "to";
        };
        // A timex right before a noun describes that noun alone ("blames it for the overnight drone strike").
        auto modifies = [&](const Found& f) { return !f.verb() && f.first == end; };
        auto rank = [&](const Found& f) -> std::pair<long, std::size_t> {
            const std::size_t g = gap(f);
            if (g == unreachable) return {std::numeric_limits<long>::max(), g};
            if (modifies(f)) return {-1, g};
            const long report = f.verb() && f.kind->reports_content ? 4 : 0;
            return {std::max(0L, 2 * static_cast<long>(g) + (f.verb() ? 0 : 3) + (infinitive(f) ? 10 : 0) - report), g};
        };
        std::size_t nearest = lo;
        for (std::size_t k = lo + 1; k < hi; ++k)
            if (rank(triggers[k]) < rank(triggers[nearest])) nearest = k;
        if (gap(triggers[nearest]) > far) continue;
        const Found& dated = triggers[nearest];
        CalendarInterval interval = *timex.interval;
        for (const TimexRange& r : doc.ranges)
            if (r.from == *t && doc.timexes[r.to].interval && doc.timexes[r.to].interval->end > interval.begin)
                interval.end = doc.timexes[r.to].interval->end;
        for (std::size_t k = lo; k < hi; ++k) {
            const std::size_t g = gap(triggers[k]);
            // A timex is shared with a trigger close by, but not with the report of it ("said the truce signed in").
            const bool shared = k != nearest;
            if (shared && modifies(dated)) continue;
            const bool object_of_dated = dated.verb() && dated.kind->reports_content && !triggers[k].verb() &&
                                         dated.last <= triggers[k].first && triggers[k].last <= i;
            // "proposed holding talks on June 20": the date is the talks', not the proposal's.
            const bool governs_dated = triggers[k].kind->commits && (k + 1 == nearest || nearest + 1 == k) &&
                                       governed_by_commitment(view, triggers, nearest);
            if (g == unreachable ||
                (shared && (g > near || triggers[k].kind->reports_content || object_of_dated || governs_dated ||
                            infinitive(triggers[k]) || governed_by_commitment(view, triggers, k))))
                continue;
            if (g >= distance[k]) continue;
            distance[k] = g;
            events[k].time = *t;
            events[k].time_source = TimeSource::timex;
            events[k].interval = interval;
        }
    }
}

}  // namespace chronoweave::impl::events
