#include "resource_table.hpp"

#include <chronoweave/error.hpp>

#include <string>

#include "temporal/rules.hpp"

namespace chronoweave::impl {
std::string_view trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::string_view resource_content(std::string_view path) {
    for (const Resource& r : embedded_resources())
        if (r.path == path) return r.content;
    throw ResourceError("resource '" + std::string(path) + "' is not compiled into the library");
}

void for_each_row(std::string_view path, std::string_view content, std::size_t min_fields,
                  const std::function<void(const std::vector<std::string_view>&)>& row) {
    std::vector<std::string_view> fields;
    std::size_t line_number = 0;
    while (!content.empty()) {
        const auto nl = content.find('\n');
        const std::string_view line = content.substr(0, nl);
        content = nl == std::string_view::npos ? std::string_view{} : content.substr(nl + 1);
        ++line_number;
        const std::string_view text = trimmed(line);
        if (text.empty() || text.front() == '#') continue;
        fields.clear();
        std::string_view rest = line;
        for (;;) {
            const auto tab = rest.find('\t');
            fields.push_back(trimmed(rest.substr(0, tab)));
            if (tab == std::string_view::npos) break;
            rest = rest.substr(tab + 1);
        }
        if (fields.size() < min_fields)
            throw ResourceError(std::string(path) + ":" + std::to_string(line_number) + ": expected " +
                                std::to_string(min_fields) + " tab-separated fields in '" + std::string(text) + "'");
        row(fields);
    }
}

}  // namespace chronoweave::impl
