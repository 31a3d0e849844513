#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <chronoweave/calendar.hpp>
#include <chronoweave/event.hpp>
#include <chronoweave/relation.hpp>
#include <chronoweave/span.hpp>
#include <chronoweave/timex.hpp>

namespace chronoweave {

// One article and everything extracted from it. Spans are UTF-8 byte offsets into `text`.
struct Document {
    std::string id;
    std::string text;
    std::optional<Date> published;   // the anchor of relative expressions (TimeML's DCT)
    std::vector<Span> sentences;
    std::vector<Timex> timexes;      // in text order
    std::vector<TimexRange> ranges;
    std::vector<Event> events;       // in text order of their triggers
    std::vector<Relation> relations;

    std::string_view text_of(const Span& span) const { return std::string_view(text).substr(span.begin, span.size()); }
    friend bool operator==(const Document&, const Document&) = default;
};

}  // namespace chronoweave
