#pragma once
#include <string>

#include <chronoweave/document.hpp>

namespace chronoweave {

// The JSON form of a document (schema "chronoweave.document/1"): offsets in UTF-8 bytes, keys in a fixed order,
// so the same document always gives byte-identical output.
std::string to_json(const Document& document);

}  // namespace chronoweave
