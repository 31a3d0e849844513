#pragma once
// Dates said in part beside a full one: a bare number on the other side of a range joiner shares the rest of the
// date next to it ("22-25 April 1951", "April 24 and 25", "1915-17", "499-493 BC"). TimeML tags the bare number as a
// date of its own.
#include <cstddef>
#include <optional>
#include <vector>

#include <chronoweave/timex.hpp>

#include "../text/token.hpp"
#include "rules.hpp"

namespace chronoweave::impl {

// The date a bare number stands for just before `partner`, the timex whose match starts at token `begin` with its day
// (or its year, before the common era); tokens before `free_from` belong to other matches. It is resolved as its
// partner was, from the same anchor.
std::optional<Timex> elided_before(const Grammar& grammar, const std::vector<Token>& tokens, std::size_t begin,
                                   const Timex& partner, std::size_t free_from);

// The date a bare number stands for just after `partner`, whose match ends at token `end` with its day (or with a
// year, as in "1915-17"); tokens from `free_until` on belong to other matches.
std::optional<Timex> elided_after(const Grammar& grammar, const std::vector<Token>& tokens, std::size_t end,
                                  const Timex& partner, std::size_t free_until);

}  // namespace chronoweave::impl
