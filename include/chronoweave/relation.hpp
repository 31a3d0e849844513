#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace chronoweave {

// TimeML TLINK relation types used by chronoweave.
enum class RelationType : std::uint8_t { before, after, includes, is_included, simultaneous, overlap, vague };

std::string_view to_string(RelationType) noexcept;  // "BEFORE", "AFTER", ...
std::optional<RelationType> relation_type_from_string(std::string_view) noexcept;
RelationType inverse(RelationType) noexcept;

// What a relation's end points refer to inside one document.
enum class NodeKind : std::uint8_t { event, timex };

struct NodeRef {
    NodeKind kind = NodeKind::event;
    std::size_t index = 0;  // into Document::events or Document::timexes
    friend bool operator==(const NodeRef&, const NodeRef&) = default;
};

// A temporal link: `from` stands in relation `type` to `to`.
struct Relation {
    NodeRef from;
    NodeRef to;
    RelationType type = RelationType::vague;
    friend bool operator==(const Relation&, const Relation&) = default;
};

}  // namespace chronoweave
