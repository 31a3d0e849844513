#pragma once
// Reading the tab-separated resource files compiled into the library. Internal to the library.
#include <functional>
#include <string_view>
#include <vector>

namespace chronoweave::impl {

// s without the spaces, tabs and carriage returns at either end.
std::string_view trimmed(std::string_view s);

// The content of the embedded resource at `path` ("timeline/signals.tsv"); throws ResourceError when absent.
std::string_view resource_content(std::string_view path);

// Calls `row` with the tab-separated, trimmed fields of every line that is neither blank nor a '#' comment.
// A line with fewer than `min_fields` fields throws ResourceError naming the resource and the line.
void for_each_row(std::string_view path, std::string_view content, std::size_t min_fields,
                  const std::function<void(const std::vector<std::string_view>&)>& row);

}  // namespace chronoweave::impl
