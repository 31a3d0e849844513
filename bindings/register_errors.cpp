// C++ errors become the exception classes of chronoweave.errors, which also derive from ValueError where the
// caller's input was at fault.
#include <chronoweave/error.hpp>

#include "core.hpp"

namespace py = pybind11;

namespace chronoweave::python {
namespace {

void raise(const char* name, const std::exception& e, py::dict attributes = {}) {
    py::object cls = py::module_::import("chronoweave.errors").attr(name);
    py::object instance = cls(py::str(e.what()));
    for (auto item : attributes) py::setattr(instance, item.first, item.second);
    PyErr_SetObject(cls.ptr(), instance.ptr());
}

}  // namespace

void register_errors(py::module_&) {
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const InvalidUtf8Error& e) {
            py::dict a;
            a["byte_offset"] = e.byte_offset();
            raise("InvalidUtf8Error", e, a);
        } catch (const InvalidDateError& e) {
            raise("InvalidDateError", e);
        } catch (const DocumentTooLargeError& e) {
            raise("DocumentTooLargeError", e);
        } catch (const DuplicateDocumentIdError& e) {
            raise("DuplicateDocumentIdError", e);
        } catch (const TimemlError& e) {
            py::dict a;
            a["line"] = e.line();
            a["column"] = e.column();
            raise("TimemlError", e, a);
        } catch (const Error& e) {
            raise("ChronoweaveError", e);
        }
    });
}

}  // namespace chronoweave::python
