#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <chronoweave/calendar.hpp>
#include <chronoweave/document.hpp>

namespace chronoweave {

namespace impl {
class Engine;
}

// How much of the pipeline extract() runs. The stages build on each other, so what a shorter extraction finds is
// what a full one finds in those fields, except the value of a timex anchored to an event ("the night before the
// announcement"), which only the events can give: without them it keeps the story's reading.
enum class Extraction : std::uint8_t {
    timexes,  // sentences, temporal expressions and their ranges; Document::events and relations stay empty
    events,   // also the events; Document::relations stays empty (for a caller that never reads them)
    full,     // also the relations that date and order the events
};

// Construct once (it compiles the rule and lexicon resources), then call extract() per document.
// extract() is const and keeps no per-call state, so one Extractor can be shared by many threads.
class Extractor {
public:
    // Largest text extract() accepts; larger input throws DocumentTooLargeError rather than exhausting memory.
    // Extraction needs about 50 bytes of memory per byte of dense prose and up to 130 per byte of text that is all
    // punctuation (one token per byte), so 64 MiB stays under 9 GB in the worst case.
    static constexpr std::size_t max_document_bytes = std::size_t{64} << 20;

    Extractor();
    ~Extractor();
    Extractor(const Extractor&);
    Extractor& operator=(const Extractor&);
    Extractor(Extractor&&) noexcept;
    Extractor& operator=(Extractor&&) noexcept;

    // Throws InvalidUtf8Error for text that is not UTF-8 and DocumentTooLargeError past max_document_bytes.
    // Without a publication date, expressions relative to it keep an underspecified value ("XXXX-XX-XX").
    Document extract(std::string text, std::optional<Date> published = std::nullopt, std::string id = {},
                     Extraction extraction = Extraction::full) const;

private:
    std::shared_ptr<const impl::Engine> engine_;
};

}  // namespace chronoweave
