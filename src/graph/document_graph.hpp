#pragma once
// The per-document graph: the temporal relations (Document::relations) between a document's events and timexes,
// from the timex that dates an event and from signal words that order two events ("after the talks").
// Internal to the library.
#include <optional>
#include <vector>

#include <chronoweave/document.hpp>
#include <chronoweave/relation.hpp>

#include "events/lexicon.hpp"
#include "text/token.hpp"

namespace chronoweave::impl {

class DocumentGraph {
public:
    DocumentGraph();  // reads timeline/signals.tsv

    // Fills doc.relations from doc.events, doc.timexes and the document's tokens.
    void link(Document& doc, const std::vector<Token>& tokens) const;

private:
    void add_relations(Document& doc, const std::vector<Token>& tokens) const;  // link() without dropping repeats
    // A signal phrase that starts at token `at`, the longest, and how many tokens it has; nullopt when none does.
    struct Signal {
        RelationType relation;  // of the event before the signal to the event after it
        std::size_t length;
    };
    std::optional<Signal> signal_at(const std::vector<Token>& tokens, std::size_t at, std::size_t end) const;

    events::PhraseIndex signals_;         // values index relations_
    std::vector<RelationType> relations_;
};

}  // namespace chronoweave::impl
