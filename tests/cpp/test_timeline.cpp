#include <doctest/doctest.h>

#include <chronoweave/chronoweave.hpp>

#include <algorithm>

#include "graph/document_graph.hpp"

using namespace chronoweave;
using namespace date::literals;

namespace {

struct EventSpec {
    std::string kind;
    std::string trigger;                    // first occurrence after the previous event's trigger
    std::vector<std::string> participants;
    std::string place;
    std::string time;                       // text of the timex that dates it, or empty
    EventStatus status = EventStatus::occurred;
    std::string quantity;
};

// A document whose timexes come from the extractor and whose events are given, so the timeline is tested apart
// from event finding.
Document story(const std::string& id, const std::string& text, Date published, const std::vector<EventSpec>& events) {
    static const Extractor extractor;
    Document doc = extractor.extract(text, published, id);
    doc.events.clear();  // the extractor's own events, and the relations between them, give way to the given ones
    doc.relations.clear();
    std::size_t from = 0;
    for (const EventSpec& spec : events) {
        const auto at = doc.text.find(spec.trigger, from);
        REQUIRE(at != std::string::npos);
        from = at + spec.trigger.size();
        Event e;
        e.kind = spec.kind;
        e.trigger = {at, at + spec.trigger.size()};
        for (const std::string& name : spec.participants) {
            Participant p;
            p.name = name;
            e.participants.push_back(std::move(p));
        }
        e.place = spec.place;
        e.status = spec.status;
        e.quantity = spec.quantity;
        if (!spec.time.empty()) {
            const auto t = std::find_if(doc.timexes.begin(), doc.timexes.end(),
                                        [&](const Timex& x) { return doc.text_of(x.span) == spec.time; });
            REQUIRE(t != doc.timexes.end());
            e.time = static_cast<std::size_t>(t - doc.timexes.begin());
            e.time_source = TimeSource::timex;
            e.interval = t->interval;
        }
        doc.events.push_back(std::move(e));
    }
    return doc;
}

std::string day(const std::optional<date::sys_days>& d) { return d ? format_iso_date(date::year_month_day{*d}) : "open"; }

const TimelineNode* find_node(const Timeline& t, std::string_view kind) {
    for (const TimelineNode& n : t.nodes)
        if (n.kind == kind) return &n;
    return nullptr;
}

}  // namespace

TEST_CASE("one event reported by three articles is one node with three sources") {
    const std::vector<Document> docs{
        story("a", "Delegations from Russia and Ukraine met in Istanbul on May 16, 2025.", 2025_y / date::May / 16,
              {{"meeting", "met", {"Russia", "Ukraine"}, "Istanbul", "May 16, 2025"}}),
        story("b", "The talks on Friday in Istanbul lasted under two hours.", 2025_y / date::May / 17,
              {{"meeting", "talks", {"Russia", "Ukraine"}, "Istanbul", "Friday"}}),
        story("c", "Ukraine said the Istanbul round of May 16 achieved little.", 2025_y / date::May / 20,
              {{"meeting", "round", {"Ukraine"}, "Istanbul", "May 16"}}),
    };
    const Timeline t = build_timeline(docs);
    REQUIRE(t.nodes.size() == 1);
    const TimelineNode& n = t.nodes[0];
    CHECK(n.sources == std::vector<std::string>{"a", "b", "c"});
    CHECK(n.mentions.size() == 3);
    CHECK(n.mentions[1].text == "talks");
    CHECK(n.mentions[1].sentence == "The talks on Friday in Istanbul lasted under two hours.");
    CHECK(n.label == "Russia-Ukraine talks in Istanbul");
    CHECK(day(n.date_from) == "2025-05-16");
    CHECK(day(n.date_to) == "2025-05-16");
    CHECK(n.basis == DateBasis::stated);
    REQUIRE(n.merge_reasons.size() == 2);
    CHECK(n.merge_reasons[0].find("b: same kind (meeting)") == 0);
    CHECK(n.merge_reasons[0].find("same place: Istanbul") != std::string::npos);
    CHECK(n.merge_reasons[1].find("shared participants: Ukraine") != std::string::npos);
}

TEST_CASE("two different meetings in the same week stay apart") {
    const std::vector<Document> docs{
        story("a", "Russia and Ukraine held talks in Istanbul on Monday.", 2025_y / date::June / 3,
              {{"meeting", "talks", {"Russia", "Ukraine"}, "Istanbul", "Monday"}}),
        story("b", "On Wednesday, Russian and American envoys met in Riyadh.", 2025_y / date::June / 5,
              {{"meeting", "met", {"Russia", "United States"}, "Riyadh", "Wednesday"}}),
        story("c", "Ukraine and Russia talked again on Thursday in Istanbul.", 2025_y / date::June / 6,
              {{"meeting", "talked", {"Russia", "Ukraine"}, "Istanbul", "Thursday"}}),
    };
    const Timeline t = build_timeline(docs);
    REQUIRE(t.nodes.size() == 3);
    CHECK(day(t.nodes[0].date_from) == "2025-06-02");
    CHECK(day(t.nodes[1].date_from) == "2025-06-04");
    CHECK(day(t.nodes[2].date_from) == "2025-06-05");
    CHECK(t.nodes[1].place == "Riyadh");
    // Neighbours with stated dates are related by the calendar.
    REQUIRE(t.edges.size() == 2);
    CHECK(t.edges[0].type == RelationType::before);
    CHECK(t.edges[0].reason == "calendar: 2025-06-02 is before 2025-06-04");
    CHECK(t.edges[0].basis == EdgeBasis::calendar);
    CHECK(to_string(EdgeBasis::calendar) == "calendar");
    CHECK(to_json(t).find(R"("basis":"calendar")") != std::string::npos);
    CHECK(to_dot(t).find("style=dashed") != std::string::npos);
    CHECK(select(t, [](const TimelineNode&) { return true; }).edges == t.edges);
}

TEST_CASE("thin evidence does not merge across documents") {
    const std::vector<Document> docs{
        story("a", "A meeting was held on May 16, 2025.", 2025_y / date::May / 16,
              {{"meeting", "meeting", {}, "", "May 16, 2025"}}),
        story("b", "Another meeting was held on May 16, 2025.", 2025_y / date::May / 16,
              {{"meeting", "meeting", {}, "", "May 16, 2025"}}),
        story("c", "Russia and Ukraine will hold talks.", 2025_y / date::May / 18,
              {{"meeting", "talks", {"Russia", "Ukraine"}, "", "", EventStatus::planned}}),
        story("d", "Russia and Ukraine will hold talks.", 2025_y / date::May / 19,
              {{"meeting", "talks", {"Russia", "Ukraine"}, "", "", EventStatus::planned}}),
    };
    // Neither a shared actor nor a place links a and b; c and d are both undated.
    CHECK(build_timeline(docs).nodes.size() == 4);
}

TEST_CASE("an agreed exchange and its later report as done are one event, which occurred") {
    const std::vector<Document> docs{
        story("a", "Russia and Ukraine agreed to exchange 1,000 prisoners each.", 2025_y / date::May / 16,
              {{"exchange", "exchange", {"Russia", "Ukraine"}, "", "", EventStatus::planned}}),
        story("b", "Ukraine and Russia carried out a prisoner exchange on Friday.", 2025_y / date::May / 24,
              {{"exchange", "exchange", {"Russia", "Ukraine"}, "", "Friday"}}),
    };
    const Timeline t = build_timeline(docs);
    REQUIRE(t.nodes.size() == 1);
    CHECK(t.nodes[0].status == EventStatus::occurred);
    CHECK(day(t.nodes[0].date_from) == "2025-05-23");
    CHECK(t.nodes[0].sources == std::vector<std::string>{"a", "b"});
    CHECK(t.nodes[0].merge_reasons[0].find("shared participants: Russia, Ukraine") != std::string::npos);
}

TEST_CASE("in one document, a mention with another status is another event") {
    const Timeline t = build_timeline({story(
        "a", "The delegations met in Istanbul on Friday. A meeting of the two presidents is possible.", 2025_y / date::May / 17,
        {{"meeting", "met", {}, "Istanbul", "Friday"}, {"meeting", "meeting", {}, "", "", EventStatus::possible}})});
    REQUIRE(t.nodes.size() == 2);
    CHECK(t.nodes[0].status == EventStatus::occurred);
    CHECK(t.nodes[1].status == EventStatus::possible);
}

TEST_CASE("in one document, a mention naming its actors does not join an event without them") {
    const Timeline t = build_timeline({story(
        "a", "A round of talks was held on Monday. A summit of the presidents is not planned.", 2025_y / date::June / 3,
        {{"meeting", "round of talks", {}, "", "Monday"},
         {"meeting", "summit", {"Vladimir Putin", "Volodymyr Zelensky"}, "", "", EventStatus::unknown}})});
    REQUIRE(t.nodes.size() == 2);
    CHECK(t.nodes[0].participants.empty());
}

TEST_CASE("in one document, a dated mention goes back to the event of its day past an undated one") {
    const Timeline t = build_timeline({story(
        "a",
        "A round of talks was held on Monday. A summit of the presidents is unlikely. During the negotiations on "
        "Monday, the delegations swapped lists.",
        2025_y / date::June / 3,
        {{"meeting", "round of talks", {}, "", "Monday"},
         {"meeting", "summit", {"Vladimir Putin", "Volodymyr Zelensky"}, "", "", EventStatus::unknown},
         {"meeting", "negotiations", {}, "", "Monday"}})});
    REQUIRE(t.nodes.size() == 2);
    const TimelineNode* round = find_node(t, "meeting");
    REQUIRE(round != nullptr);
    CHECK(round->mentions.size() == 2);
    CHECK(day(round->date_from) == "2025-06-02");
    CHECK(t.nodes[1].participants.size() == 2);
    CHECK(!t.nodes[1].date_from);
}

TEST_CASE("in one document, a mention refers back past another event of its kind") {
    const Timeline t = build_timeline({story(
        "a",
        "The sides agreed to swap 1,000 prisoners each. On Friday, they swapped 84 soldiers. The agreed exchange is "
        "expected soon.",
        2025_y / date::May / 20,
        {{"exchange", "swap", {}, "", "", EventStatus::planned, "1,000 prisoners"},
         {"exchange", "swapped", {}, "", "Friday", EventStatus::occurred, "84 soldiers"},
         {"exchange", "exchange", {}, "", "", EventStatus::planned}})});
    REQUIRE(t.nodes.size() == 2);
    const auto agreed = std::find_if(t.nodes.begin(), t.nodes.end(),
                                     [](const TimelineNode& n) { return n.status == EventStatus::planned; });
    REQUIRE(agreed != t.nodes.end());
    CHECK(agreed->mentions.size() == 2);
    CHECK(agreed->merge_reasons.size() == 1);
}

TEST_CASE("in one document, an undated mention at a place of its own does not join a dated event at no place") {
    const Timeline t = build_timeline({story(
        "a", "Drones struck an airfield overnight on Tuesday. Shelling in Kursk killed a man.", 2025_y / date::May / 22,
        {{"attack", "struck", {"Ukraine"}, "", "overnight on Tuesday"}, {"attack", "Shelling", {"Ukraine"}, "Kursk"}})});
    REQUIRE(t.nodes.size() == 2);
    CHECK(t.nodes[0].place.empty());
    CHECK(t.nodes[1].place == "Kursk");
}

TEST_CASE("select keeps the chosen nodes in order, with the edges and contradictions among them") {
    Timeline t;
    for (const auto status : {EventStatus::occurred, EventStatus::planned, EventStatus::occurred}) {
        TimelineNode& node = t.nodes.emplace_back();
        node.kind = "meeting";
        node.status = status;
    }
    t.edges = {{0, 1, RelationType::before, "a"}, {0, 2, RelationType::before, "b"}, {2, 1, RelationType::after, "c"}};
    t.contradictions = {{1, "x"}, {2, "y"}};
    const Timeline occurred = select(t, [](const TimelineNode& n) { return n.status == EventStatus::occurred; });
    REQUIRE(occurred.nodes.size() == 2);
    CHECK(occurred.edges == std::vector<TimelineEdge>{{0, 1, RelationType::before, "b"}});
    CHECK(occurred.contradictions == std::vector<Contradiction>{{1, "y"}});
    CHECK(select(t, [](const TimelineNode&) { return true; }) == t);
    CHECK(select(t, [](const TimelineNode&) { return false; }) == Timeline{});
}

TEST_CASE("the number an event counts ties its reports together, and a conflicting number keeps them apart") {
    const std::vector<Document> docs{
        story("a", "The sides agreed on an exchange of 1,000 prisoners.", 2025_y / date::May / 16,
              {{"exchange", "exchange", {}, "", "", EventStatus::planned, "1,000 prisoners"}}),
        story("b", "A prisoner exchange is being prepared. The exchange of 1.000 prisoners each is expected soon.",
              2025_y / date::May / 20,
              {{"exchange", "exchange", {}, "", "", EventStatus::planned},
               {"exchange", "exchange", {}, "", "", EventStatus::planned, "1.000 prisoners each"}}),
        story("c", "An exchange of 390 prisoners took place.", 2025_y / date::May / 23,
              {{"exchange", "exchange", {}, "", "", EventStatus::occurred, "390 prisoners"}}),
    };
    const Timeline t = build_timeline(docs);
    REQUIRE(t.nodes.size() == 2);
    const TimelineNode& agreed = t.nodes[0].sources.size() == 2 ? t.nodes[0] : t.nodes[1];
    CHECK(agreed.sources == std::vector<std::string>{"a", "b"});
    CHECK(agreed.mentions.size() == 3);  // b's first mention came along with its second
    CHECK(agreed.status == EventStatus::planned);
    CHECK(agreed.merge_reasons[0].find("same number: 1000") != std::string::npos);
}

TEST_CASE("a report cannot merge with an event dated after it as having happened") {
    const std::vector<Document> docs{
        story("a", "Russia and Ukraine met in Istanbul on June 2, 2025.", 2025_y / date::June / 2,
              {{"meeting", "met", {"Russia", "Ukraine"}, "Istanbul", "June 2, 2025"}}),
        story("b", "Russia and Ukraine met in Istanbul.", 2025_y / date::May / 20,
              {{"meeting", "met", {"Russia", "Ukraine"}, "Istanbul", ""}}),
    };
    const Timeline t = build_timeline(docs);
    REQUIRE(t.nodes.size() == 2);
    // The undated report is bounded by its publication date and so comes first.
    CHECK(t.nodes[0].sources == std::vector<std::string>{"b"});
    CHECK(t.nodes[0].basis == DateBasis::inferred);
    CHECK(day(t.nodes[0].date_to) == "2025-05-20");
    CHECK(day(t.nodes[0].date_from) == "open");
}

TEST_CASE("relations place undated events and tighten their bounds") {
    Document doc = story("a",
                         "The prisoner swap came after the talks of June 2, 2025. A memorandum was presented before the "
                         "swap. Officials spoke of a ceasefire.",
                         2025_y / date::June / 10,
                         {{"exchange", "swap", {"Russia", "Ukraine"}, "", "", EventStatus::occurred},
                          {"meeting", "talks", {"Russia", "Ukraine"}, "", "June 2, 2025"},
                          {"proposal", "presented", {"Russia"}, "", "", EventStatus::occurred},
                          {"exchange", "swap", {"Russia", "Ukraine"}, "", "", EventStatus::occurred},
                          {"ceasefire", "ceasefire", {}, "", "", EventStatus::unknown}});
    doc.relations.push_back({{NodeKind::event, 0}, {NodeKind::event, 1}, RelationType::after});
    doc.relations.push_back({{NodeKind::event, 2}, {NodeKind::event, 3}, RelationType::before});
    const Timeline t = build_timeline({doc});
    REQUIRE(t.nodes.size() == 4);  // the second "swap" is the first one again
    CHECK(t.nodes[0].kind == "meeting");
    const TimelineNode* swap = find_node(t, "exchange");
    REQUIRE(swap);
    CHECK(swap->basis == DateBasis::inferred);
    CHECK(day(swap->date_from) == "2025-06-02");
    CHECK(day(swap->date_to) == "2025-06-10");
    const TimelineNode* memo = find_node(t, "proposal");
    REQUIRE(memo);
    CHECK(day(memo->date_to) == "2025-06-10");
    // The memorandum is before the swap; its earliest day is not known, so the order comes from the relation.
    const auto position = [&](const TimelineNode* n) { return n - t.nodes.data(); };
    CHECK(position(memo) < position(swap));
    CHECK(t.nodes.back().kind == "ceasefire");
    CHECK(t.nodes.back().basis == DateBasis::none);
    CHECK(t.contradictions.empty());
    const auto text_edge = std::find_if(t.edges.begin(), t.edges.end(), [](const TimelineEdge& e) {
        return e.reason.find("says \"swap\" is AFTER \"talks\"") != std::string::npos;
    });
    CHECK(text_edge != t.edges.end());
}

TEST_CASE("contradictions are reported, not hidden") {
    Document doc = story("a", "The exchange on June 2, 2025 came before the talks of May 16, 2025.", 2025_y / date::June / 3,
                         {{"exchange", "exchange", {"Russia", "Ukraine"}, "", "June 2, 2025"},
                          {"meeting", "talks", {"Russia", "Ukraine"}, "", "May 16, 2025"}});
    doc.relations.push_back({{NodeKind::event, 0}, {NodeKind::event, 1}, RelationType::before});
    const Timeline t = build_timeline({doc});
    REQUIRE(t.contradictions.size() == 1);
    CHECK(t.contradictions[0].explanation.find("its stated date") != std::string::npos);
    CHECK(t.contradictions[0].explanation.find("is BEFORE") != std::string::npos);
    // Stated dates survive the clash: both nodes keep their own day.
    CHECK(day(t.nodes[0].date_from) == "2025-05-16");
    CHECK(day(t.nodes[1].date_from) == "2025-06-02");
}

TEST_CASE("document ids are checked and missing ones named by position") {
    const Document a = story("", "Russia and Ukraine met on May 16, 2025.", 2025_y / date::May / 16,
                             {{"meeting", "met", {"Russia", "Ukraine"}, "", "May 16, 2025"}});
    const Timeline t = build_timeline({a});
    REQUIRE(t.nodes.size() == 1);
    CHECK(t.nodes[0].sources == std::vector<std::string>{"#1"});
    CHECK(timeline_document_id(a, 11) == "#12");
    Document b = a;
    b.id = "x";
    Document c = a;
    c.id = "x";
    CHECK(timeline_document_id(c, 0) == "x");
    CHECK_THROWS_AS(build_timeline({b, c}), DuplicateDocumentIdError);
    CHECK(build_timeline({}).nodes.empty());
}

TEST_CASE("timeline JSON, DOT and HTML") {
    const std::vector<Document> docs{
        story("a <1>", "Russia and Ukraine met in Istanbul on May 16, 2025. They agreed on an exchange.", 2025_y / date::May / 16,
              {{"meeting", "met", {"Russia", "Ukraine"}, "Istanbul", "May 16, 2025"},
               {"agreement", "agreed", {"Russia", "Ukraine"}, "", "May 16, 2025"}}),
    };
    const Timeline t = build_timeline(docs);
    const std::string json = to_json(t);
    CHECK(json.find("{\"schema\":\"chronoweave.timeline/1\",\"offsets\":\"utf8-bytes\",\"nodes\":[{\"id\":\"n1\"") == 0);
    CHECK(json.find("\"date_basis\":\"stated\"") != std::string::npos);
    CHECK(json.find("\"type\":\"SIMULTANEOUS\"") != std::string::npos);
    CHECK(json == to_json(build_timeline(docs)));
    const std::string dot = to_dot(t);
    CHECK(dot.rfind("digraph timeline {", 0) == 0);
    CHECK(dot.find("n1 -> n2 [label=\"SIMULTANEOUS\"") != std::string::npos);
    CHECK(dot.find("2025-05-16\\nRussia-Ukraine talks in Istanbul\\noccurred, 1 source") != std::string::npos);
    const std::string html = to_html(t, "Talks & <exchanges>");
    CHECK(html.find("<title>Talks &amp; &lt;exchanges&gt;</title>") != std::string::npos);
    CHECK(html.find("<article class=\"node occurred\" id=\"n1\" data-kind=\"meeting\"") != std::string::npos);
    CHECK(html.find("[a &lt;1&gt;] Russia and Ukraine <b>met</b> in Istanbul") != std::string::npos);
    CHECK(html.find("http") == std::string::npos);  // nothing fetched from the network
    // The overview: one lane per kind, a dot per one-day event, its label and sources on hover.
    CHECK(html.find(">meeting</text>") != std::string::npos);
    CHECK(html.find(">agreement</text>") != std::string::npos);
    CHECK(html.find("<a href=\"#n1\"><title>Russia-Ukraine talks in Istanbul (2025-05-16, occurred) — a &lt;1&gt;</title><circle") !=
          std::string::npos);
}

TEST_CASE("signal words order the events of a sentence") {
    const impl::DocumentGraph graph;
    auto relations = [&](const std::string& text, const std::vector<std::string>& triggers) {
        static const Extractor extractor;
        Document doc = extractor.extract(text, 2025_y / date::June / 3);
        doc.events.clear();
        std::size_t from = 0;
        for (const std::string& trigger : triggers) {
            const auto at = doc.text.find(trigger, from);
            REQUIRE(at != std::string::npos);
            from = at + trigger.size();
            Event e;
            e.kind = "meeting";
            e.trigger = {at, at + trigger.size()};
            e.status = EventStatus::occurred;
            doc.events.push_back(std::move(e));
        }
        doc.relations.clear();
        graph.link(doc, impl::tokenize(doc.text).tokens);
        std::vector<std::tuple<std::size_t, std::size_t, RelationType>> out;
        for (const Relation& r : doc.relations) out.emplace_back(r.from.index, r.to.index, r.type);
        return out;
    };
    using R = RelationType;
    using Triples = std::vector<std::tuple<std::size_t, std::size_t, RelationType>>;
    CHECK(relations("The swap took place two days after the talks in Istanbul.", {"swap", "talks"}) ==
          Triples{{0, 1, R::after}});
    CHECK(relations("After the first round of talks, both sides exchanged prisoners.", {"talks", "exchanged"}) ==
          Triples{{1, 0, R::after}});
    CHECK(relations("Kyiv sent a memorandum ahead of the second round.", {"sent", "round"}) ==
          Triples{{0, 1, R::before}});
    CHECK(relations("The strike came during the talks.", {"strike", "talks"}) == Triples{{0, 1, R::is_included}});
    // A clause break, a distant event or another sentence leaves them unordered.
    CHECK(relations("The swap went ahead, after which the talks resumed.", {"swap", "talks"}).empty());
    CHECK(relations("The swap happened. After the talks, nothing changed.", {"swap", "talks"}).empty());
    CHECK(relations("The swap was completed long, long after the negotiators first gathered for talks.",
                    {"swap", "talks"}).empty());
}
