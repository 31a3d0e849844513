// libFuzzer target over the whole extraction entry: Extractor::extract, then to_json and to_timeml on its result.
//
// Input: an optional first line "YYYY-MM-DD" (the year may have a sign and five digits) that becomes the
// publication date, then the text. Whatever the input, extract either returns a document that keeps every
// promise of tests/support/document_invariants.hpp or throws one of the documented errors for the documented
// reason; anything else aborts, which libFuzzer reports as a crash.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include <chronoweave/chronoweave.hpp>

#include "document_invariants.hpp"

namespace {

using namespace chronoweave;

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "invariant broken: %s\n", what.c_str());
    std::abort();
}

// Splits off a first line "YYYY-MM-DD" (the year may have a sign and a fifth digit). The date is built field by
// field, not parsed, so invalid days (2025-02-30) and years outside 0000-9999 reach extract() too.
std::optional<Date> take_publication_date(std::string_view& input) {
    std::size_t at = 0;
    auto digits = [&](std::size_t min, std::size_t max) -> std::optional<int> {
        int value = 0;
        std::size_t n = 0;
        for (; n < max && at < input.size() && input[at] >= '0' && input[at] <= '9'; ++n, ++at)
            value = value * 10 + (input[at] - '0');
        return n >= min ? std::optional<int>(value) : std::nullopt;
    };
    auto literal = [&](char c) { return at < input.size() && input[at] == c ? (++at, true) : false; };
    const int sign = literal('-') ? -1 : (literal('+'), 1);
    const auto year = digits(4, 5);
    if (!year || !literal('-')) return std::nullopt;
    const auto month = digits(2, 2);
    if (!month || !literal('-')) return std::nullopt;
    const auto day = digits(2, 2);
    if (!day || !literal('\n')) return std::nullopt;
    input.remove_prefix(at);
    return Date{date::year{sign * *year}, date::month{static_cast<unsigned>(*month)},
                date::day{static_cast<unsigned>(*day)}};
}

const Extractor& extractor() {
    static const Extractor instance;
    return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::optional<Date> published = take_publication_date(input);
    const std::string text(input);

    Document doc;
    try {
        doc = extractor().extract(text, published, "fuzz");
    } catch (const InvalidUtf8Error& e) {
        if (find_invalid_utf8(text) != e.byte_offset())
            fail("InvalidUtf8Error at the wrong offset: " + std::string(e.what()));
        return 0;
    } catch (const InvalidDateError& e) {
        if (!published || representable(*published) || find_invalid_utf8(text))
            fail("InvalidDateError for a valid date or before a UTF-8 error: " + std::string(e.what()));
        return 0;
    }
    if (find_invalid_utf8(text)) fail("invalid UTF-8 accepted");
    if (published && !representable(*published)) fail("an unrepresentable publication date accepted");
    if (doc.text != text || doc.published != published || doc.id != "fuzz") fail("text, date or id not kept");
    if (const std::string violation = testing::document_violation(doc); !violation.empty()) fail(violation);

    const std::string json = to_json(doc);
    if (json.empty() || json.front() != '{' || json.back() != '}') fail("to_json did not write an object");

    // TimeML output either refuses a character XML 1.0 cannot hold or reads back to the same text and timexes.
    std::string xml;
    try {
        xml = to_timeml(doc);
    } catch (const Error& e) {
        const bool has_control = std::any_of(text.begin(), text.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
        });
        const bool has_noncharacter =
            text.find("\xEF\xBF\xBE") != std::string::npos || text.find("\xEF\xBF\xBF") != std::string::npos;
        if (!has_control && !has_noncharacter) fail("to_timeml refused text XML can hold: " + std::string(e.what()));
        return 0;
    }
    const TimemlInput back = read_timeml(xml);
    if (back.text != doc.text) fail("to_timeml text does not read back byte for byte");
    if (back.timexes.size() != doc.timexes.size()) fail("to_timeml lost timexes");
    for (std::size_t k = 0; k < doc.timexes.size(); ++k)
        if (back.timexes[k].span != doc.timexes[k].span || back.timexes[k].value != doc.timexes[k].value)
            fail("to_timeml timex " + std::to_string(k) + " reads back differently");
    return 0;
}
