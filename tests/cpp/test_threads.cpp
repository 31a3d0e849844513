// Thread safety and determinism: one Extractor shared by threads gives, byte for byte, the JSON one thread gives,
// run after run. scripts/run-sanitizers runs this suite under ThreadSanitizer.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

#include <chronoweave/chronoweave.hpp>

using namespace chronoweave;
using namespace date::literals;

namespace {

struct Input {
    std::string text;
    std::optional<Date> published;
};

// Documents that take different paths: relative and absolute dates, anchoring to the story, ranges, sets,
// non-ASCII text (ICU), no publication date, and one long enough to span many sentences.
std::vector<Input> inputs() {
    std::vector<Input> out{
        {"On Thursday, two days after the May 16 talks, officials met again. Talks resume next week.", 2025_y / 5 / 22},
        {"The talks opened on May 16. The following day, both sides issued statements.", 2025_y / 5 / 22},
        {"Memories of 1914 ran deep. In September 1939 the army crossed the border. In April the offensive stalled.",
         2009_y / 12 / 19},
        {"He proposed talks between June 20 and June 30; envoys meet twice a week, every Monday at 9:30 a.m.",
         2025_y / 6 / 3},
        {"Київ і Москва — переговори 16 травня; in English: May 16, 2025 🙂, and yesterday evening.", 2025_y / 5 / 20},
        {"They met yesterday and on May 16, over three years after the 2022 summit.", std::nullopt},
        {"Sales fell in the third quarter of 2023 and rose in the second half; the 1990s were worse.", 2024_y / 1 / 15},
        {"", 2025_y / 5 / 22},
    };
    std::string long_text;
    for (int k = 0; k < 2000; ++k)
        long_text += "On day " + std::to_string(k) + " of the siege, " + std::to_string(k % 28 + 1) +
                     " March 1944, the shelling stopped for two hours. ";
    out.push_back({long_text, 1944_y / 6 / 1});
    return out;
}

std::vector<std::string> json_of_each(const Extractor& extractor, const std::vector<Input>& in) {
    std::vector<std::string> out;
    for (std::size_t k = 0; k < in.size(); ++k)
        out.push_back(to_json(extractor.extract(in[k].text, in[k].published, "doc-" + std::to_string(k))));
    return out;
}

}  // namespace

TEST_SUITE("threads") {

TEST_CASE("the same input gives byte-identical JSON run after run and from a fresh extractor") {
    const auto in = inputs();
    const Extractor extractor;
    const auto first = json_of_each(extractor, in);
    CHECK(json_of_each(extractor, in) == first);
    CHECK(json_of_each(Extractor{}, in) == first);
    const Extractor copy = extractor;
    CHECK(json_of_each(copy, in) == first);
}

TEST_CASE("one extractor shared by 8 threads gives the JSON one thread gives") {
    const auto in = inputs();
    const Extractor extractor;
    const auto expected = json_of_each(extractor, in);
    constexpr int threads = 8, rounds = 3;
    std::atomic<int> mismatches{0}, done{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            // Each thread starts at a different document, so different documents are extracted at the same time.
            for (int round = 0; round < rounds; ++round)
                for (std::size_t i = 0; i < in.size(); ++i) {
                    const std::size_t k = (i + static_cast<std::size_t>(t)) % in.size();
                    const auto doc = extractor.extract(in[k].text, in[k].published, "doc-" + std::to_string(k));
                    if (to_json(doc) != expected[k]) ++mismatches;
                    ++done;
                }
        });
    for (auto& w : workers) w.join();
    CHECK(done == threads * rounds * static_cast<int>(in.size()));
    CHECK(mismatches == 0);
}

}  // TEST_SUITE("threads")
