#pragma once
// A small streaming JSON writer: keys in the order written, strings escaped, no white space. Internal.
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace chronoweave::impl {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    void string(std::string_view s) {
        out_ += '"';
        for (unsigned char c : s) {
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                default:
                    if (c < 0x20) {
                        char buffer[8];
                        std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                        out_ += buffer;
                    } else {
                        out_ += static_cast<char>(c);
                    }
            }
        }
        out_ += '"';
    }
    void number(std::size_t n) { out_ += std::to_string(n); }
    void key(std::string_view k) {
        separate();
        string(k);
        out_ += ':';
        fresh_ = true;
    }
    void open(char c) {
        separate();
        out_ += c;
        fresh_ = true;
    }
    void close(char c) {
        out_ += c;
        fresh_ = false;
    }
    void value_string(std::string_view s) { separate(); string(s); }
    void value_number(std::size_t n) { separate(); number(n); }
    void value_null() { separate(); out_ += "null"; }
    void value_raw(std::string_view s) { separate(); out_ += s; }
    void field(std::string_view k, std::string_view s) { key(k); value_string(s); }
    void field(std::string_view k, std::size_t n) { key(k); value_number(n); }

private:
    void separate() {
        if (!fresh_) out_ += ',';
        fresh_ = false;
    }
    std::string& out_;
    bool fresh_ = true;
};

}  // namespace chronoweave::impl
