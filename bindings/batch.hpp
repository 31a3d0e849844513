#pragma once
// Many documents extracted on native threads, handed over in input order: extract_many() hands each to Python as it
// comes, timeline() keeps them all natively.
#include <chronoweave/extractor.hpp>

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace chronoweave::python {

struct BatchInput {
    std::string text;
    std::optional<std::string> published;  // ISO date, checked on the extracting thread
    std::string doc_id;
};

// A batch extracted by `threads` threads sharing the one const extractor: threads - 1 native helpers, and the calling
// thread, which takes the documents in input order and, while the next one is not ready, extracts too. So the
// caller's serial work on the results (Python objects for extract_many) overlaps the extraction of later documents
// instead of following it, and no core idles. Threads take the next untaken index from a counter, so long and short
// documents even out. After a failure no new index is taken: every index below the failing one has already been
// taken and finishes, so the first failing index in input order, the one reported, is the same on every run.
// Helpers never touch Python objects; the GIL is released while the calling thread extracts or waits.
class Batch {
public:
    // threads == 0: one per core.
    Batch(std::vector<BatchInput> inputs, std::size_t threads, Extraction extraction);
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    ~Batch();  // an abandoned batch: helpers finish the document in hand and quit

    // The next document in input order, nullopt after the last; rethrows what extracting it threw, and then the
    // batch is over. Called with the GIL held.
    std::optional<Document> next();
    std::size_t handed_out() const { return handed_out_; }  // the index of the next document next() gives

private:
    bool done(std::size_t i);
    bool extract_one();  // the next untaken document; false when none is left or the batch stopped

    std::vector<BatchInput> inputs_;
    const Extraction extraction_;
    std::vector<Document> documents_;
    std::vector<std::exception_ptr> errors_;
    std::vector<char> done_;  // guarded by mutex_; set once documents_[i] or errors_[i] is written
    std::mutex mutex_;
    std::condition_variable finished_;
    std::atomic<std::size_t> next_{0};
    std::atomic<bool> stop_{false};
    std::size_t handed_out_ = 0;         // used by the calling thread only
    std::vector<std::jthread> helpers_;  // last: joined before the state they use is destroyed
};

// Raises the Python exception for `error` with `context` before its message (see set_python_error); an exception
// that is not ours is rethrown as it is.
[[noreturn]] void raise_with_context(std::exception_ptr error, std::string_view context);

}  // namespace chronoweave::python
