#pragma once
// The per-document graph: the temporal relations (Document::relations) between a document's events and timexes,
// from the timex that dates an event and from signal words that order two events ("after the talks").
// Internal to the library.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <chronoweave/document.hpp>
#include <chronoweave/relation.hpp>

#include "text/token.hpp"

namespace chronoweave::impl {

class DocumentGraph {
public:
    DocumentGraph();  // reads timeline/signals.tsv

    // Fills doc.relations from doc.events, doc.timexes and the document's tokens.
    void link(Document& doc, const std::vector<Token>& tokens) const;

private:
    struct Signal {
        std::vector<std::string> words;  // tokenized like document text
        RelationType relation;           // of the event before the signal to the event after it
    };
    // The longest signal that starts at token `at`, or nullptr.
    const Signal* signal_at(const std::vector<Token>& tokens, std::size_t at, std::size_t end) const;

    std::vector<Signal> signals_;  // longest first
    std::array<std::uint64_t, 256> first_words_{};  // bit n of [b]: a signal starts with a word of first byte b, length n
};

}  // namespace chronoweave::impl
