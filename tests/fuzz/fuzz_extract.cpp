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
#include <regex>
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

// Splits off the date line. The date is built field by field, not parsed, so invalid days (2025-02-30) and years
// outside 0000-9999 reach extract() too.
std::optional<Date> take_publication_date(std::string_view& input) {
    static const std::regex line("([-+]?[0-9]{4,5})-([0-9]{2})-([0-9]{2})\n");
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_search(input.begin(), input.end(), m, line, std::regex_constants::match_continuous))
        return std::nullopt;
    const Date date{date::year{std::stoi(m.str(1))}, date::month{static_cast<unsigned>(std::stoi(m.str(2)))},
                    date::day{static_cast<unsigned>(std::stoi(m.str(3)))}};
    input.remove_prefix(static_cast<std::size_t>(m.length(0)));
    return date;
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
        if (find_invalid_utf8(text) != e.byte_offset()) fail("InvalidUtf8Error at the wrong offset: " + std::string(e.what()));
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
        const bool has_noncharacter = text.find("\xEF\xBF\xBE") != std::string::npos || text.find("\xEF\xBF\xBF") != std::string::npos;
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
