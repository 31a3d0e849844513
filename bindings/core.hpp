#pragma once
// Shared declarations of the _core module's registration files.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>  // every registration file sees the same casters (std::optional, std::vector)

#include <chronoweave/calendar.hpp>

#include <exception>
#include <optional>
#include <string_view>

namespace chronoweave {
class Extractor;
}

namespace chronoweave::python {

// The one extractor every binding uses: built on first use, shared (extract() is const and thread-safe).
const Extractor& shared_extractor();

// A datetime.date, or None for no day or one before year 1 (datetime.date holds the years 1-9999).
pybind11::object date_or_none(const std::optional<date::sys_days>& day);

// Sets the Python exception for a chronoweave::Error, its message prefixed by `context` (e.g. "texts[3]: "); false,
// and nothing set, for any other exception.
bool set_python_error(std::exception_ptr error, std::string_view context);

void register_errors(pybind11::module_& m);
void register_extract(pybind11::module_& m);
void register_timeml(pybind11::module_& m);
void register_timeline(pybind11::module_& m);

}  // namespace chronoweave::python
