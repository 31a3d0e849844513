// How build_timeline() scales with the number of articles: synthetic reports of many parallel stories, each event
// reported by several articles, at 1k..10k articles. Linear work shows as a flat time per event.
//   chronoweave_bench_timeline [--max-articles N] [--events-per-article K]
#include <chronoweave/chronoweave.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace chronoweave;

namespace {

constexpr std::string_view kinds[] = {"meeting", "statement", "exchange", "attack", "proposal", "agreement", "call"};

// Article `a` reports `k` events of story a % stories: the same (kind, day, actors, place) as the other reports of
// that story, so they merge, plus noise from other days.
Document article(std::size_t a, std::size_t k, std::size_t stories, std::mt19937& random) {
    const std::size_t story = a % stories;
    const date::sys_days start = date::sys_days{date::year{2020} / 1 / 1} + date::days{static_cast<int>(story % 1500)};
    Document doc;
    doc.id = "article-" + std::to_string(a);
    doc.published = date::year_month_day{start + date::days{40}};
    for (std::size_t e = 0; e < k; ++e) {
        const std::size_t event = (e + a / stories) % 12;  // which of the story's 12 events this report mentions
        const std::string trigger(kinds[event % std::size(kinds)]);
        const std::string sentence = "Officials reported the " + trigger + ".";
        const std::size_t at = doc.text.size() + sentence.find(trigger);
        doc.sentences.push_back({doc.text.size(), doc.text.size() + sentence.size()});
        doc.text += sentence + ' ';
        Event ev;
        ev.kind = trigger;
        ev.trigger = {at, at + trigger.size()};
        ev.status = EventStatus::occurred;
        for (const std::size_t actor : {story % 293, (story * 7 + 1) % 293}) {
            Participant p;
            p.name = "Actor " + std::to_string(actor);
            ev.participants.push_back(std::move(p));
        }
        ev.place = "City " + std::to_string(story % 89);
        if (random() % 4 != 0) {  // most reports date the event
            Timex t;
            const date::sys_days day = start + date::days{static_cast<int>(3 * event)};
            t.value = format_iso_date(date::year_month_day{day});
            t.interval = CalendarInterval::days(day, day);
            ev.time = doc.timexes.size();
            doc.timexes.push_back(std::move(t));
        }
        doc.events.push_back(std::move(ev));
    }
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t max_articles = 10000, per_article = 8;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--max-articles") max_articles = std::strtoul(argv[i + 1], nullptr, 10);
        else if (arg == "--events-per-article") per_article = std::strtoul(argv[i + 1], nullptr, 10);
        else {
            std::fprintf(stderr, "usage: chronoweave_bench_timeline [--max-articles N] [--events-per-article K]\n");
            return 2;
        }
    }
    std::printf("%10s %10s %10s %10s %10s %12s\n", "articles", "events", "nodes", "edges", "ms", "us/event");
    for (std::size_t articles = 1000; articles <= max_articles; articles *= 2) {
        std::mt19937 random(42);
        std::vector<Document> docs;
        docs.reserve(articles);
        for (std::size_t a = 0; a < articles; ++a) docs.push_back(article(a, per_article, articles / 5, random));
        const auto begin = std::chrono::steady_clock::now();
        const Timeline t = build_timeline(docs);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
        const std::size_t events = articles * per_article;
        std::printf("%10zu %10zu %10zu %10zu %10.1f %12.2f\n", articles, events, t.nodes.size(), t.edges.size(), ms,
                    1000.0 * ms / static_cast<double>(events));
        if (articles < max_articles && articles * 2 > max_articles) articles = max_articles / 2;
    }
    return 0;
}
