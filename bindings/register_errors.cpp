// C++ errors become the exception classes of chronoweave.errors, which also derive from ValueError where the
// caller's input was at fault.
#include <chronoweave/error.hpp>

#include "core.hpp"

namespace py = pybind11;

namespace chronoweave::python {
namespace {

void raise(const char* name, std::string_view context, const std::exception& e, py::dict attributes = {}) {
    py::object cls = py::module_::import("chronoweave.errors").attr(name);
    py::object instance = cls(py::str(std::string(context) + e.what()));
    for (auto item : attributes) py::setattr(instance, item.first, item.second);
    PyErr_SetObject(cls.ptr(), instance.ptr());
}

}  // namespace

bool set_python_error(std::exception_ptr error, std::string_view context) {
    try {
        std::rethrow_exception(error);
    } catch (const InvalidUtf8Error& e) {
        py::dict a;
        a["byte_offset"] = e.byte_offset();
        raise("InvalidUtf8Error", context, e, a);
    } catch (const InvalidDateError& e) {
        raise("InvalidDateError", context, e);
    } catch (const DocumentTooLargeError& e) {
        raise("DocumentTooLargeError", context, e);
    } catch (const DuplicateDocumentIdError& e) {
        raise("DuplicateDocumentIdError", context, e);
    } catch (const TimemlError& e) {
        py::dict a;
        a["line"] = e.line();
        a["column"] = e.column();
        raise("TimemlError", context, e, a);
    } catch (const Error& e) {
        raise("ChronoweaveError", context, e);
    } catch (...) {
        return false;
    }
    return true;
}

void register_errors(py::module_&) {
    py::register_exception_translator([](std::exception_ptr p) {
        // Not ours: rethrown, pybind11's own translators map it (std::bad_alloc to MemoryError, ...).
        if (p && !set_python_error(p, "")) std::rethrow_exception(p);
    });
}

}  // namespace chronoweave::python
