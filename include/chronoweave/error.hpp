#pragma once
// Every error chronoweave reports is a chronoweave::Error, so callers can catch ours apart from the rest.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace chronoweave {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Text that is not valid UTF-8; byte_offset is where the first bad sequence starts.
class InvalidUtf8Error : public Error {
public:
    explicit InvalidUtf8Error(std::size_t byte_offset)
        : Error("invalid UTF-8 at byte " + std::to_string(byte_offset)), byte_offset_(byte_offset) {}
    std::size_t byte_offset() const noexcept { return byte_offset_; }

private:
    std::size_t byte_offset_;
};

// A date given by the caller (a publication date) that is malformed or not a real calendar day.
class InvalidDateError : public Error {
public:
    using Error::Error;
};

// A document larger than the documented limit (Extractor::max_document_bytes).
class DocumentTooLargeError : public Error {
public:
    using Error::Error;
};

// Two documents given to one timeline under the same id; every mention must name its document unambiguously.
class DuplicateDocumentIdError : public Error {
public:
    using Error::Error;
};

// A resource (lexicon or rule file) that does not parse; a bug in the library's data, reported with its location.
class ResourceError : public Error {
public:
    using Error::Error;
};

// Malformed TimeML input, with the 1-based line and column where reading stopped.
class TimemlError : public Error {
public:
    TimemlError(const std::string& message, std::size_t line, std::size_t column)
        : Error(message + " at line " + std::to_string(line) + ", column " + std::to_string(column)),
          line_(line), column_(column) {}
    std::size_t line() const noexcept { return line_; }
    std::size_t column() const noexcept { return column_; }

private:
    std::size_t line_;
    std::size_t column_;
};

}  // namespace chronoweave
