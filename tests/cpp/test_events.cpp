// Events: kinds, arguments, statuses and the lexicon. The sentences are written for these tests.
#include <doctest/doctest.h>

#include <chronoweave/chronoweave.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "document_invariants.hpp"
#include "events/lexicon.hpp"

using namespace chronoweave;
using namespace date::literals;

namespace {

const Extractor& extractor() {
    static const Extractor e;
    return e;
}

Document extract(const std::string& text, Date published = 2025_y / date::June / 11) {
    Document doc = extractor().extract(text, published);
    const std::string violation = testing::document_violation(doc);
    INFO(violation);
    CHECK(violation.empty());
    return doc;
}

// The events whose trigger text is `trigger`.
std::vector<const Event*> events_named(const Document& doc, std::string_view trigger) {
    std::vector<const Event*> found;
    for (const Event& e : doc.events)
        if (doc.text_of(e.trigger) == trigger) found.push_back(&e);
    return found;
}

const Event& event_named(const Document& doc, std::string_view trigger) {
    const auto found = events_named(doc, trigger);
    INFO("trigger: " << trigger << " in: " << doc.text);
    REQUIRE(found.size() == 1);
    return *found.front();
}

std::vector<std::string> names(const Event& e) {
    std::vector<std::string> out;
    for (const Participant& p : e.participants) out.push_back(p.name);
    return out;
}

std::string role_of(const Event& e, std::string_view name) {
    for (const Participant& p : e.participants)
        if (p.name == name) return p.role;
    return "(absent)";
}

const Timex& timex_named(const Document& doc, std::string_view text) {
    const auto found = std::find_if(doc.timexes.begin(), doc.timexes.end(),
                                    [&](const Timex& t) { return doc.text_of(t.span) == text; });
    INFO("timex: " << text << " in: " << doc.text);
    REQUIRE(found != doc.timexes.end());
    return *found;
}

Date day(const Event& e) {
    REQUIRE(e.interval.has_value());
    return date::year_month_day{e.interval->first_day()};
}

}  // namespace

TEST_CASE("every kind has triggers, and each kind carries its PLOVER category and CAMEO code") {
    struct Case {
        const char* text;
        const char* trigger;
        const char* kind;
        const char* plover;
        const char* cameo_prefix;
    };
    const Case cases[] = {
        {"The two foreign ministers met in Vienna.", "met", "meeting", "CONSULT", "04"},
        {"The presidents held a phone call.", "phone call", "call", "CONSULT", "041"},
        {"The minister said the border was calm.", "said", "statement", "STATEMENT", "01"},
        {"The sides completed a prisoner swap.", "prisoner swap", "exchange", "RETREAT", "0841"},
        {"The envoy proposed a new format.", "proposed", "proposal", "REQUEST", "03"},
        {"The parties signed a deal.", "deal", "agreement", "AGREE", "057"},
        {"The cabinet rejected the plan.", "rejected", "rejection", "REJECT", "12"},
        {"The ministry accused the rebels of sabotage.", "accused", "accusation", "ACCUSE", "11"},
        {"A missile strike hit the depot.", "missile strike", "attack", "ASSAULT", "19"},
        {"Both armies observed the truce.", "truce", "ceasefire", "RETREAT", "087"},
        {"The general threatened the neighbouring state.", "threatened", "threaten", "THREATEN", "13"},
        {"Thousands of farmers protested outside parliament.", "protested", "protest", "PROTEST", "14"},
        {"The council imposed sanctions on the airline.", "imposed sanctions", "sanction", "SANCTION", "16"},
        {"The army mobilized its reservists.", "mobilized", "mobilize", "MOBILIZE", "15"},
        {"The donors announced military aid for the province.", "military aid", "aid", "AID", "07"},
        {"The agencies cooperated on the inquiry.", "cooperated", "cooperate", "COOPERATE", "05"},
        {"The garrison withdrew from the hill.", "withdrew", "concede", "CONCEDE", "08"},
        {"Police arrested the opposition leader.", "arrested", "coerce", "COERCE", "17"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const Document doc = extract(c.text);
        const Event& e = event_named(doc, c.trigger);
        CHECK(e.kind == c.kind);
        CHECK(e.plover == c.plover);
        CHECK(e.cameo.starts_with(c.cameo_prefix));
    }
}

TEST_CASE("modes: a phone call, a visit, a prisoner release, a ceasefire, a meeting hosted by a third party") {
    CHECK(event_named(extract("The leaders spoke by phone on Tuesday."), "spoke by phone").mode == "phone");
    CHECK(event_named(extract("The chancellor visited Warsaw."), "visited").mode == "visit");
    CHECK(event_named(extract("The prisoner exchange went ahead."), "prisoner exchange").mode == "release");
    CHECK(event_named(extract("The ceasefire held overnight."), "ceasefire").mode == "ceasefire");
    const Document mediated = extract("The talks were mediated by Qatar.");
    REQUIRE(mediated.events.size() == 1);  // "mediated" is how the talks were held, not a second event
    CHECK(event_named(mediated, "talks").mode == "third-party");
}

TEST_CASE("negative cases: words that look like triggers but name no event") {
    CHECK(events_named(extract("They waited in the meeting room."), "meeting").empty());
    const Document month = extract("The vote is in March and rallies start soon.");
    CHECK(events_named(month, "March").empty());
    CHECK(events_named(extract("Strike drones are cheap to build."), "Strike").empty());
    CHECK(events_named(extract("He praised the strike drones they built."), "strike").empty());
    const Document proposals = extract("The two sides should exchange proposals soon.");
    CHECK(event_named(proposals, "exchange proposals").kind == "proposal");
    CHECK(std::none_of(proposals.events.begin(), proposals.events.end(),
                       [](const Event& e) { return e.kind == "exchange"; }));
    CHECK(events_named(extract("Engineers marked this proposed zone on a map."), "proposed").empty());
    CHECK(extract("The report got one comment and a note.").events.empty());
    CHECK(extract("Farmers claimed the land decades ago.").events.empty());
    CHECK(events_named(extract("They reviewed negotiation tactics."), "negotiation").empty());
    // A noun before another trigger noun is its modifier: one proposal, not a ceasefire and a proposal.
    const Document compound = extract("The ceasefire proposal was discussed.");
    REQUIRE(compound.events.size() == 1);
    CHECK(compound.events[0].kind == "proposal");
    // A capitalized trigger inside a sentence is a name or a headline word.
    CHECK(extract("She works for the Peace Talks Institute.").events.empty());
}

TEST_CASE("statuses: occurred, planned, proposed, possible, negated") {
    const Date published = 2025_y / date::June / 11;
    CHECK(event_named(extract("Kyiv and Moscow met in Geneva.", published), "met").status == EventStatus::occurred);
    CHECK(event_named(extract("The delegations will meet again in July.", published), "meet").status ==
          EventStatus::planned);
    CHECK(event_named(extract("New talks are scheduled for next week.", published), "talks").status ==
          EventStatus::planned);
    CHECK(event_named(extract("The envoy proposed a truce along the river.", published), "truce").status ==
          EventStatus::proposed);
    CHECK(event_named(extract("A summit is possible only after a deal on borders.", published), "summit").status ==
          EventStatus::possible);
    CHECK(event_named(extract("The ministers may meet in Oslo.", published), "meet").status == EventStatus::possible);
    CHECK(event_named(extract("No new talks are scheduled.", published), "talks").status == EventStatus::negated);
    CHECK(event_named(extract("No truce was agreed upon.", published), "agreed upon").status == EventStatus::negated);
    CHECK(event_named(extract("The army did not attack the town.", published), "attack").status ==
          EventStatus::negated);
    CHECK(event_named(extract("They haven't signed the accord.", published), "signed").status ==
          EventStatus::negated);
    CHECK(event_named(extract("The spokesman declined to comment.", published), "comment").status ==
          EventStatus::negated);
    // A negation does not reach past "beyond" or "during", but it negates a planning phrase before "for".
    const Document beyond = extract("There was no progress beyond the deal during the summit.", published);
    CHECK(event_named(beyond, "deal").status != EventStatus::negated);
    CHECK(event_named(beyond, "summit").status != EventStatus::negated);
    CHECK(event_named(extract("No date has been set for the next summit.", published), "summit").status ==
          EventStatus::negated);
    CHECK(event_named(extract("There are no plans for a phone call.", published), "phone call").status ==
          EventStatus::negated);
    // A passive after "be" is not a past event.
    CHECK(event_named(extract("The draft would be presented soon.", published), "presented").status ==
          EventStatus::planned);
    CHECK(event_named(extract("The draft was presented to the envoys.", published), "presented").status ==
          EventStatus::occurred);
    // What an agreement governs is planned, not done; a proposal's object is proposed.
    const Document agreed = extract("The sides agreed to exchange 300 prisoners.", published);
    CHECK(event_named(agreed, "agreed to").status == EventStatus::occurred);
    CHECK(event_named(agreed, "exchange").status == EventStatus::planned);
    CHECK(event_named(extract("Rome tabled a ceasefire plan.", published), "ceasefire").status == EventStatus::proposed);
    // A date after publication makes an event planned; one before, occurred.
    CHECK(event_named(extract("The summit on June 20 is ready.", published), "summit").status == EventStatus::planned);
    CHECK(event_named(extract("The summit on June 2 ended late.", published), "summit").status == EventStatus::occurred);
    // Nothing said either way.
    CHECK(event_named(extract("Sanctions against the bank were debated.", published), "Sanctions").status !=
          EventStatus::negated);
    // A noun in a clause told in the past happened, unless something in the clause looks ahead.
    CHECK(event_named(extract("Rebels launched drone attacks on the port overnight.", published), "drone attacks").status ==
          EventStatus::occurred);
    CHECK(event_named(extract("Officials in the United States fear drone attacks.", published), "drone attacks").status !=
          EventStatus::occurred);
    CHECK(event_named(extract("The army feared drone attacks.", published), "drone attacks").status !=
          EventStatus::occurred);
    CHECK(event_named(extract("Kyiv wanted talks in Rome.", published), "talks").status != EventStatus::occurred);
}

TEST_CASE("actors: full names and last names, capitals and seats of government, demonyms") {
    const Document doc = extract(
        "Kremlin spokesman Dmitry Peskov spoke to reporters. Later Peskov accused Kiev of stalling. "
        "The Kremlin blamed Kyiv for the delay, and Moscow accused Ukraine of shelling.");
    const auto accusations = events_named(doc, "accused");
    REQUIRE(accusations.size() == 2);
    CHECK(names(*accusations[0]) == std::vector<std::string>{"Dmitry Peskov", "Ukraine"});
    CHECK(role_of(*accusations[0], "Dmitry Peskov") == "source");
    CHECK(role_of(*accusations[0], "Ukraine") == "target");
    CHECK(names(event_named(doc, "blamed")) == std::vector<std::string>{"Russia", "Ukraine"});
    CHECK(names(*accusations[1]) == std::vector<std::string>{"Russia", "Ukraine"});
    const Participant& peskov = accusations[0]->participants[0];
    CHECK(peskov.type == "person");
    REQUIRE(peskov.mention.has_value());
    CHECK(doc.text_of(*peskov.mention) == "Peskov");
    CHECK(accusations[0]->participants[1].type == "state");
}

TEST_CASE("actors: names not in the lexicon are found by their capitals") {
    const Document doc = extract("Foreign Minister Ilka Varn met envoy Oskar Brel in Talvik. Varn said the talks went well.");
    const Event& met = event_named(doc, "met");
    CHECK(names(met) == std::vector<std::string>{"Ilka Varn", "Oskar Brel"});
    CHECK(met.participants[0].type == "person");
    CHECK(met.place == "Talvik");
    CHECK(names(event_named(doc, "said")) == std::vector<std::string>{"Ilka Varn"});
}

TEST_CASE("participants and roles: speakers, sides, sources and targets") {
    const Document doc = extract(
        "Talks between Russia and Ukraine resumed. \"We are ready,\" said Dmitry Peskov. "
        "Ukraine attacked Russian positions. Putin rejected the proposal from Ukraine. "
        "Vladimir Putin spoke to reporters. He said the talks were useful.");
    const Event& talks = *events_named(doc, "Talks").front();
    CHECK(names(talks) == std::vector<std::string>{"Russia", "Ukraine"});
    CHECK(role_of(talks, "Russia") == "side");
    const Event& quoted = *events_named(doc, "said").front();
    CHECK(names(quoted) == std::vector<std::string>{"Dmitry Peskov"});
    CHECK(role_of(quoted, "Dmitry Peskov") == "speaker");
    const Event& attack = event_named(doc, "attacked");
    CHECK(role_of(attack, "Ukraine") == "source");
    CHECK(role_of(attack, "Russia") == "target");
    CHECK(role_of(event_named(doc, "rejected"), "Vladimir Putin") == "source");
    // "He" is the person who spoke last.
    const Event& he_said = *events_named(doc, "said").back();
    CHECK(names(he_said) == std::vector<std::string>{"Vladimir Putin"});
    REQUIRE(he_said.participants[0].mention.has_value());
    CHECK(doc.text_of(*he_said.participants[0].mention) == "He");
    // The actors after a trigger do not reach past a comma into the next clause.
    const Document swap = extract("Both sides agreed to swap 300 prisoners in Geneva, Dmitry Peskov said.");
    CHECK(names(event_named(swap, "swap")).empty());
    CHECK(names(event_named(swap, "said")) == std::vector<std::string>{"Dmitry Peskov"});
}

TEST_CASE("participants: 'they' after a group, demonyms of names in the text, the object of a visit") {
    const Document doc = extract(
        "Norvia and Kastel held talks in Geneva, during which they agreed to swap 40 prisoners. "
        "Then came a Kastelian drone attack on Norvia. The minister visited Moscow on Friday.");
    CHECK(names(event_named(doc, "agreed to")) == std::vector<std::string>{"Norvia", "Kastel"});
    CHECK(names(event_named(doc, "swap")) == std::vector<std::string>{"Norvia", "Kastel"});
    CHECK(names(event_named(doc, "drone attack")) == std::vector<std::string>{"Kastel", "Norvia"});
    const Event& visited = event_named(doc, "visited");
    CHECK(visited.participants.empty());
    CHECK(visited.place == "Moscow");  // a capital as a place is itself, not the state it stands for
}

TEST_CASE("place: 'in' or 'at' a place after the trigger, the narrower of 'in Russia's Kursk region'") {
    const Document doc = extract("The delegations met in Istanbul. Shelling in Russia's Kursk region continued.");
    const Event& met = event_named(doc, "met");
    CHECK(met.place == "Istanbul");
    REQUIRE(met.place_mention.has_value());
    CHECK(doc.text_of(*met.place_mention) == "Istanbul");
    CHECK(event_named(doc, "Shelling").place == "Kursk");
    // A statement takes no place; a state after "in" is a place, not a participant.
    const Document said = extract("The envoy said in Turkey that talks in Turkey would go on.");
    CHECK(event_named(said, "said").place.empty());
    CHECK(event_named(said, "talks").place == "Turkey");
    CHECK(event_named(said, "talks").participants.empty());
    // A city right before a noun trigger is the place; a state there is a participant.
    const Document named = extract("The Istanbul talks ended. Ukraine talks went on.");
    CHECK(events_named(named, "talks").front()->place == "Istanbul");
    CHECK(events_named(named, "talks").back()->place.empty());
}

TEST_CASE("quantity: the count that defines an exchange or an attack") {
    const Document doc = extract(
        "The sides agreed on the exchange of 1,000 prisoners of war each. Air defences intercepted 57 drones. "
        "They will swap thousands of detainees. The talks lasted 3 hours.");
    CHECK(event_named(doc, "exchange").quantity == "1,000 prisoners of war each");
    const Event& intercepted = event_named(doc, "intercepted");
    CHECK(intercepted.quantity == "57 drones");
    REQUIRE(intercepted.quantity_mention.has_value());
    CHECK(doc.text_of(*intercepted.quantity_mention) == "57 drones");
    CHECK(event_named(doc, "swap").quantity == "thousands of detainees");
    CHECK(event_named(doc, "talks").quantity.empty());  // meetings take no quantity
}

TEST_CASE("time: a timex of the clause, a sentence-opening date, the publication date, or none") {
    const Date published = 2025_y / date::May / 22;
    const Document doc = extract(
        "On May 16, Kyiv and Moscow held a meeting in Istanbul. The second round of talks was held on Monday. "
        "Peskov said on Thursday that no new talks were planned. The envoy noted that the mood was calm. "
        "The minister says talks continue. Peskov said the truce signed in 2023 failed.",
        published);
    const Event& meeting = event_named(doc, "meeting");
    CHECK(meeting.time_source == TimeSource::timex);
    REQUIRE(meeting.time.has_value());
    CHECK(doc.text_of(doc.timexes[*meeting.time].span) == "May 16");
    CHECK(day(meeting) == 2025_y / date::May / 16);
    const Event& round = event_named(doc, "round of talks");
    CHECK(day(round) == 2025_y / date::May / 19);
    const auto said = events_named(doc, "said");
    REQUIRE(said.size() == 2);
    CHECK(day(*said[0]) == 2025_y / date::May / 22);
    CHECK(said[0]->time_source == TimeSource::timex);
    // The timex of the reporting clause does not date what is reported ("that ..." is another clause).
    const auto talks = events_named(doc, "talks");
    REQUIRE(talks.size() == 2);
    CHECK(talks[0]->time_source == TimeSource::none);
    // A past reporting verb without a date of its own is dated by the publication.
    const Event& noted = event_named(doc, "noted");
    CHECK(noted.time_source == TimeSource::publication);
    CHECK(!noted.time.has_value());
    CHECK(day(noted) == published);
    // The present tense, and an event that is not a report, get no date.
    CHECK(event_named(doc, "says").time_source == TimeSource::none);
    CHECK(!talks[1]->interval.has_value());
    // "in 2023" dates the truce, not the statement that mentions it.
    CHECK(said[1]->time_source == TimeSource::publication);
    CHECK(event_named(doc, "signed").time_source == TimeSource::timex);
}

TEST_CASE("time: a timex anchored to an event takes that event's day; a time of day opening a report dates its news") {
    const Date published = 2025_y / date::May / 22;
    const Document doc = extract(
        "The ministry announced on Thursday that the border would reopen. Talks took place on May 16. "
        "On the night before the ministry's announcement, the army reported that it had shot down 40 drones. "
        "The day after the talks, both delegations flew home.",
        published);
    const Timex& night = timex_named(doc, "the night");
    // Anchored to the announcement, dated by "announced on Thursday"; not to "May 16", the last date before it.
    CHECK(night.value == "2025-05-21TNI");
    CHECK(night.anchor == AnchorKind::event);
    REQUIRE(night.anchor_event.has_value());
    CHECK(doc.text_of(doc.events[*night.anchor_event].trigger) == "announcement");
    CHECK(day(doc.events[*night.anchor_event]) == 2025_y / date::May / 22);
    // The report and what it reports happened that night.
    CHECK(day(event_named(doc, "reported")) == 2025_y / date::May / 21);
    const Event& downed = event_named(doc, "shot down");
    CHECK(downed.time_source == TimeSource::timex);
    CHECK(day(downed) == 2025_y / date::May / 21);
    // The night, and what it dates, lie before the announcement.
    const auto anchor_index = *night.anchor_event;
    const auto night_index = static_cast<std::size_t>(&night - doc.timexes.data());
    const auto downed_index = static_cast<std::size_t>(&downed - doc.events.data());
    auto related = [&](NodeRef from, RelationType type) {
        return std::find(doc.relations.begin(), doc.relations.end(),
                         Relation{from, {NodeKind::event, anchor_index}, type}) != doc.relations.end();
    };
    CHECK(related({NodeKind::timex, night_index}, RelationType::before));
    CHECK(related({NodeKind::event, downed_index}, RelationType::before));
    const Timex& after = timex_named(doc, "The day after");
    CHECK(after.value == "2025-05-17");
    CHECK(after.anchor == AnchorKind::event);
}

TEST_CASE("time: an event-anchored timex keeps the story's reading when the event has no day") {
    const Document doc = extract(
        "Officials met on May 16. On the night before the vote, the army said that it had shot down 40 drones.",
        2025_y / date::May / 22);
    const Timex& night = timex_named(doc, "the night");
    CHECK(night.value == "2025-05-15TNI");
    CHECK(night.anchor == AnchorKind::timex);
    // A time of day that does not open the sentence leaves the reported events undated.
    const Document later = extract("The army said on Monday night that it had shot down 40 drones.", 2025_y / date::May / 22);
    CHECK(event_named(later, "shot down").time_source == TimeSource::none);
}

TEST_CASE("time: 'since' and 'until' keep a timex from dating an event; a range gives its whole interval") {
    const Date published = 2025_y / date::June / 3;
    const Document doc = extract(
        "These were the first talks since 2022. He proposed holding discussions between June 20 and June 30.",
        published);
    CHECK(event_named(doc, "talks").time_source == TimeSource::none);
    const Event& discussions = event_named(doc, "discussions");
    REQUIRE(discussions.interval.has_value());
    CHECK(discussions.interval->first_day() == date::sys_days{2025_y / date::June / 20});
    CHECK(discussions.interval->last_day() == date::sys_days{2025_y / date::June / 30});
    CHECK(discussions.status == EventStatus::proposed);
    CHECK(event_named(doc, "proposed").time_source == TimeSource::none);  // the date is the talks', not the proposal's
    // "May" of a date is no modal verb.
    CHECK(event_named(extract("The talks held in Oslo on May 16 resulted in a deal.", published), "talks").status ==
          EventStatus::occurred);
    // Without a publication date a report has no date to fall back on.
    const Document undated = extractor().extract("The envoy noted the change.");
    CHECK(event_named(undated, "noted").time_source == TimeSource::none);
}

TEST_CASE("time: the occasion of an act, and 'the latest talks' as the last dated ones") {
    const Date published = 2025_y / date::June / 3;
    const Document doc = extract(
        "The third round of talks was held on Monday. During the latest talks, Norvia presented a draft on halting "
        "hostilities. On May 30, the envoys met in Oslo, during which they agreed to meet again. At the summit, "
        "Kastel had demanded more.",
        published);
    CHECK(day(event_named(doc, "round of talks")) == 2025_y / date::June / 2);
    CHECK(day(event_named(doc, "talks")) == 2025_y / date::June / 2);  // "the latest talks"
    CHECK(day(event_named(doc, "presented")) == 2025_y / date::June / 2);
    CHECK(event_named(doc, "halting hostilities").time_source == TimeSource::none);  // what the draft is about
    CHECK(day(event_named(doc, "agreed to")) == 2025_y / date::May / 30);
    CHECK(event_named(doc, "demanded").time_source == TimeSource::none);  // undated occasion, and "had" is earlier
    // A report made at an occasion the text does not date is not dated by the publication either.
    const Document undated = extract("During the recent discussions, the envoy said that Kastel was ready.", published);
    CHECK(event_named(undated, "said").time_source == TimeSource::none);
    CHECK(event_named(extract("In recent weeks, the envoy said that Kastel was ready.", published), "said").time_source ==
          TimeSource::publication);
}

TEST_CASE("time: a report takes its timex before the noun it is about; an infinitive comes last") {
    const Date published = 2025_y / date::June / 11;
    const Document doc = extract(
        "Kastel denied the accusation on Tuesday. Farmers marched through central Talvik on Friday to demand aid.",
        published);
    CHECK(day(event_named(doc, "denied")) == 2025_y / date::June / 10);
    CHECK(event_named(doc, "accusation").time_source == TimeSource::none);
    const Event& marched = event_named(doc, "marched");
    CHECK(day(marched) == 2025_y / date::June / 6);
    CHECK(marched.place == "Talvik");
    CHECK(event_named(doc, "demand").time_source == TimeSource::none);
    // A timex right before a noun describes that noun, not the report around it.
    const Document headline = extract("Kastel blames Talvik for the overnight drone strike", published);
    CHECK(day(event_named(headline, "drone strike")) == 2025_y / date::June / 10);
    CHECK(event_named(headline, "blames").time_source != TimeSource::timex);
}

TEST_CASE("statements: no speaker from before a comma when the verb has a subject of its own") {
    const Document doc = extract("Air defences shot down 12 drones near Norvia, the defence ministry said.");
    CHECK(event_named(doc, "said").participants.empty());
    const Document appositive = extract("Dmitry Peskov, spokesman for the Kremlin, said the talks were over.");
    CHECK(names(event_named(appositive, "said")) == std::vector<std::string>{"Dmitry Peskov"});
}

TEST_CASE("a statement reports the events of what it says") {
    const Document doc = extract(
        "Peskov said that the talks would resume and that a truce was possible. "
        "\"The exchange went well,\" the envoy added. The army attacked the port.");
    const Event& said = event_named(doc, "said");
    std::vector<std::string> reported;
    for (std::size_t r : said.reports) reported.push_back(doc.events[r].kind);
    CHECK(reported == std::vector<std::string>{"meeting", "ceasefire"});
    const Event& added = event_named(doc, "added");
    REQUIRE(added.reports.size() == 1);
    CHECK(doc.events[added.reports[0]].kind == "exchange");
    CHECK(event_named(doc, "attacked").reports.empty());
    // Events are in text order of their triggers.
    CHECK(std::is_sorted(doc.events.begin(), doc.events.end(),
                         [](const Event& a, const Event& b) { return a.trigger.begin < b.trigger.begin; }));
}

TEST_CASE("JSON output carries every event field") {
    const Document doc = extract("On May 16, Kyiv and Moscow agreed to exchange 1,000 prisoners in Istanbul. Peskov noted that.",
                                 2025_y / date::May / 22);
    const std::string json = to_json(doc);
    for (const char* field : {"\"kind\":\"exchange\"", "\"plover\":\"RETREAT\"", "\"mode\":\"release\"",
                              "\"cameo\":\"0841\"", "\"status\":\"planned\"", "\"quantity\":\"1,000 prisoners\"",
                              "\"quantity_mention\":{", "\"place\":\"Istanbul\"", "\"place_mention\":{",
                              "\"type\":\"state\"", "\"role\":\"side\"", "\"time_source\":\"publication\"",
                              "\"time\":\"t1\"", "\"first_day\":\"2025-05-16\"", "\"reports\":["}) {
        CAPTURE(field);
        CHECK(json.find(field) != std::string::npos);
    }
}

TEST_CASE("the event lexicon takes extra lines and rejects malformed ones") {
    using chronoweave::impl::events::EventLexicon;
    EventLexicon lexicon = EventLexicon::built_in();
    const std::size_t before = lexicon.triggers().size();
    lexicon.load(EventLexicon::Table::triggers, "# a comment\nmeeting\tnoun\tparley|parleys\t-\t046\t-\n");
    CHECK(lexicon.triggers().size() == before + 2);
    lexicon.load(EventLexicon::Table::kinds, "embargo_breach\tSANCTION\t-\t160\tsource\ttarget\t-\n");
    CHECK(lexicon.kind_index("embargo_breach").has_value());
    lexicon.load(EventLexicon::Table::actors, "Norland\tstate\tNorlandic\tNorburg\n");
    CHECK(lexicon.actors().back().name == "Norland");
    CHECK_THROWS_AS(lexicon.load(EventLexicon::Table::triggers, "nonsense\tnoun\tword\t-\t-\t-\n"), ResourceError);
    CHECK_THROWS_AS(lexicon.load(EventLexicon::Table::triggers, "meeting\tadverb\tword\t-\t-\t-\n"), ResourceError);
    CHECK_THROWS_AS(lexicon.load(EventLexicon::Table::triggers, "meeting\tverb\tmeet|meets\t-\t-\t-\n"), ResourceError);
    CHECK_THROWS_AS(lexicon.load(EventLexicon::Table::kinds, "too\tfew\n"), ResourceError);
    CHECK_THROWS_AS(lexicon.load(EventLexicon::Table::actors, "Atlantis\tcontinent\t-\t-\n"), ResourceError);
    CHECK_THROWS_AS(lexicon.load(EventLexicon::Table::cues, "maybe\tperhaps_class\n"), ResourceError);
    try {
        lexicon.load(EventLexicon::Table::cues, "ok\tnegation\nbad line\n", "my_cues.tsv");
        FAIL("no error");
    } catch (const ResourceError& e) {
        CHECK(std::string(e.what()).find("my_cues.tsv:2") != std::string::npos);
    }
}

TEST_CASE("the built-in lexicon: every kind has triggers, hundreds of trigger forms") {
    using chronoweave::impl::events::EventLexicon;
    const EventLexicon& lexicon = EventLexicon::built_in();
    CHECK(lexicon.kinds().size() == 18);
    CHECK(lexicon.triggers().size() > 500);
    for (std::size_t k = 0; k < lexicon.kinds().size(); ++k) {
        CAPTURE(lexicon.kinds()[k].name);
        CHECK(std::any_of(lexicon.triggers().begin(), lexicon.triggers().end(),
                          [&](const auto& t) { return t.kind == k; }));
    }
}

TEST_CASE("events keep their promises on text made of event words in random order") {
    const std::vector<std::string> words{
        "said", "told", "met", "talks", "meeting", "exchange", "of", "1,000", "prisoners", "agreed", "to", "upon", "on",
        "May", "16", ",", ".", "\"", "'", "(", ")", ";", "Peskov", "Dmitry", "Kremlin", "Moscow", "Kyiv", "he", "she",
        "they", "in", "at", "Istanbul", "no", "not", "will", "possible", "proposed", "between", "and", "-", "during",
        "which", "latest", "During", "the", "Talvik", "Norvian", "Norvia", "U.S.", "President", "yesterday",
        "thousands", "drones", "attack", "ceasefire", "since", "that", "who", "June", "20", "30", "visited", "declined",
        "comment", "\n", "\xC3\xA4", "\xE2\x80\x9C"};
    unsigned state = 12345;
    auto next = [&] { return state = state * 1103515245u + 12345u; };
    for (int n = 0; n < 2000; ++n) {
        std::string text;
        for (unsigned k = 0, count = next() % 50; k < count; ++k) text += words[next() % words.size()] + " ";
        CAPTURE(text);
        extract(text);
    }
}

TEST_CASE("events survive text without sentences, triggers at the edges and odd punctuation") {
    for (const char* text : {"talks", "\"said\"", "met.", "In Istanbul.", "He said", "Peskov,", "1,000 prisoners",
                             "between and", "\xE2\x80\x9CTalks\xE2\x80\x9D \xE2\x80\x94 said Peskov"}) {
        CAPTURE(text);
        extract(text);
    }
}
