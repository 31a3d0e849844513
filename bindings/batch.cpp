#include "batch.hpp"

#include <chronoweave/calendar.hpp>

#include <algorithm>

#include "core.hpp"

namespace py = pybind11;

namespace chronoweave::python {

Batch::Batch(std::vector<BatchInput> inputs, std::size_t threads, Extraction extraction)
    : inputs_(std::move(inputs)), extraction_(extraction), documents_(inputs_.size()), errors_(inputs_.size()),
      done_(inputs_.size()) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    for (std::size_t t = 1; t < std::min(threads, inputs_.size()); ++t)
        helpers_.emplace_back([this] {
            while (extract_one()) {
            }
        });
}

Batch::~Batch() {
    stop_ = true;
    py::gil_scoped_release release;
    helpers_.clear();
}

std::optional<Document> Batch::next() {
    const std::size_t i = handed_out_;
    if (i == inputs_.size()) return std::nullopt;
    {
        py::gil_scoped_release release;
        while (!done(i) && extract_one()) {
        }
        std::unique_lock lock(mutex_);
        finished_.wait(lock, [&] { return done_[i] != 0; });
    }
    if (errors_[i]) {
        handed_out_ = inputs_.size();
        std::rethrow_exception(errors_[i]);
    }
    ++handed_out_;
    return std::move(documents_[i]);
}

bool Batch::done(std::size_t i) {
    std::lock_guard lock(mutex_);
    return done_[i] != 0;
}

bool Batch::extract_one() {
    if (stop_) return false;
    const std::size_t i = next_.fetch_add(1);
    if (i >= inputs_.size()) return false;
    BatchInput& input = inputs_[i];
    try {
        std::optional<Date> date;
        if (input.published) date = parse_iso_date_or_throw(*input.published);
        documents_[i] = shared_extractor().extract(std::move(input.text), date, std::move(input.doc_id), extraction_);
    } catch (...) {
        errors_[i] = std::current_exception();
        stop_ = true;
    }
    {
        std::lock_guard lock(mutex_);
        done_[i] = 1;
    }
    finished_.notify_all();
    return true;
}

void raise_with_context(std::exception_ptr error, std::string_view context) {
    if (!set_python_error(error, context)) std::rethrow_exception(error);
    throw py::error_already_set();
}

}  // namespace chronoweave::python
