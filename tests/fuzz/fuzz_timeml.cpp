// libFuzzer target over the TimeML reader and writer. Any input is either read or refused with TimemlError at a
// line and column inside the input. Whatever is read keeps its promises (gold spans inside the text, on character
// boundaries), and writing its gold timexes back with annotate_timeml reads back to the same text and spans.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <chronoweave/chronoweave.hpp>

namespace {

using namespace chronoweave;

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "invariant broken: %s\n", what.c_str());
    std::abort();
}

bool on_boundary(std::string_view text, std::size_t offset) {
    return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    TimemlInput in;
    try {
        in = read_timeml(xml);
    } catch (const TimemlError& e) {
        const std::size_t lines = static_cast<std::size_t>(std::count(xml.begin(), xml.end(), '\n')) + 1;
        if (e.line() < 1 || e.line() > lines || e.column() < 1 || e.column() > size + 1)
            fail("TimemlError outside the input: " + std::string(e.what()));
        return 0;
    }
    if (in.text_source.end > size || in.text_source.begin > in.text_source.end) fail("text_source outside the input");
    if (find_invalid_utf8(in.text)) fail("decoded text is not UTF-8");
    if (in.dct && !representable(*in.dct)) fail("a DCT outside the representable years");

    Document doc;
    doc.id = in.id;
    doc.text = in.text;
    doc.published = in.dct;
    for (const TimemlTimex& gold : in.timexes) {
        const Span span = gold.span;
        if (span.begin > span.end || span.end > in.text.size() || !on_boundary(in.text, span.begin) ||
            !on_boundary(in.text, span.end))
            fail("gold TIMEX3 " + gold.tid + " has a bad span");
        if (const auto interval = timex_interval(gold.value); interval && !interval->ok())
            fail("timex_interval gave an empty interval for " + gold.value);
        Timex timex;
        timex.span = span;
        timex.type = gold.timex_type().value_or(TimexType::date);
        timex.value = gold.value;
        timex.mod = gold.timex_mod();
        doc.timexes.push_back(std::move(timex));
    }

    const TimemlAnnotation out = annotate_timeml_detailed(xml, doc);
    if (out.written.size() + out.skipped.size() != doc.timexes.size()) fail("annotate_timeml lost timexes");
    TimemlInput again;
    try {
        again = read_timeml(out.xml);
    } catch (const TimemlError& e) {
        fail("annotate_timeml wrote a file its reader refuses: " + std::string(e.what()));
    }
    if (again.text != in.text) fail("annotate_timeml changed the text");
    if (again.timexes.size() != out.written.size()) fail("annotate_timeml wrote a different number of timexes");
    for (std::size_t k = 0; k < out.written.size(); ++k)
        if (again.timexes[k].span != doc.timexes[out.written[k]].span) fail("a written timex moved");
    return 0;
}
