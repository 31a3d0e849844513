#include <doctest/doctest.h>

#include <chronoweave/chronoweave.hpp>

using namespace chronoweave;
using namespace date::literals;

TEST_CASE("JSON output escapes text and is identical run after run") {
    const Extractor extractor;
    const auto doc = extractor.extract("He said \"tabs\there\" on May 16, 2025.\n", 2025_y / date::May / 17, "d1");
    const std::string json = to_json(doc);
    CHECK(json.find("\"schema\":\"chronoweave.document/1\",\"offsets\":\"utf8-bytes\"") != std::string::npos);
    CHECK(json.find("\\\"tabs\\there\\\"") != std::string::npos);
    CHECK(json.find("\"value\":\"2025-05-16\"") != std::string::npos);
    CHECK(json.find("\"first_day\":\"2025-05-16\"") != std::string::npos);
    CHECK(json == to_json(extractor.extract(doc.text, doc.published, "d1")));
    const auto control = extractor.extract(std::string("a\x01z"), std::nullopt);
    CHECK(to_json(control).find("a\\u0001z") != std::string::npos);
}

TEST_CASE("JSON writes days before year 0 as ISO 8601 does, with a sign") {
    const Extractor extractor;
    const auto doc = extractor.extract("The army landed at Marathon in 490 BC.", 2009_y / date::December / 19);
    const std::string json = to_json(doc);
    CHECK(json.find("\"value\":\"BC0490\"") != std::string::npos);
    CHECK(json.find("\"first_day\":\"-0489-01-01\",\"last_day\":\"-0489-12-31\"") != std::string::npos);
}
