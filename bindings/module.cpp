// chronoweave._core: the native half of the Python package. The public API is python/chronoweave.
#include <chronoweave/version.hpp>

#include "core.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "Native core of chronoweave (private; use the chronoweave package).";
    m.attr("__version__") = chronoweave::version;
    chronoweave::python::register_errors(m);
    chronoweave::python::register_extract(m);
    chronoweave::python::register_timeml(m);
    chronoweave::python::register_timeline(m);
}
