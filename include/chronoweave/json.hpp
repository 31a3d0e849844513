#pragma once
#include <string>

#include <chronoweave/document.hpp>
#include <chronoweave/timeline.hpp>

namespace chronoweave {

// The JSON form of a document (schema "chronoweave.document/1"): offsets in UTF-8 bytes, keys in a fixed order,
// so the same document always gives byte-identical output.
std::string to_json(const Document& document);

// The JSON form of a timeline (schema "chronoweave.timeline/1", documented in README.md): nodes in time order with
// ids "n1", "n2", ...; edges and contradictions refer to those ids; mention offsets are UTF-8 bytes.
std::string to_json(const Timeline& timeline);

}  // namespace chronoweave
