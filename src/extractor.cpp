// The pipeline: text -> sentences and tokens -> temporal matches -> anchoring -> events -> per-document graph.
#include <chronoweave/error.hpp>
#include <chronoweave/extractor.hpp>
#include <chronoweave/text.hpp>

#include <algorithm>
#include <cstdlib>

#include "events/events.hpp"
#include "graph/document_graph.hpp"
#include "temporal/anchoring.hpp"
#include "temporal/ellipsis.hpp"
#include "temporal/event_anchoring.hpp"
#include "temporal/rules.hpp"
#include "text/sentences.hpp"

namespace chronoweave {
namespace impl {

class Engine {
public:
    Document extract(std::string text, std::optional<Date> published, std::string id, Extraction extraction) const;

private:
    Tense tense_around(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
                       std::size_t sentence_begin, std::size_t sentence_end) const;
    std::optional<int> story_range_opening_year(const std::vector<Token>& tokens, const std::vector<Match>& matches,
                                                const std::vector<Frame>& frames, std::size_t k,
                                                const AnchorContext& context) const;
    bool joined_as_range(const std::vector<Token>& tokens, const std::vector<Match>& matches, std::size_t k) const;
    void join_ranges(Document& doc, const std::vector<Token>& tokens, const std::vector<Match>& matches,
                     const std::vector<Frame>& frames, const std::vector<std::size_t>& timex_of_match) const;
    void anchor_to_following_timexes(Document& doc, const std::vector<Token>& tokens,
                                     const std::vector<Match>& matches, const std::vector<std::size_t>& timex_of_match,
                                     std::vector<EventAnchoredTimex>& anchored) const;
    void anchor_to_sentence_days(Document& doc, const std::vector<Match>& matches, const std::vector<Frame>& frames,
                                 const std::vector<std::size_t>& timex_of_match,
                                 const std::vector<std::size_t>& sentence_of_match) const;
    void anchor_to_days_beside(Document& doc, const std::vector<Token>& tokens, const std::vector<Match>& matches,
                               const std::vector<Frame>& frames, const std::vector<std::size_t>& timex_of_match) const;
    void join_duration_sums(const std::vector<Token>& tokens, std::vector<Match>& matches,
                            std::vector<Frame>& frames) const;

    Grammar grammar_;
    events::PhraseStarts event_phrase_starts_{events::EventLexicon::built_in(), grammar_.vocabulary()};
    DocumentGraph graph_;
};

namespace {

bool is_quarter_value(std::string_view v) { return v.size() == 7 && v[4] == '-' && v[5] == 'Q' && v[6] != 'X'; }

bool looks_like_past_participle(std::string_view w) {
    return w.size() > 4 && w.substr(w.size() - 2) == "ed";
}

// A match that starts inside a run of letters and digits ("Gt9Yg2BC6O" in a link) is not a timex, nor is a hashtag
// ("#Friday"): it labels a topic rather than naming a time.
bool glued_to_word(const std::vector<Token>& tokens, std::size_t begin) {
    if (begin == 0 || tokens[begin].space_before || tokens[begin].newline_before) return false;
    const Token& before = tokens[begin - 1];
    return before.kind == TokenKind::word || before.kind == TokenKind::number || before.norm == "#";
}

// Whether `timex` is anchored to `on`, directly or through other timexes.
bool anchored_through(const Document& doc, std::size_t timex, std::size_t on) {
    std::size_t steps = 0;
    for (auto at = doc.timexes[timex].anchor_timex; at && steps++ < doc.timexes.size(); at = doc.timexes[*at].anchor_timex)
        if (*at == on) return true;
    return false;
}

// Reads `frame` against the day that timex `day` names and, when that gives a value, gives it to timex `timex`,
// anchored to that day: the step shared by a count from a day, a night in a dated sentence and a clock beside a day.
bool anchor_to_day(Document& doc, std::size_t timex, std::size_t day, const Frame& frame, const AnchorContext& context) {
    const auto resolution =
        resolve_against_day(frame, context, date::year_month_day{doc.timexes[day].interval->first_day()});
    if (!resolution) return false;
    Timex& anchored = doc.timexes[timex];
    take_value(anchored, *resolution);
    anchored.anchor = AnchorKind::timex;
    anchored.anchor_timex = day;
    return true;
}

bool is_adverb(std::string_view w) { return w == "still" || (w.size() > 4 && w.substr(w.size() - 2) == "ly"); }

// A thread's tokenized text, kept for its next document: allocating and freeing its buffers for every document was
// over 1% of the work on news. The buffers a long text grew are freed when its document is done, so that one long
// text does not hold their memory for good.
class ThreadTokenizedText {
public:
    ThreadTokenizedText() : text_(kept()) {}
    ThreadTokenizedText(const ThreadTokenizedText&) = delete;
    ThreadTokenizedText& operator=(const ThreadTokenizedText&) = delete;
    ~ThreadTokenizedText() {
        if (text_.lowered.capacity() > kept_text_bytes) text_ = TokenizedText{};
    }
    TokenizedText& get() { return text_; }

private:
    static constexpr std::size_t kept_text_bytes = std::size_t{256} << 10;  // news articles are far shorter
    static TokenizedText& kept() {
        thread_local TokenizedText text;
        return text;
    }
    TokenizedText& text_;
};

}  // namespace

// The nearest tense cue inside the expression's sentence: first looking back ("said on Thursday", "will meet on
// Monday"), then a little ahead ("on Thursday, Peskov said"). Cues are words or word pairs ("set to", "as soon").
// A deadline moved to by a deferral ("postponed until Tuesday") is ahead, whatever the verb's tense.
Tense Engine::tense_around(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
                           std::size_t sentence_begin, std::size_t sentence_end) const {
    auto word_cue = [&](std::size_t i) -> std::optional<Tense> {
        const Token& t = tokens[i];
        if (i + 1 < sentence_end && tokens[i + 1].kind == TokenKind::word)
            if (auto pair = grammar_.tense_cue(tokens[i].word, tokens[i + 1].word)) return static_cast<Tense>(*pair);
        if (auto single = grammar_.tense_cue(tokens[i].word)) {
            const auto tense = static_cast<Tense>(*single);
            // A participle after a form of "be" is a passive ("is heard", "will be paid"), which says nothing of the past.
            if (tense == Tense::past && i > sentence_begin && grammar_.is_passive_auxiliary(tokens[i - 1].word))
                return std::nullopt;
            return tense;
        }
        // A capitalized -ed word inside a sentence is a name ("the United States", "Red Cross"), not a verb.
        if (!looks_like_past_participle(t.norm) || (t.capitalized && i != sentence_begin)) return std::nullopt;
        if (i > sentence_begin && grammar_.is_passive_auxiliary(tokens[i - 1].word)) return std::nullopt;
        // After a determiner, perhaps with an adverb between ("a still unspecified date"), it is an adjective; "the
        // year ended" keeps its verb.
        if (i > sentence_begin && grammar_.is_determiner(tokens[i - 1].word)) return std::nullopt;
        if (i > sentence_begin + 1 && grammar_.is_determiner(tokens[i - 2].word) && is_adverb(tokens[i - 1].norm))
            return std::nullopt;
        return Tense::past;
    };
    // What was still to come at a past time ("had been due to expire", "had planned to") is now past.
    auto cue = [&](std::size_t i) -> std::optional<Tense> {
        if (tokens[i].kind != TokenKind::word) return std::nullopt;
        const auto tense = word_cue(i);
        if (tense != Tense::future) return tense;
        for (std::size_t back = 1; back <= 2 && i >= sentence_begin + back; ++back)
            if (grammar_.is_backshift_auxiliary(tokens[i - back].word)) return Tense::past;
        return tense;
    };
    constexpr std::size_t look_back = 12, look_ahead = 10;
    if (begin > sentence_begin && grammar_.is_deadline(tokens[begin - 1].word))
        for (std::size_t distance = 2; distance <= look_back && begin >= sentence_begin + distance; ++distance)
            if (grammar_.is_deferral(tokens[begin - distance].word)) return Tense::future;
    for (std::size_t distance = 1; distance <= look_back && begin >= sentence_begin + distance; ++distance)
        if (auto t = cue(begin - distance)) return *t;
    for (std::size_t i = end; i < sentence_end && i < end + look_ahead; ++i)
        if (auto t = cue(i)) return *t;
    return Tense::unknown;
}

// Whether matches k and k + 1 have only a range joiner between them ("June 20-30", "from Monday to Wednesday").
bool Engine::joined_as_range(const std::vector<Token>& tokens, const std::vector<Match>& matches, std::size_t k) const {
    return k + 1 < matches.size() && matches[k + 1].begin == matches[k].end + 1 &&
           grammar_.joins(Joint::range_joiner, tokens[matches[k].end].norm);
}

// Two timexes with only a range joiner between them ("June 20-30", "from Monday to Wednesday", "between May and
// July 2003", "the spring and early summer of 1943"). They share the year that only one of them states; a month or
// season after the other's in the calendar falls in the year before it ("December to February 1945") or after it.
// They make a range unless "and" joins them without an opener before ("in May and July 2003" names two months, not a
// stretch).
void Engine::join_ranges(Document& doc, const std::vector<Token>& tokens, const std::vector<Match>& matches,
                         const std::vector<Frame>& frames, const std::vector<std::size_t>& timex_of_match) const {
    auto partial = [](const Frame& f) { return named_month(f) && !f.year && !f.dir && !f.reject; };
    auto dated = [](const Frame& f) { return named_month(f) && f.year && !f.reject; };
    for (std::size_t k = 0; k + 1 < matches.size(); ++k) {
        const std::size_t a = timex_of_match[k], b = timex_of_match[k + 1];
        if (a == SIZE_MAX || b == SIZE_MAX || !joined_as_range(tokens, matches, k)) continue;
        const std::string_view joiner = tokens[matches[k].end].norm;
        const bool first_partial = partial(frames[k]) && dated(frames[k + 1]);
        if (first_partial || (dated(frames[k]) && partial(frames[k + 1]))) {
            const Frame& stated = frames[first_partial ? k + 1 : k];
            Frame shared = frames[first_partial ? k : k + 1];
            shared.year = stated.year;
            shared.two_digit_year = stated.two_digit_year;
            shared.before_common_era = stated.before_common_era;
            const int next_year = stated.before_common_era ? -1 : 1;  // years before the common era count down
            if (first_partial && named_month(shared) > named_month(stated)) *shared.year -= next_year;
            if (!first_partial && named_month(shared) < named_month(stated)) *shared.year += next_year;
            AnchorContext context;
            context.publication = doc.published;
            if (const auto resolution = resolve(shared, context)) {
                Timex& timex = doc.timexes[first_partial ? a : b];
                take_value(timex, *resolution);
                timex.anchor = AnchorKind::none;
                timex.anchor_timex.reset();
            }
        }
        const bool opened = matches[k].begin > 0 && grammar_.joins(Joint::range_opener, tokens[matches[k].begin - 1].norm);
        if (opened || joiner != "and") doc.ranges.push_back({a, b});
    }
}

// In a story, "from October to March" ends in the year that its end month would take alone, as the story goes on, and
// begins in the year before: the story goes back to October rather than forward to the next March. The year of the
// opening month when match k opens such a range.
std::optional<int> Engine::story_range_opening_year(const std::vector<Token>& tokens, const std::vector<Match>& matches,
                                                    const std::vector<Frame>& frames, std::size_t k,
                                                    const AnchorContext& context) const {
    auto partial_month = [](const Frame& f) {
        return f.month && !f.year && !f.dir && !f.reject && f.unit == Unit::none;
    };
    if (!joined_as_range(tokens, matches, k) || !partial_month(frames[k]) || !partial_month(frames[k + 1]) ||
        *frames[k + 1].month >= *frames[k].month)
        return std::nullopt;
    const auto end = resolve(frames[k + 1], context);
    const auto interval = end ? timex_interval(end->value) : std::nullopt;
    // Before the common era the years count down; such a story keeps its months as they come.
    const int end_year = interval ? static_cast<int>(date::year_month_day{interval->first_day()}.year()) : 0;
    if (end_year <= 1) return std::nullopt;
    return end_year - 1;
}

// "ten days before May 16", "the day after March 3": a timex of one day right after the signal word is what the
// phrase counts from. "Oct. 12, the day before the plunge": a phrase set beside a day after a comma names that day.
// The others wait for the events.
void Engine::anchor_to_following_timexes(Document& doc, const std::vector<Token>& tokens,
                                         const std::vector<Match>& matches,
                                         const std::vector<std::size_t>& timex_of_match,
                                         std::vector<EventAnchoredTimex>& anchored) const {
    auto starting_at = [&](std::size_t at) {
        return std::lower_bound(matches.begin(), matches.end(), at,
                                [](const Match& m, std::size_t token) { return m.begin < token; });
    };
    auto day_of_match_at = [&](auto match) -> std::optional<std::size_t> {
        if (match == matches.end()) return std::nullopt;
        const std::size_t day = timex_of_match[static_cast<std::size_t>(match - matches.begin())];
        if (day == SIZE_MAX || !one_day(doc.timexes[day].interval)) return std::nullopt;
        return day;
    };
    std::erase_if(anchored, [&](const EventAnchoredTimex& a) {
        if (const auto next = starting_at(a.phrase_begin); next != matches.end() && next->begin == a.phrase_begin)
            if (const auto day = day_of_match_at(next)) return anchor_to_day(doc, a.timex, *day, a.frame, a.context);
        // A count ("Jan. 13, nearly two months after the raid") is the stretch between, not another name of the day.
        if (a.frame.qty || a.begin < 2 || tokens[a.begin - 1].norm != ",") return false;
        const auto self = starting_at(a.begin);
        if (self == matches.begin() || std::prev(self)->end != a.begin - 1) return false;
        const auto day = day_of_match_at(std::prev(self));
        if (!day) return false;
        Frame same_day = a.frame;
        same_day.dir = 0;
        return anchor_to_day(doc, a.timex, *day, same_day, a.context);
    });
}

// "Drones struck overnight, the ministry said on Saturday": the nearest day its sentence names, before or after it.
void Engine::anchor_to_sentence_days(Document& doc, const std::vector<Match>& matches, const std::vector<Frame>& frames,
                                     const std::vector<std::size_t>& timex_of_match,
                                     const std::vector<std::size_t>& sentence_of_match) const {
    auto names_a_day = [&](std::size_t other) {
        const std::size_t t = timex_of_match[other];
        return t != SIZE_MAX && frames[other].anchoring != Anchoring::sentence_day &&
               doc.timexes[t].type == TimexType::date && one_day(doc.timexes[t].interval);
    };
    auto day_in_sentence = [&](std::size_t k) -> std::optional<std::size_t> {
        auto in_sentence = [&](std::size_t other) { return sentence_of_match[other] == sentence_of_match[k]; };
        std::size_t before = k, after = k + 1;
        while (before > 0 && in_sentence(before - 1) && !names_a_day(before - 1)) --before;
        while (after < matches.size() && in_sentence(after) && !names_a_day(after)) ++after;
        const bool found_before = before > 0 && in_sentence(before - 1);
        const bool found_after = after < matches.size() && in_sentence(after);
        if (!found_before && !found_after) return std::nullopt;
        const bool take_before = found_before && (!found_after || k - (before - 1) <= after - k);
        return timex_of_match[take_before ? before - 1 : after];
    };
    AnchorContext context;
    context.publication = doc.published;
    for (std::size_t k = 0; k < matches.size(); ++k) {
        if (frames[k].anchoring != Anchoring::sentence_day || timex_of_match[k] == SIZE_MAX) continue;
        if (const auto day = day_in_sentence(k)) anchor_to_day(doc, timex_of_match[k], *day, frames[k], context);
    }
}

namespace {

// The match ending before token `end` is a possessive: "Wednesday's".
bool possessive(const std::vector<Token>& tokens, std::size_t end, std::size_t sentence_end) {
    return end + 1 < sentence_end && tokens[end].norm == "'" && tokens[end + 1].norm == "s" &&
           !tokens[end].space_before && !tokens[end + 1].space_before;
}

// The match [begin, end) qualifies the noun after it, between a determiner and that noun: "the 1614 rules", "the
// August 1792 uprising", "his 1992 campaign".
bool attributive(const Grammar& grammar, const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    if (begin == 0 || end >= tokens.size()) return false;
    const Token& after = tokens[end];
    return grammar.is_determiner(tokens[begin - 1].word) && after.kind == TokenKind::word && !after.capitalized &&
           !after.newline_before;
}

// The tokens [begin, end) are one aside in parentheses, such as the time in another zone after a clock time.
bool parenthetical(const std::vector<Token>& tokens, std::size_t begin, std::size_t end) {
    if (end < begin + 2 || tokens[begin].norm != "(" || tokens[end - 1].norm != ")") return false;
    return std::none_of(tokens.begin() + static_cast<std::ptrdiff_t>(begin) + 1,
                        tokens.begin() + static_cast<std::ptrdiff_t>(end) - 1,
                        [](const Token& t) { return t.norm == "(" || t.norm == ")" || t.newline_before; });
}

}  // namespace

// "Friday at 3 p.m.", "tomorrow, 9am", "10 a.m., May 16", "10:35 a.m. (0835 GMT) Tuesday", "3 p.m. (May 16)": a clock
// time beside a day falls on that day, not on the day it would be read against alone. So does a weekday that restates
// a date beside it ("Friday night, December 14", "Dec. 14 (Friday)").
void Engine::anchor_to_days_beside(Document& doc, const std::vector<Token>& tokens, const std::vector<Match>& matches,
                                   const std::vector<Frame>& frames,
                                   const std::vector<std::size_t>& timex_of_match) const {
    auto needs_a_day = [](const Frame& f) {
        return (f.hour || f.weekday) && !f.year && !f.month && !f.day && !f.dir && f.unit == Unit::none;
    };
    AnchorContext context;
    context.publication = doc.published;
    for (std::size_t k = 0; k + 1 < matches.size(); ++k) {
        const std::size_t a = timex_of_match[k], b = timex_of_match[k + 1];
        if (a == SIZE_MAX || b == SIZE_MAX || tokens[matches[k + 1].begin].newline_before) continue;
        const std::size_t gap = matches[k + 1].begin - matches[k].end;
        const std::size_t after = matches[k + 1].end;
        const bool beside = gap == 0 || (gap == 1 && grammar_.joins(Joint::clock_day, tokens[matches[k].end].norm)) ||
                            parenthetical(tokens, matches[k].end, matches[k + 1].begin) ||
                            (after < tokens.size() && parenthetical(tokens, matches[k].end, after + 1));
        if (!beside) continue;
        // A day counted from an event ("ten days before the vote") may move once the events are known.
        auto fixed_day = [&](std::size_t match, std::size_t timex) {
            return frames[match].anchoring != Anchoring::following && doc.timexes[timex].type == TimexType::date &&
                   one_day(doc.timexes[timex].interval);
        };
        const bool undated_first = needs_a_day(frames[k]) && fixed_day(k + 1, b);
        if (!undated_first && !(needs_a_day(frames[k + 1]) && fixed_day(k, a))) continue;
        const std::size_t day = undated_first ? b : a, undated = undated_first ? a : b;
        const Frame& frame = frames[undated_first ? k : k + 1];
        // "at 15:30 the following day": the day was counted from the clock time, which cannot then count from it.
        if (anchored_through(doc, day, undated)) continue;
        // A weekday that is not the date's own is a slip the text does not settle: each keeps its own reading.
        const date::sys_days date_day = doc.timexes[day].interval->first_day();
        if (frame.weekday && date::weekday{date_day}.iso_encoding() != static_cast<unsigned>(*frame.weekday)) continue;
        anchor_to_day(doc, undated, day, frame, context);
    }
}

// "two hours and 30 minutes", "1 week 1 day": a whole number of a smaller unit right after a whole number of units
// is one duration.
void Engine::join_duration_sums(const std::vector<Token>& tokens, std::vector<Match>& matches,
                                std::vector<Frame>& frames) const {
    auto whole_amount = [](const Frame& f) {
        constexpr Unit summable[] = {Unit::second, Unit::minute, Unit::hour, Unit::day, Unit::week, Unit::month, Unit::year};
        return f.type == TimexType::duration && !f.reject && f.qty && !f.vague_qty && !f.dir && !f.and_half &&
               f.qty_fraction.empty() && !f.plus && std::find(std::begin(summable), std::end(summable), f.unit) != std::end(summable);
    };
    for (std::size_t k = 0; k + 1 < matches.size(); ++k) {
        Frame &larger = frames[k], &smaller = frames[k + 1];
        const std::size_t gap = matches[k + 1].begin - matches[k].end;
        const bool joined = gap == 0 || (gap == 1 && grammar_.joins(Joint::duration_sum, tokens[matches[k].end].norm));
        if (!joined || tokens[matches[k + 1].begin].newline_before || !whole_amount(larger) || !whole_amount(smaller) ||
            smaller.mod != TimexMod::none || smaller.unit >= larger.unit)
            continue;
        larger.plus = Frame::Amount{smaller.unit, *smaller.qty};
        matches[k].end = matches[k + 1].end;
        matches.erase(matches.begin() + static_cast<std::ptrdiff_t>(k) + 1);
        frames.erase(frames.begin() + static_cast<std::ptrdiff_t>(k) + 1);
    }
}

Document Engine::extract(std::string text, std::optional<Date> published, std::string id, Extraction extraction) const {
    if (text.size() > Extractor::max_document_bytes)
        throw DocumentTooLargeError("document of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                                    std::to_string(Extractor::max_document_bytes));
    const bool ascii = is_ascii(text);  // and so valid UTF-8
    if (!ascii) validate_utf8(text);
    if (published && !representable(*published)) throw InvalidDateError("publication date is not a valid calendar date");

    Document doc;
    doc.id = std::move(id);
    doc.published = published;
    doc.text = std::move(text);
    ThreadTokenizedText reused;
    TokenizedText& tokenized = reused.get();
    tokenize(doc.text, grammar_.vocabulary(), tokenized);
    const auto& tokens = tokenized.tokens;
    doc.sentences = split_sentences(doc.text, ascii, tokenized.sentence_ends);

    // Token index ranges of the sentences, to keep tense cues inside a sentence.
    std::vector<std::pair<std::size_t, std::size_t>> sentence_tokens(doc.sentences.size(), {0, 0});
    // A token belongs to the first sentence that ends after it starts, and the last sentence takes the rest. Both are
    // in text order, so a sentence's tokens are found by bisection rather than by a step at every token.
    for (std::size_t s = 0, i = 0; s < sentence_tokens.size(); ++s) {
        const std::size_t sentence_end = s + 1 < sentence_tokens.size() ? doc.sentences[s].end : SIZE_MAX;
        const std::size_t first = i;
        // A token takes a byte at least: the sentence's tokens are among as many as it has bytes from its first.
        const std::size_t at_most =
            first < tokens.size() && tokens[first].span.begin < sentence_end
                ? std::min(tokens.size() - first, sentence_end - tokens[first].span.begin)
                : 0;
        i = static_cast<std::size_t>(
            std::partition_point(tokens.begin() + first, tokens.begin() + first + at_most,
                                 [&](const Token& t) { return t.span.begin < sentence_end; }) - tokens.begin());
        if (i > first) sentence_tokens[s] = {first, i};
    }
    // The token range of the sentence a token belongs to, or of the whole text when it has no sentences; asked only
    // for the tokens that start a match.
    auto sentence_around = [&](std::size_t token) -> std::pair<std::size_t, std::size_t> {
        if (sentence_tokens.empty()) return {0, tokens.size()};
        const std::size_t begin = tokens[token].span.begin;
        const auto sentence = std::partition_point(doc.sentences.begin(), doc.sentences.end() - 1,
                                                   [&](const Span& s) { return s.end <= begin; });
        return sentence_tokens[static_cast<std::size_t>(sentence - doc.sentences.begin())];
    };

    std::vector<Match> matches = grammar_.find_all(tokens);
    // The story's reference time and the timex that set it (see AnchorContext).
    std::optional<Date> reference, story, dated;
    std::optional<std::size_t> reference_timex, story_timex, dated_timex;
    bool story_within_month = false;
    // The quarter an earnings report reports on, and the timex that named it.
    std::optional<Date> period;
    std::optional<std::size_t> period_timex;
    // The first token of the last sentence that reported on a stretch longer than a quarter ("for the nine months").
    std::optional<std::size_t> longer_than_quarter_sentence;
    // The tense the last cue told in a sentence, which holds for its later timexes too far from any cue.
    std::optional<std::size_t> tense_sentence;
    Tense sentence_tense = Tense::unknown;
    std::vector<Frame> frames(matches.size());
    for (std::size_t k = 0; k < matches.size(); ++k) grammar_.interpret(matches[k], frames[k]);
    join_duration_sums(tokens, matches, frames);
    std::vector<std::size_t> timex_of_match(matches.size(), SIZE_MAX);
    // A text whose stated years lie mostly two or more years from its publication date tells a story of its own time
    // (history, a look back); news that mentions older years in passing stays anchored to its publication date, and
    // its weekdays and "last week"s weigh on that side.
    std::size_t far_years = 0, near_cues = 0;  // near: a year within two of publication, a weekday, "last week"
    for (const Frame& f : frames) {
        if (f.reject) continue;
        if (f.year) ++(!published || std::abs(*f.year - static_cast<int>(published->year())) >= 2 ? far_years : near_cues);
        else if (f.anchoring == Anchoring::publication && f.ref.empty() &&
                 ((f.weekday && !f.month) || (f.dir && *f.dir != 0 && f.unit != Unit::none)))
            ++near_cues;
    }
    const bool narrative = far_years >= 2 && far_years > near_cues;
    std::vector<EventAnchoredTimex> event_anchored;
    doc.timexes.reserve(matches.size());  // most matches are a timex; moving grown timexes costs more than the slack
    // Tokens before it are a bare number an earlier timex has taken as its elided partner ("2023-24"), which the
    // next timex must not take again.
    std::size_t elided_until = 0;
    for (std::size_t k = 0; k < matches.size(); ++k) {
        const Match& m = matches[k];
        const Frame& frame = frames[k];
        if (frame.reject || glued_to_word(tokens, m.begin)) continue;
        AnchorContext context;
        context.publication = published;
        context.reference = reference ? reference : published;
        context.dated = dated;
        const auto [sentence_begin, sentence_end] = sentence_around(m.begin);
        // "For the nine months, net rose from $1.7 billion a year earlier": the year before, not its quarter.
        if (frame.type == TimexType::duration && frame.unit == Unit::month && frame.qty && *frame.qty > 3)
            longer_than_quarter_sentence = sentence_begin;
        if (longer_than_quarter_sentence != sentence_begin) context.period = period;
        context.tense = tense_around(tokens, m.begin, m.end, sentence_begin, sentence_end);
        if (context.tense == Tense::unknown && tense_sentence == sentence_begin) context.tense = sentence_tense;
        else if (context.tense != Tense::unknown) tense_sentence = sentence_begin, sentence_tense = context.tense;
        if (context.tense == Tense::future_in_past) context.tense = narrative ? Tense::unknown : Tense::future;
        // "will appeal Wednesday's ruling": the clause's future is the verb's; what a possessive day names is mostly
        // done by the time it is named.
        if (context.tense == Tense::future && possessive(tokens, m.end, sentence_end)) context.tense = Tense::unknown;
        // What is still to come is dated from the publication, not from the story's past.
        if (narrative && context.tense != Tense::future && (story_within_month || !reads_against_day(frame)))
            context.story = story;
        std::optional<Resolution> resolution;
        // A count from what follows, or from the story's time before the text has dated anything: the stretch.
        const bool nothing_to_count_from =
            frame.anchoring == Anchoring::following || (frame.anchoring == Anchoring::reference && !dated);
        if (frame.duration_alone && nothing_to_count_from) {
            resolution = resolve(as_duration(frame), context);
        } else if (const auto year = context.story ? story_range_opening_year(tokens, matches, frames, k, context)
                                                   : std::nullopt) {
            Frame opening = frame;
            opening.year = year;
            resolution = resolve(opening, context);
        } else {
            resolution = resolve(frame, context);
        }
        if (!resolution) continue;
        Timex timex;
        timex.span = {tokens[m.begin].span.begin, tokens[m.end - 1].span.end};
        timex.type = resolution->type;
        timex.value = resolution->value;
        timex.mod = frame.mod;
        timex.quant = frame.quant;
        timex.freq = frame.freq;
        timex.rule = m.rule->name;
        timex.anchor = resolution->anchor;
        if (resolution->used_period) timex.anchor_timex = period_timex;
        if (resolution->used_dated) {
            timex.anchor_timex = dated_timex;
            timex.anchor = AnchorKind::timex;
        }
        if (resolution->used_reference) {
            timex.anchor_timex = context.story ? story_timex : reference_timex;
            timex.anchor = timex.anchor_timex ? AnchorKind::timex : AnchorKind::publication;
        }
        if (timex.type == TimexType::date || timex.type == TimexType::time) timex.interval = timex_interval(timex.value);
        // A bare number beside the date shares the rest of it: "22-25 April", "April 24 and 25".
        if (auto before = elided_before(grammar_, tokens, m.begin, timex,
                                        std::max(k > 0 ? matches[k - 1].end : 0, elided_until)))
            doc.timexes.push_back(std::move(*before));
        const std::size_t index = doc.timexes.size();
        // A timex that may yet be anchored to an event does not become the story's reference time: what follows
        // it would otherwise keep a value resolved against a day the events stage may change.
        // Nor does a day named in the phrase it counts from ("a week after their meeting on 3 March"): the sentence
        // tells of a later day.
        const bool follows_phrase = frame.anchoring == Anchoring::following;
        const bool in_counted_phrase = !event_anchored.empty() && m.begin >= event_anchored.back().phrase_begin &&
                                       m.begin < event_anchored.back().sentence_end;
        if (follows_phrase)
            event_anchored.push_back({index, m.begin, m.end + m.rule->right_context.size(), sentence_end,
                                      frame, context});
        // A night dated by its sentence's day, which may come later, is settled only once the sentence is read.
        const bool moves_reference =
            !follows_phrase && !in_counted_phrase && frame.anchoring != Anchoring::sentence_day;
        if (timex.interval && timex.type != TimexType::set && moves_reference) {
            dated = date::year_month_day{timex.interval->first_day()};
            dated_timex = index;
        }
        if (resolution->day && timex.type != TimexType::set && moves_reference) {
            reference = resolution->day;
            reference_timex = index;
        }
        // A look back ("the previous year", "part of the empire since 513 BC"), a plan ("elections set for 1976"), a
        // time alone in parentheses (a book's year: "How Wars Are Won (2003)") or one that qualifies a noun ("the
        // August 1792 uprising") is an aside: the story goes on from where it was.
        const bool aside = context.tense == Tense::future || (frame.dir && *frame.dir < 0) ||
                           (m.begin > 0 && m.end < tokens.size() && parenthetical(tokens, m.begin - 1, m.end + 1)) ||
                           attributive(grammar_, tokens, m.begin, m.end) ||
                           (m.begin > 0 && grammar_.opens_stretch(tokens[m.begin - 1].word));
        // Nor does a wider time that holds the story's day ("On December 7, 1941"): the story is still at that day.
        const bool holds_story = story && timex.interval && timex.interval->first_day() <= date::sys_days{*story} &&
                                 date::sys_days{*story} <= timex.interval->last_day();
        if (narrative && timex.interval && timex.type != TimexType::set && !aside && !holds_story &&
            (resolution->anchor == AnchorKind::none || resolution->used_reference)) {
            story = date::year_month_day{timex.interval->first_day()};
            story_timex = index;
            story_within_month = timex.interval->last_day() - timex.interval->first_day() < date::days{31};
        }
        // Only a quarter that has ended by publication is one a report can be reporting on; a report looking back
        // at an earlier quarter ("after a flat second quarter") still reports on the latest one it named.
        if (!resolution->used_period && timex.interval && is_quarter_value(timex.value) &&
            (!published || timex.interval->end <= date::sys_days{*published}) &&
            (!period || date::sys_days{*period} <= timex.interval->first_day())) {
            period = date::year_month_day{timex.interval->first_day()};
            period_timex = index;
        }
        timex_of_match[k] = index;
        doc.timexes.push_back(std::move(timex));
        if (auto after = elided_after(grammar_, tokens, m.end, doc.timexes.back(),
                                      k + 1 < matches.size() ? matches[k + 1].begin : tokens.size())) {
            doc.timexes.push_back(std::move(*after));
            elided_until = m.end + 2;  // the joiner and the bare number
        }
    }
    join_ranges(doc, tokens, matches, frames, timex_of_match);
    anchor_to_following_timexes(doc, tokens, matches, timex_of_match, event_anchored);
    if (std::any_of(frames.begin(), frames.end(), [](const Frame& f) { return f.anchoring == Anchoring::sentence_day; })) {
        std::vector<std::size_t> sentence_of_match(matches.size());  // a sentence by its first token
        for (std::size_t k = 0; k < matches.size(); ++k) sentence_of_match[k] = sentence_around(matches[k].begin).first;
        anchor_to_sentence_days(doc, matches, frames, timex_of_match, sentence_of_match);
    }
    anchor_to_days_beside(doc, tokens, matches, frames, timex_of_match);
    if (extraction == Extraction::timexes) return doc;
    events::find_events(doc, tokens, sentence_tokens, event_phrase_starts_);
    anchor_to_events(doc, tokens, event_anchored);
    if (extraction == Extraction::full) graph_.link(doc, tokens);
    return doc;
}

}  // namespace impl

Extractor::Extractor() : engine_(std::make_shared<const impl::Engine>()) {}
Extractor::~Extractor() = default;
Extractor::Extractor(const Extractor&) = default;
Extractor& Extractor::operator=(const Extractor&) = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

Document Extractor::extract(std::string text, std::optional<Date> published, std::string id,
                            Extraction extraction) const {
    return engine_->extract(std::move(text), published, std::move(id), extraction);
}

}  // namespace chronoweave
