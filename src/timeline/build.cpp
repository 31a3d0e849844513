// build_timeline(): mentions -> merged nodes -> relations -> constraint propagation -> order.
#include <chronoweave/error.hpp>
#include <chronoweave/timeline.hpp>

#include <algorithm>
#include <map>
#include <queue>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "output/names.hpp"
#include "resource_table.hpp"
#include "timeline/day_network.hpp"

namespace chronoweave {

std::string_view to_string(DateBasis b) noexcept {
    switch (b) {
        case DateBasis::stated: return "stated";
        case DateBasis::inferred: return "inferred";
        default: return "none";
    }
}

std::string timeline_document_id(const Document& document, std::size_t index) {
    return document.id.empty() ? impl::numbered_id('#', index) : document.id;
}

std::string_view to_string(EdgeBasis b) noexcept { return b == EdgeBasis::calendar ? "calendar" : "stated"; }

namespace {

using Day = impl::DayNetwork::Day;

Day day_number(date::sys_days d) { return d.time_since_epoch().count(); }
date::sys_days from_day_number(Day d) { return date::sys_days{date::days{d}}; }
std::string day_text(Day d) { return impl::day_text(from_day_number(d)); }
std::string day_range_text(Day first, Day last) { return impl::day_range_text(from_day_number(first), from_day_number(last)); }

struct DayRange {
    Day first, last;
};

// What one mention says about its event, gathered once.
struct MentionFacts {
    std::size_t doc = 0, event = 0;
    const Event* source = nullptr;
    std::vector<std::string> participants;  // sorted, unique
    std::optional<DayRange> stated;         // the days of the timex that dates it
    std::string number;                     // leading_number() of its quantity
};

// Mentions merged so far into one node.
struct Cluster {
    std::string kind;
    std::vector<std::string> participants;  // sorted, unique
    std::string place;
    std::string quantity;
    std::string number;                     // leading_number() of the quantity
    std::optional<DayRange> stated;
    EventStatus status = EventStatus::unknown;  // of its latest mention
    std::vector<std::size_t> mentions;      // into the mention table
    std::vector<std::string> reasons;
    std::vector<std::string> bucket_keys;   // where index_cluster() has filed it
};

// The clusters the mentions of the document being merged have joined, by kind, the most recently joined last.
struct DocumentClusters {
    std::unordered_map<std::string, std::vector<std::size_t>> of_kind;

    void joined(const std::string& kind, std::size_t cluster) {
        auto& list = of_kind[kind];
        std::erase(list, cluster);
        list.push_back(cluster);
    }
    std::optional<std::size_t> latest(const std::string& kind) const {
        const auto it = of_kind.find(kind);
        if (it == of_kind.end() || it->second.empty()) return std::nullopt;
        return it->second.back();
    }
};

std::vector<std::string> sorted_names(const Event& e) {
    std::vector<std::string> names;
    for (const Participant& p : e.participants)
        if (!p.name.empty()) names.push_back(p.name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

// The days the document dates the event to: its timex, or the publication day of a past-tense report.
std::optional<DayRange> stated_days(const Event& e) {
    if (e.time_source == TimeSource::none || !e.interval) return std::nullopt;
    return DayRange{day_number(e.interval->first_day()), day_number(e.interval->last_day())};
}

// The number a quantity starts with, digits only ("1,000 prisoners of war" -> "1000"), to compare two reports.
std::string leading_number(std::string_view quantity) {
    std::string digits;
    for (char c : quantity) {
        if (c >= '0' && c <= '9') digits += c;
        else if (!digits.empty() && c != ',' && c != '.') break;
    }
    return digits;
}

bool subset(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

std::vector<std::string> shared_names(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

std::string joined(const std::vector<std::string>& names, std::string_view separator) {
    std::string out;
    for (const std::string& n : names) {
        if (!out.empty()) out += separator;
        out += n;
    }
    return out;
}

// The sentence around a span, cut at UTF-8 character boundaries to at most `limit` bytes.
std::string sentence_around(const Document& doc, const Span& span, std::size_t limit = 300) {
    Span around = span;
    for (const Span& s : doc.sentences)
        if (s.begin <= span.begin && span.begin < s.end) {
            around = s;
            break;
        }
    if (around.size() > limit) {
        const std::size_t half = limit / 2;
        around.begin = span.begin > around.begin + half ? span.begin - half : around.begin;
        around.end = std::min(around.end, around.begin + limit);
    }
    auto continuation = [&](std::size_t i) { return i < doc.text.size() && (doc.text[i] & 0xC0) == 0x80; };
    while (around.begin < around.end && continuation(around.begin)) ++around.begin;
    while (around.end > around.begin && continuation(around.end)) --around.end;
    return std::string(doc.text_of(around));
}

class Labeller {
public:
    Labeller() {
        constexpr std::string_view path = "timeline/labels.tsv";
        impl::for_each_row(path, impl::resource_content(path), 2, [&](const std::vector<std::string_view>& f) {
            nouns_.emplace(std::string(f[0]), std::string(f[1]));
        });
    }
    std::string label(const TimelineNode& node, const std::vector<std::string>& speakers) const {
        const auto it = nouns_.find(node.kind);
        const std::string noun = it == nouns_.end() ? node.kind : it->second;
        const auto& actors = node.kind == "statement" && !speakers.empty() ? speakers : node.participants;
        std::string label = joined(actors, "-");
        if (!label.empty()) label += ' ';
        label += noun;
        if (!node.place.empty()) label += " in " + node.place;
        return label;
    }

private:
    std::map<std::string, std::string, std::less<>> nouns_;
};

class TimelineBuilder {
public:
    TimelineBuilder(const std::vector<Document>& documents, const TimelineOptions& options)
        : docs_(documents), options_(options) {}

    Timeline build() {
        name_documents();
        gather_mentions();
        merge();
        return place_in_time();
    }

private:
    void name_documents() {
        std::unordered_set<std::string> seen;
        for (std::size_t d = 0; d < docs_.size(); ++d) {
            std::string id = timeline_document_id(docs_[d], d);
            if (!seen.insert(id).second)
                throw DuplicateDocumentIdError("two documents have the id '" + id + "'; timeline mentions need distinct ids");
            ids_.push_back(std::move(id));
        }
    }

    void gather_mentions() {
        for (std::size_t d = 0; d < docs_.size(); ++d)
            for (std::size_t e = 0; e < docs_[d].events.size(); ++e) {
                const Event& event = docs_[d].events[e];
                mentions_.push_back(
                    {d, e, &event, sorted_names(event), stated_days(event), leading_number(event.quantity)});
            }
    }

    // --- merging -------------------------------------------------------------------------------------------------

    // Whether mention m may join cluster c, and how strongly the evidence says so (higher is stronger).
    std::optional<int> compare(const MentionFacts& m, const Cluster& c, bool same_document) const {
        const Event& e = *m.source;
        if (conflict(facts_of(m), facts_of(c))) return std::nullopt;
        if (!e.quantity.empty() && !c.quantity.empty() && m.number != c.number) return std::nullopt;
        // In one document, a second mention of a kind with another status is another event ("they met on Friday;
        // a meeting of the presidents is possible"); across documents the status may change, and is reconciled.
        if (same_document && e.status != c.status && e.status != EventStatus::unknown && c.status != EventStatus::unknown)
            return std::nullopt;
        const bool both_dated = m.stated && c.stated;
        if (both_dated) {
            const Day span = std::max(m.stated->last, c.stated->last) - std::min(m.stated->first, c.stated->first) + 1;
            if (span > options_.max_merge_span_days) return std::nullopt;
        }
        // A report cannot say that an event dated after it has happened, nor that one dated before it is to come.
        if (c.stated && docs_[m.doc].published) {
            const Day published = day_number(date::sys_days{*docs_[m.doc].published});
            if (e.status == EventStatus::occurred && c.stated->first > published) return std::nullopt;
            if ((e.status == EventStatus::planned || e.status == EventStatus::proposed) && c.stated->last < published)
                return std::nullopt;
        }
        const std::size_t shared = shared_names(m.participants, c.participants).size();
        // In one document, a mention that names its actors joins only an event with one of them: "a summit of the
        // presidents" is not the unnamed "round of talks" before it.
        if (same_document && !m.participants.empty() && shared == 0) return std::nullopt;
        // Nor does an undated mention with a place of its own join a dated event at no place: nothing ties "shelling
        // in Kursk" to the drone attack of the night before.
        if (same_document && !m.stated && c.stated && !e.place.empty() && c.place.empty()) return std::nullopt;
        const bool same_place = !e.place.empty() && e.place == c.place;
        const bool same_sides = shared >= 2 && m.participants == c.participants;
        const bool same_number = !e.quantity.empty() && !c.quantity.empty() && !m.number.empty();
        // Across documents, dated mentions need a shared actor, the place or the number ("1,000 prisoners"); an
        // undated one needs the number, or the same place with a shared actor or none named, or the same sides; two
        // undated mentions need the number.
        if (!same_document) {
            const bool unnamed = m.participants.empty();
            const bool enough = both_dated ? shared > 0 || same_place || same_number
                                : (m.stated || c.stated)
                                    ? same_number || (same_place && (shared > 0 || unnamed)) || same_sides
                                    : same_number;
            if (!enough) return std::nullopt;
        }
        return 10 * same_document + 4 * same_number + 3 * same_place + 2 * static_cast<int>(shared) + both_dated;
    }

    // Why compare() let m join c, for TimelineNode::merge_reasons.
    std::string merge_reason(const MentionFacts& m, const Cluster& c, bool same_document) const {
        std::string reason = same_document ? "same document; " : "";
        reason += "same kind (" + c.kind + ")";
        if (m.stated && c.stated) {
            const Day first = std::max(m.stated->first, c.stated->first), last = std::min(m.stated->last, c.stated->last);
            reason += "; dates overlap (" + day_range_text(first, last) + ")";
        }
        if (const auto shared = shared_names(m.participants, c.participants); !shared.empty())
            reason += "; shared participants: " + joined(shared, ", ");
        if (!m.source->place.empty() && m.source->place == c.place) reason += "; same place: " + c.place;
        if (!m.source->quantity.empty() && !c.quantity.empty()) reason += "; same number: " + c.number;
        return reason;
    }

    // Dated clusters are filed by week and by each actor and place: a dated mention from another document joins
    // only a cluster with which it shares an actor or the place, so nothing it could join is left out.
    static std::string week_key(std::string_view kind, Day week, std::string_view what, std::string_view value) {
        return bucket_key(kind, std::string(what) + '@' + std::to_string(week), value, false);
    }
    static std::string bucket_key(std::string_view kind, std::string_view what, std::string_view value, bool undated_only) {
        std::string key(kind);
        key += '\x1f';
        key += what;
        key += undated_only ? "\x1fundated\x1f" : "\x1f";
        key += value;
        return key;
    }
    static Day week_of(Day day) { return day >= 0 ? day / 7 : (day - 6) / 7; }

    // Files a cluster under the keys candidates() looks up: its kind, actors and place in each week it spans (when
    // dated); its kind at its place and with its participants, in a second set of buckets too while undated; and
    // its kind with the number it counts.
    void index_cluster(std::size_t c) {
        Cluster& cluster = clusters_[c];
        auto file_under = [&](std::string key) {
            if (std::find(cluster.bucket_keys.begin(), cluster.bucket_keys.end(), key) != cluster.bucket_keys.end()) return;
            buckets_[key].push_back(c);
            cluster.bucket_keys.push_back(std::move(key));
        };
        if (cluster.stated && cluster.stated->last - cluster.stated->first < options_.max_merge_span_days)
            for (Day w = week_of(cluster.stated->first); w <= week_of(cluster.stated->last); ++w) {
                for (const std::string& name : cluster.participants) file_under(week_key(cluster.kind, w, "actor", name));
                if (!cluster.place.empty()) file_under(week_key(cluster.kind, w, "place", cluster.place));
            }
        const std::string actors = joined(cluster.participants, "|");
        for (const bool undated_only : {false, true}) {
            if (undated_only && cluster.stated) break;
            if (!cluster.place.empty()) file_under(bucket_key(cluster.kind, "place", cluster.place, undated_only));
            if (!actors.empty()) file_under(bucket_key(cluster.kind, "actors", actors, undated_only));
        }
        if (!cluster.number.empty()) file_under(bucket_key(cluster.kind, "number", cluster.number, false));
    }

    // The clusters a mention could join: those of its kind its own document has (a mention refers back past another
    // event: "the agreed exchange" after a swap of another number), and those of its kind that share an actor or its
    // place in the weeks it spans, or have its place, its participants or its number.
    std::vector<std::size_t> candidates(const MentionFacts& m, const DocumentClusters& local) {
        std::vector<std::size_t> out;
        const Event& e = *m.source;
        // A long document is compared by its latest clusters only, as a crowded bucket is.
        constexpr std::size_t crowded = 16;
        if (auto it = local.of_kind.find(e.kind); it != local.of_kind.end()) {
            const auto& list = it->second;
            out.insert(out.end(), list.end() - static_cast<std::ptrdiff_t>(std::min(list.size(), crowded)), list.end());
        }
        auto take = [&](const std::string& key) {
            auto it = buckets_.find(key);
            if (it == buckets_.end()) return;
            // A crowded bucket (a common kind at a common place) is compared by its latest clusters only, which keeps
            // the work per mention bounded; a story's repeat reports come close together.
            const auto& list = it->second;
            const std::size_t from = list.size() > crowded ? list.size() - crowded : 0;
            out.insert(out.end(), list.begin() + static_cast<std::ptrdiff_t>(from), list.end());
        };
        // A dated mention finds the dated clusters it could join by their weeks; by place and participants it looks
        // only for the undated ones.
        if (m.stated && m.stated->last - m.stated->first < options_.max_merge_span_days)
            for (Day w = week_of(m.stated->first); w <= week_of(m.stated->last); ++w) {
                for (const std::string& name : m.participants) take(week_key(e.kind, w, "actor", name));
                if (!e.place.empty()) take(week_key(e.kind, w, "place", e.place));
            }
        const bool undated_only = m.stated.has_value();
        if (!e.place.empty()) take(bucket_key(e.kind, "place", e.place, undated_only));
        if (!m.participants.empty()) take(bucket_key(e.kind, "actors", joined(m.participants, "|"), undated_only));
        if (!m.number.empty()) take(bucket_key(e.kind, "number", m.number, false));
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        std::erase_if(out, [&](std::size_t c) { return clusters_[c].mentions.empty(); });  // absorbed
        return out;
    }

    void merge() {
        std::size_t mention = 0;
        for (std::size_t d = 0; d < docs_.size(); ++d) {
            DocumentClusters local;
            for (std::size_t e = 0; e < docs_[d].events.size(); ++e, ++mention) {
                const MentionFacts& m = mentions_[mention];
                std::optional<std::size_t> best;
                int best_score = 0;
                bool ambiguous = false;
                const auto latest = local.latest(m.source->kind);
                for (std::size_t c : candidates(m, local)) {
                    const auto evidence = compare(m, clusters_[c], cluster_doc_[c].count(d) > 0);
                    if (!evidence) continue;
                    // On equal evidence, the event its document mentioned last is the one meant.
                    const int score = 2 * *evidence + (c == latest);
                    if (!best || score > best_score) {
                        best = c;
                        best_score = score;
                        ambiguous = false;
                    } else if (score == best_score) {
                        ambiguous = true;
                    }
                }
                // Two equally good nodes in other documents: which one is meant is a guess, so neither is taken.
                if (best && ambiguous && !cluster_doc_[*best].count(d)) best.reset();
                if (best) join(*best, mention, merge_reason(m, clusters_[*best], cluster_doc_[*best].count(d) > 0));
                else start_cluster(mention);
                std::size_t joined_cluster = best ? *best : clusters_.size() - 1;
                // "the prisoner exchange ... the exchange of 1,000 prisoners": a number that ties a mention already
                // merged within its document to another document's event ties the two events together.
                if (!m.number.empty())
                    for (std::size_t c : candidates(m, {})) {
                        if (c == joined_cluster || clusters_[c].mentions.empty() || cluster_doc_[c].count(d)) continue;
                        const auto score = compare(m, clusters_[c], false);
                        if (!score || !can_absorb(clusters_[c], clusters_[joined_cluster])) continue;
                        if (clusters_[c].number != m.number) continue;
                        absorb(c, joined_cluster, ids_[d] + ": same kind (" + clusters_[c].kind + "); same number: " +
                                                      m.number + " (joins its document's mentions)");
                        joined_cluster = c;
                        break;
                    }
                local.joined(m.source->kind, joined_cluster);
            }
        }
        // Absorbed clusters are empty now.
        std::vector<std::size_t> live;
        for (std::size_t c = 0; c < clusters_.size(); ++c)
            if (!clusters_[c].mentions.empty()) live.push_back(c);
        std::vector<Cluster> kept;
        kept.reserve(live.size());
        for (std::size_t c : live) kept.push_back(std::move(clusters_[c]));
        clusters_ = std::move(kept);
        cluster_doc_.clear();
        buckets_.clear();
    }

    // Whether cluster `from` can be merged into `into` as a whole: nothing in their facts disagrees.
    static bool can_absorb(const Cluster& into, const Cluster& from) {
        return into.kind == from.kind && !conflict(facts_of(into), facts_of(from));
    }

    void absorb(std::size_t into, std::size_t from, std::string reason) {
        Cluster& target = clusters_[into];
        Cluster& source = clusters_[from];
        add_facts(target, facts_of(source), source.quantity, source.number);
        target.reasons.push_back(std::move(reason));
        target.reasons.insert(target.reasons.end(), source.reasons.begin(), source.reasons.end());
        target.mentions.insert(target.mentions.end(), source.mentions.begin(), source.mentions.end());
        std::sort(target.mentions.begin(), target.mentions.end());
        cluster_doc_[into].insert(cluster_doc_[from].begin(), cluster_doc_[from].end());
        source.mentions.clear();
        source.reasons.clear();
        index_cluster(into);
    }

    void start_cluster(std::size_t mention) {
        const MentionFacts& m = mentions_[mention];
        Cluster c;
        c.kind = m.source->kind;
        c.participants = m.participants;
        c.place = m.source->place;
        c.quantity = m.source->quantity;
        c.number = m.number;
        c.stated = m.stated;
        c.status = m.source->status;
        c.mentions.push_back(mention);
        clusters_.push_back(std::move(c));
        cluster_doc_.push_back({m.doc});
        index_cluster(clusters_.size() - 1);
    }

    void join(std::size_t c, std::size_t mention, std::string reason) {
        const MentionFacts& m = mentions_[mention];
        Cluster& cluster = clusters_[c];
        add_facts(cluster, facts_of(m), m.source->quantity, m.number);
        if (m.source->status != EventStatus::unknown) cluster.status = m.source->status;
        cluster.mentions.push_back(mention);
        cluster.reasons.push_back(ids_[m.doc] + ": " + std::move(reason));
        cluster_doc_[c].insert(m.doc);
        index_cluster(c);
    }

    // What a mention or a cluster says of its event, as merging compares and combines it.
    struct Facts {
        bool negated;
        const std::vector<std::string>& participants;  // sorted, unique
        std::string_view place;
        const std::optional<DayRange>& stated;
    };
    static Facts facts_of(const MentionFacts& m) {
        return {m.source->status == EventStatus::negated, m.participants, m.source->place, m.stated};
    }
    static Facts facts_of(const Cluster& c) { return {c.status == EventStatus::negated, c.participants, c.place, c.stated}; }

    // Whether two accounts cannot be of one event: one denies what the other reports, neither's participants are
    // among the other's, the places differ, or the days do not overlap.
    static bool conflict(const Facts& a, const Facts& b) {
        if (a.negated != b.negated) return true;
        if (!a.participants.empty() && !b.participants.empty() && !subset(a.participants, b.participants) &&
            !subset(b.participants, a.participants))
            return true;
        if (!a.place.empty() && !b.place.empty() && a.place != b.place) return true;
        return a.stated && b.stated && (a.stated->last < b.stated->first || b.stated->last < a.stated->first);
    }

    // Adds what `from` knows to a cluster: its participants, the place and number the cluster lacks, and the days
    // both allow.
    static void add_facts(Cluster& into, const Facts& from, const std::string& quantity, const std::string& number) {
        std::vector<std::string> names;
        std::set_union(into.participants.begin(), into.participants.end(), from.participants.begin(),
                       from.participants.end(), std::back_inserter(names));
        into.participants = std::move(names);
        if (into.place.empty()) into.place = from.place;
        if (into.quantity.empty()) {
            into.quantity = quantity;
            into.number = number;
        }
        if (from.stated)
            into.stated = into.stated ? DayRange{std::max(into.stated->first, from.stated->first),
                                                 std::min(into.stated->last, from.stated->last)}
                                      : from.stated;
    }

    // --- time ----------------------------------------------------------------------------------------------------

    EventStatus reconciled_status(const Cluster& c) const {
        // What happened stays so; otherwise the latest report that says anything (by publication date, then text
        // order) says.
        std::optional<std::size_t> latest;
        for (std::size_t i : c.mentions) {
            const MentionFacts& m = mentions_[i];
            if (m.source->status == EventStatus::occurred) return EventStatus::occurred;
            if (m.source->status == EventStatus::unknown) continue;
            if (!latest || docs_[m.doc].published >= docs_[mentions_[*latest].doc].published) latest = i;
        }
        return latest ? mentions_[*latest].source->status : EventStatus::unknown;
    }

    Timeline place_in_time() {
        const std::size_t n = clusters_.size();
        std::vector<std::size_t> node_of_mention(mentions_.size());
        for (std::size_t c = 0; c < n; ++c)
            for (std::size_t i : clusters_[c].mentions) node_of_mention[i] = c;
        std::vector<std::size_t> first_mention_of_doc(docs_.size() + 1, 0);
        for (std::size_t d = 0; d < docs_.size(); ++d)
            first_mention_of_doc[d + 1] = first_mention_of_doc[d] + docs_[d].events.size();

        impl::DayNetwork network(n);
        for (std::size_t c = 0; c < n; ++c) {
            const Cluster& cluster = clusters_[c];
            if (cluster.stated) {
                const std::string why = "its stated date " + day_range_text(cluster.stated->first, cluster.stated->last);
                for (std::size_t point : {impl::DayNetwork::start(c), impl::DayNetwork::end(c)}) {
                    network.at_least(point, cluster.stated->first, why);
                    network.at_most(point, cluster.stated->last, why);
                }
            }
            for (std::size_t i : cluster.mentions) {
                const MentionFacts& m = mentions_[i];
                const auto& published = docs_[m.doc].published;
                if (!published) continue;
                const Day day = day_number(date::sys_days{*published});
                const EventStatus status = m.source->status;
                if (status == EventStatus::occurred) {
                    const std::string why = ids_[m.doc] + " (published " + day_text(day) + ") reports it as having happened";
                    network.at_most(impl::DayNetwork::start(c), day, why);
                    network.at_most(impl::DayNetwork::end(c), day, why);
                }
                else if (status == EventStatus::planned || status == EventStatus::proposed)
                    network.at_least(impl::DayNetwork::end(c), day,
                                     ids_[m.doc] + " (published " + day_text(day) + ") reports it as still to come");
            }
        }

        // Relations the documents state between their events.
        std::vector<TimelineEdge> edges;
        std::set<std::tuple<std::size_t, std::size_t, RelationType>> seen;
        for (std::size_t d = 0; d < docs_.size(); ++d) {
            const Document& doc = docs_[d];
            for (const Relation& r : doc.relations) {
                if (r.from.kind != NodeKind::event || r.to.kind != NodeKind::event) continue;
                if (r.from.index >= doc.events.size() || r.to.index >= doc.events.size()) continue;
                const std::size_t a = node_of_mention[first_mention_of_doc[d] + r.from.index];
                const std::size_t b = node_of_mention[first_mention_of_doc[d] + r.to.index];
                if (a == b || !seen.insert({a, b, r.type}).second) continue;
                const std::string why = ids_[d] + " says \"" + std::string(doc.text_of(doc.events[r.from.index].trigger)) +
                                        "\" is " + std::string(to_string(r.type)) + " \"" +
                                        std::string(doc.text_of(doc.events[r.to.index].trigger)) + "\"";
                constrain(network, a, b, r.type, why);
                edges.push_back({a, b, r.type, why});
            }
        }

        std::vector<Contradiction> contradictions;
        std::vector<bool> clashed(n, false);
        for (const auto& clash : network.propagate()) {
            contradictions.push_back({clash.node, clash.explanation});
            clashed[clash.node] = true;
        }

        // Order: by earliest possible day (else latest), never against a stated BEFORE/AFTER relation.
        auto bounded = [](Day d) { return d != impl::DayNetwork::unbounded_low && d != impl::DayNetwork::unbounded_high; };
        // A node whose constraints clash keeps only the dates its mentions state (the clash is reported).
        std::vector<Day> low(n), high(n), key(n);
        for (std::size_t c = 0; c < n; ++c) {
            const auto& stated = clusters_[c].stated;
            low[c] = clashed[c] ? (stated ? stated->first : impl::DayNetwork::unbounded_low)
                                : network.low(impl::DayNetwork::start(c));
            high[c] = clashed[c] ? (stated ? stated->last : impl::DayNetwork::unbounded_high)
                                 : network.high(impl::DayNetwork::end(c));
            key[c] = bounded(low[c]) ? low[c] : bounded(high[c]) ? high[c] : impl::DayNetwork::unbounded_high;
        }
        std::vector<std::vector<std::size_t>> later(n);
        std::vector<std::size_t> waiting(n, 0);
        for (const TimelineEdge& e : edges) {
            // A relation that contradicts the dates does not get to reorder them.
            if ((e.type != RelationType::before && e.type != RelationType::after) || clashed[e.from] || clashed[e.to])
                continue;
            const auto [first, second] = e.type == RelationType::before ? std::pair{e.from, e.to} : std::pair{e.to, e.from};
            later[first].push_back(second);
            ++waiting[second];
        }
        using Entry = std::pair<Day, std::size_t>;
        std::priority_queue<Entry, std::vector<Entry>, std::greater<>> ready;
        for (std::size_t c = 0; c < n; ++c)
            if (waiting[c] == 0) ready.push({key[c], c});
        std::vector<std::size_t> order;
        std::vector<bool> placed(n, false);
        while (order.size() < n) {
            if (ready.empty()) {
                // A cycle of BEFORE relations (already reported as a contradiction): break it at its earliest node.
                std::size_t pick = n;
                for (std::size_t c = 0; c < n; ++c)
                    if (!placed[c] && (pick == n || key[c] < key[pick])) pick = c;
                waiting[pick] = 0;
                ready.push({key[pick], pick});
            }
            const std::size_t c = ready.top().second;
            ready.pop();
            if (placed[c]) continue;
            placed[c] = true;
            order.push_back(c);
            for (std::size_t next : later[c])
                if (!placed[next] && waiting[next] > 0 && --waiting[next] == 0) ready.push({key[next], next});
        }
        std::vector<std::size_t> position(n);
        for (std::size_t i = 0; i < n; ++i) position[order[i]] = i;

        Timeline timeline;
        static const Labeller labeller;
        for (std::size_t c : order) {
            const Cluster& cluster = clusters_[c];
            TimelineNode node;
            node.kind = cluster.kind;
            node.participants = cluster.participants;
            node.place = cluster.place;
            node.status = reconciled_status(cluster);
            if (bounded(low[c])) node.date_from = from_day_number(low[c]);
            if (bounded(high[c])) node.date_to = from_day_number(high[c]);
            node.basis = cluster.stated ? DateBasis::stated
                         : (node.date_from || node.date_to) ? DateBasis::inferred
                                                            : DateBasis::none;
            std::vector<std::string> speakers;
            for (std::size_t i : cluster.mentions) {
                const MentionFacts& m = mentions_[i];
                const Document& doc = docs_[m.doc];
                node.mentions.push_back({ids_[m.doc], m.event, m.source->trigger, std::string(doc.text_of(m.source->trigger)),
                                         sentence_around(doc, m.source->trigger)});
                if (std::find(node.sources.begin(), node.sources.end(), ids_[m.doc]) == node.sources.end())
                    node.sources.push_back(ids_[m.doc]);
                for (const Participant& p : m.source->participants)
                    if (p.role == "speaker" && std::find(speakers.begin(), speakers.end(), p.name) == speakers.end())
                        speakers.push_back(p.name);
            }
            node.merge_reasons = cluster.reasons;
            node.label = labeller.label(node, speakers);
            timeline.nodes.push_back(std::move(node));
        }
        for (TimelineEdge& e : edges) {
            e.from = position[e.from];
            e.to = position[e.to];
        }
        add_calendar_edges(timeline, edges);
        std::sort(edges.begin(), edges.end(), [](const TimelineEdge& a, const TimelineEdge& b) {
            return std::tie(a.from, a.to) < std::tie(b.from, b.to);
        });
        timeline.edges = std::move(edges);
        for (Contradiction& k : contradictions) k.node = position[k.node];
        std::sort(contradictions.begin(), contradictions.end(),
                  [](const Contradiction& a, const Contradiction& b) { return a.node < b.node; });
        timeline.contradictions = std::move(contradictions);
        return timeline;
    }

    static void constrain(impl::DayNetwork& network, std::size_t a, std::size_t b, RelationType type, const std::string& why) {
        using N = impl::DayNetwork;
        switch (type) {
            case RelationType::before: network.precedes(N::end(a), N::start(b), 0, why); break;
            case RelationType::after: network.precedes(N::end(b), N::start(a), 0, why); break;
            case RelationType::is_included:
                network.precedes(N::start(b), N::start(a), 0, why);
                network.precedes(N::end(a), N::end(b), 0, why);
                break;
            case RelationType::includes:
                network.precedes(N::start(a), N::start(b), 0, why);
                network.precedes(N::end(b), N::end(a), 0, why);
                break;
            case RelationType::simultaneous:
                for (std::size_t point : {0, 1}) {
                    const auto pa = 2 * a + point, pb = 2 * b + point;
                    network.precedes(pa, pb, 0, why);
                    network.precedes(pb, pa, 0, why);
                }
                break;
            default: break;
        }
    }

    // Between neighbours in the order whose dates are both stated, the relation their calendar days give.
    static void add_calendar_edges(const Timeline& timeline, std::vector<TimelineEdge>& edges) {
        std::vector<bool> linked_to_next(timeline.nodes.size(), false);
        for (const TimelineEdge& e : edges)
            if (e.from + 1 == e.to || e.to + 1 == e.from) linked_to_next[std::min(e.from, e.to)] = true;
        for (std::size_t i = 0; i + 1 < timeline.nodes.size(); ++i) {
            const TimelineNode& a = timeline.nodes[i];
            const TimelineNode& b = timeline.nodes[i + 1];
            if (a.basis != DateBasis::stated || b.basis != DateBasis::stated) continue;
            if (!a.date_from || !a.date_to || !b.date_from || !b.date_to) continue;
            if (linked_to_next[i]) continue;
            const auto range = [](const TimelineNode& n) { return impl::day_range_text(*n.date_from, *n.date_to); };
            RelationType type;
            std::string why;
            if (*a.date_to < *b.date_from) {
                type = RelationType::before;
                why = "calendar: " + range(a) + " is before " + range(b);
            } else if (*a.date_from == *b.date_from && *a.date_to == *b.date_to) {
                if (*a.date_from != *a.date_to) continue;  // two events within one stretch: no order is known
                type = RelationType::simultaneous;
                why = "calendar: both on " + range(a) + " (day granularity)";
            } else if (*a.date_from <= *b.date_from && *b.date_to <= *a.date_to) {
                type = RelationType::includes;
                why = "calendar: " + range(a) + " includes " + range(b);
            } else if (*b.date_from <= *a.date_from && *a.date_to <= *b.date_to) {
                type = RelationType::is_included;
                why = "calendar: " + range(a) + " is within " + range(b);
            } else {
                type = RelationType::overlap;
                why = "calendar: " + range(a) + " overlaps " + range(b);
            }
            edges.push_back({i, i + 1, type, std::move(why), EdgeBasis::calendar});
        }
    }

    const std::vector<Document>& docs_;
    TimelineOptions options_;
    std::vector<std::string> ids_;
    std::vector<MentionFacts> mentions_;
    std::vector<Cluster> clusters_;
    std::vector<std::set<std::size_t>> cluster_doc_;  // documents each cluster has mentions in
    std::unordered_map<std::string, std::vector<std::size_t>> buckets_;
};

}  // namespace

Timeline build_timeline(const std::vector<Document>& documents, const TimelineOptions& options) {
    return TimelineBuilder(documents, options).build();
}

}  // namespace chronoweave
