// TimeML reading and writing: a small, non-recursive XML scanner that keeps the byte offsets needed to map the
// decoded <TEXT> back onto the source, so timexes can be written into the file without touching anything else.
#include <chronoweave/timeml.hpp>

#include <chronoweave/error.hpp>
#include <chronoweave/extractor.hpp>
#include <chronoweave/text.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <numeric>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace chronoweave {

std::optional<std::string_view> TimemlTimex::attribute(std::string_view name) const noexcept {
    for (const auto& a : attributes)
        if (a.name == name) return std::string_view(a.value);
    return std::nullopt;
}

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

// A place in the source where a tag may be inserted: `raw` is the byte offset in the source, `decoded` the offset
// in the decoded text, `top` the innermost element open there (TIMEX3 tags inside <TEXT> do not count: they are
// removed on output) and `depth` how many elements of <TEXT> are open, <TEXT> included.
struct Slot {
    std::size_t decoded = 0;
    std::size_t raw = 0;
    std::size_t top = 0;
    std::size_t depth = 0;
};

// A stretch of character data copied verbatim into the decoded text: every position inside it is a slot.
struct PlainRun {
    std::size_t decoded = 0;
    std::size_t raw = 0;
    std::size_t size = 0;
    std::size_t top = 0;
    std::size_t depth = 0;
};

struct ByteRange {
    std::size_t begin = 0;
    std::size_t end = 0;
};

struct Parsed {
    TimemlInput input;
    std::vector<Slot> slots;         // at every markup boundary inside <TEXT>, in source order
    std::vector<PlainRun> runs;      // in source order
    std::vector<ByteRange> removed;  // the TIMEX3 tags inside <TEXT>, in source order
    std::uint64_t next_tid = 1;      // first free tN after the TIMEX3s outside <TEXT>
};

constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
constexpr bool is_name_start(unsigned char c) noexcept {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' || c >= 0x80;
}
constexpr bool is_name_char(unsigned char c) noexcept {
    return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}
constexpr bool is_continuation(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The characters XML 1.0 allows.
constexpr bool is_xml_char(std::uint32_t cp) noexcept {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

// The offset of the first character of valid UTF-8 text that XML 1.0 does not allow, even as a reference: a C0
// control other than tab and line breaks, or the noncharacter U+FFFE or U+FFFF (surrogates are not valid UTF-8).
std::optional<std::size_t> find_non_xml_character(std::string_view text) noexcept {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') return i;
        const bool noncharacter =
            c == '\xEF' && i + 2 < text.size() && text[i + 1] == '\xBF' && (text[i + 2] == '\xBE' || text[i + 2] == '\xBF');
        if (noncharacter) return i;
    }
    return std::nullopt;
}

// "U+0001" for the character find_non_xml_character found at `at`.
std::string non_xml_character_name(std::string_view text, std::size_t at) {
    const std::uint32_t cp = static_cast<unsigned char>(text[at]) == 0xEF
                                 ? 0xFFFE + static_cast<std::uint32_t>(text[at + 2] == '\xBF')
                                 : static_cast<unsigned char>(text[at]);
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
    return name;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// "1998-01-08", "1998-01-08T18:30:00" -> the date; anything else -> nullopt.
std::optional<Date> dct_date(std::string_view value) noexcept {
    value = trim(value);
    if (value.size() < 10) return std::nullopt;
    if (value.size() > 10 && value[10] != 'T' && value[10] != ' ') return std::nullopt;
    return parse_iso_date(value.substr(0, 10));
}

// The number of a canonical "tN" tid, or nullopt.
std::optional<std::uint64_t> tid_number(std::string_view tid) noexcept {
    if (tid.size() < 2 || tid.size() > 19 || tid[0] != 't') return std::nullopt;
    if (tid.size() > 2 && tid[1] == '0') return std::nullopt;
    std::uint64_t n = 0;
    for (char c : tid.substr(1)) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return n;
}

class Parser {
public:
    explicit Parser(std::string_view source) : s_(source) {}

    Parsed parse() {
        if (s_.size() > Extractor::max_document_bytes)
            throw DocumentTooLargeError("TimeML input of " + std::to_string(s_.size()) + " bytes is larger than " +
                                        std::to_string(Extractor::max_document_bytes));
        if (auto bad = find_invalid_utf8(s_)) fail("invalid UTF-8", *bad);
        if (auto bad = find_non_xml_character(s_))
            fail("the character " + non_xml_character_name(s_, *bad) + " is not allowed in XML", *bad);
        std::size_t i = s_.substr(0, bom.size()) == bom ? bom.size() : 0;
        const std::size_t n = s_.size();
        while (i < n) {
            if (s_[i] == '<') i = markup(i);
            else if (s_[i] == '&') i = reference_in_content(i);
            else i = character_data(i);
        }
        if (!root_seen_) fail("no root element", n);
        if (!stack_.empty())
            fail("element <" + std::string(stack_.back().name) + "> is never closed", stack_.back().at);
        if (!text_seen_) fail("no <TEXT> element", n);
        if (!dct_found_ && fallback_dct_) {
            out_.input.dct_tid = std::move(fallback_dct_->first);
            out_.input.dct_value = std::move(fallback_dct_->second);
        }
        out_.input.dct = dct_date(out_.input.dct_value);
        out_.input.id = std::string(trim(docid_));
        return std::move(out_);
    }

private:
    enum class Role : std::uint8_t { other, text, text_timex, docid, dct };

    struct Open {
        std::string_view name;
        std::size_t at = 0;       // offset of its '<'
        Role role = Role::other;
        bool inner = false;       // opened inside <TEXT>
        std::size_t timex = 0;    // index into input.timexes for Role::text_timex
    };

    struct Attribute {
        std::string_view name;
        std::string value;
    };

    // The 1-based line and column (in code points, a byte order mark not counted) of a source offset.
    std::pair<std::size_t, std::size_t> location(std::size_t at) const noexcept {
        at = std::min(at, s_.size());
        std::size_t line = 1, line_start = 0;
        for (std::size_t k = 0; k < at; ++k)
            if (s_[k] == '\n') {
                ++line;
                line_start = k + 1;
            }
        if (line_start == 0 && s_.substr(0, bom.size()) == bom && at >= bom.size()) line_start = bom.size();
        std::size_t column = 1;
        for (std::size_t k = line_start; k < at; ++k)
            if (!is_continuation(s_[k])) ++column;
        return {line, column};
    }

    [[noreturn]] void fail(const std::string& message, std::size_t at) const {
        const auto [line, column] = location(at);
        throw TimemlError(message, line, column);
    }

    bool starts_with(std::size_t i, std::string_view prefix) const noexcept {
        return s_.substr(i, prefix.size()) == prefix;
    }

    // An XML name at i (advancing i past it), or "" when there is none.
    std::string_view name_at(std::size_t& i) const noexcept {
        const std::size_t begin = i;
        if (i >= s_.size() || !is_name_start(static_cast<unsigned char>(s_[i]))) return {};
        while (i < s_.size() && is_name_char(static_cast<unsigned char>(s_[i]))) ++i;
        return s_.substr(begin, i - begin);
    }

    void skip_space(std::size_t& i) const noexcept {
        while (i < s_.size() && is_space(s_[i])) ++i;
    }

    // The character an entity or character reference at i ('&') stands for; i moves past its ';'.
    std::uint32_t reference(std::size_t& i) const {
        const std::size_t at = i;
        const std::size_t n = s_.size();
        if (i + 1 < n && s_[i + 1] == '#') {
            std::size_t k = i + 2;
            const bool hex = k < n && s_[k] == 'x';
            if (hex) ++k;
            std::uint32_t value = 0;
            std::size_t digits = 0;
            for (; k < n; ++k, ++digits) {
                const char c = s_[k];
                std::uint32_t d;
                if (c >= '0' && c <= '9') d = static_cast<std::uint32_t>(c - '0');
                else if (hex && c >= 'a' && c <= 'f') d = static_cast<std::uint32_t>(c - 'a' + 10);
                else if (hex && c >= 'A' && c <= 'F') d = static_cast<std::uint32_t>(c - 'A' + 10);
                else break;
                value = value * (hex ? 16 : 10) + d;
                if (value > 0x10FFFF) fail("character reference out of range", at);
            }
            if (digits == 0 || k >= n || s_[k] != ';') fail("malformed character reference", at);
            if (!is_xml_char(value)) fail("character reference to a character XML does not allow", at);
            i = k + 1;
            return value;
        }
        std::size_t k = i + 1;
        while (k < n && k - i <= 32 && is_name_char(static_cast<unsigned char>(s_[k]))) ++k;
        if (k == i + 1 || k >= n || s_[k] != ';')
            fail("malformed entity reference (a literal '&' must be written &amp;)", at);
        const std::string_view name = s_.substr(i + 1, k - i - 1);
        std::uint32_t c;
        if (name == "amp") c = '&';
        else if (name == "lt") c = '<';
        else if (name == "gt") c = '>';
        else if (name == "quot") c = '"';
        else if (name == "apos") c = '\'';
        else fail("unknown entity &" + std::string(name) + ";", at);
        i = k + 1;
        return c;
    }

    std::size_t top() const noexcept { return inserts_.back(); }
    std::size_t depth() const noexcept { return inserts_.size(); }

    void slot(std::size_t raw) {
        if (text_open_) out_.slots.push_back({out_.input.text.size(), raw, top(), depth()});
    }

    void decoded(std::string_view piece) {
        if (text_open_) out_.input.text += piece;
        if (docid_state_ == 1) docid_ += piece;
    }

    const char* outside_root() const noexcept {
        return root_seen_ ? "text after the root element" : "text before the root element";
    }

    std::size_t character_data(std::size_t i) {
        std::size_t j = s_.find_first_of("<&", i);
        if (j == std::string_view::npos) j = s_.size();
        if (stack_.empty()) {
            for (std::size_t k = i; k < j; ++k)
                if (!is_space(s_[k])) fail(outside_root(), k);
            return j;
        }
        if (text_open_) out_.runs.push_back({out_.input.text.size(), i, j - i, top(), depth()});
        decoded(s_.substr(i, j - i));
        return j;
    }

    std::size_t reference_in_content(std::size_t i) {
        if (stack_.empty()) fail(outside_root(), i);
        slot(i);
        std::string piece;
        append_utf8(piece, reference(i));
        decoded(piece);
        slot(i);
        return i;
    }

    // Comments, processing instructions, CDATA, DOCTYPE and tags; returns the offset after them.
    std::size_t markup(std::size_t at) {
        const auto find_end = [&](std::size_t from, std::string_view terminator, const char* what) {
            const std::size_t e = s_.find(terminator, from);
            if (e == std::string_view::npos) fail(std::string("unterminated ") + what, at);
            return e;
        };
        if (starts_with(at, "<!--")) {
            const std::size_t e = find_end(at + 4, "-->", "comment") + 3;
            slot(at);
            slot(e);
            return e;
        }
        if (starts_with(at, "<![CDATA[")) {
            if (stack_.empty()) fail("CDATA section outside the root element", at);
            const std::size_t e = find_end(at + 9, "]]>", "CDATA section");
            slot(at);
            decoded(s_.substr(at + 9, e - at - 9));
            slot(e + 3);
            return e + 3;
        }
        if (starts_with(at, "<!DOCTYPE")) {
            if (root_seen_) fail("DOCTYPE inside the document", at);
            char quote = 0;
            bool subset = false;
            for (std::size_t k = at + 9; k < s_.size(); ++k) {
                const char c = s_[k];
                if (quote) {
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '[') {
                    subset = true;
                } else if (c == ']') {
                    subset = false;
                } else if (c == '>' && !subset) {
                    return k + 1;
                }
            }
            fail("unterminated DOCTYPE", at);
        }
        if (starts_with(at, "<!")) fail("unsupported markup declaration", at);
        if (starts_with(at, "<?")) {
            const std::size_t e = find_end(at + 2, "?>", "processing instruction") + 2;
            slot(at);
            slot(e);
            return e;
        }
        if (starts_with(at, "</")) return end_tag(at);
        return start_tag(at);
    }

    std::size_t start_tag(std::size_t at) {
        std::size_t i = at + 1;
        const std::string_view name = name_at(i);
        if (name.empty()) fail("malformed tag (a literal '<' must be written &lt;)", at);
        const std::string tag = "<" + std::string(name) + ">";
        attributes_.clear();
        attribute_names_.clear();
        bool empty = false;
        for (;;) {
            const std::size_t space = i;
            skip_space(i);
            if (i >= s_.size()) fail("unterminated tag " + tag, at);
            if (s_[i] == '>') {
                ++i;
                break;
            }
            if (s_[i] == '/') {
                if (i + 1 < s_.size() && s_[i + 1] == '>') {
                    i += 2;
                    empty = true;
                    break;
                }
                fail("malformed tag " + tag, i);
            }
            if (i == space) fail("expected white space before an attribute in " + tag, i);
            const std::size_t name_at_offset = i;
            const std::string_view attribute = name_at(i);
            if (attribute.empty()) fail("malformed attribute in " + tag, i);
            skip_space(i);
            if (i >= s_.size() || s_[i] != '=')
                fail("expected '=' after attribute " + std::string(attribute) + " in " + tag, i);
            ++i;
            skip_space(i);
            if (i >= s_.size() || (s_[i] != '"' && s_[i] != '\''))
                fail("expected a quoted value for attribute " + std::string(attribute) + " in " + tag, i);
            const char quote = s_[i];
            const std::size_t value_begin = ++i;
            const std::size_t value_end = s_.find(quote, value_begin);
            if (value_end == std::string_view::npos) fail("unterminated attribute value in " + tag, value_begin - 1);
            if (!attribute_names_.insert(attribute).second)
                fail("duplicate attribute " + std::string(attribute) + " in " + tag, name_at_offset);
            attributes_.push_back({attribute, attribute_value(value_begin, value_end)});
            i = value_end + 1;
        }

        if (stack_.empty()) {
            if (root_seen_) fail("a second root element " + tag, at);
            root_seen_ = true;
        }
        Open open{name, at, Role::other, text_open_, 0};
        if (name == "TEXT") {
            if (text_seen_) fail("more than one <TEXT> element", at);
            open.role = Role::text;
        } else if (text_open_) {
            if (name == "TIMEX3") open.role = Role::text_timex;
        } else if (name == "DOCID" && docid_state_ == 0) {
            open.role = Role::docid;
        } else if (name == "DCT") {
            open.role = Role::dct;
        }

        switch (open.role) {
            case Role::text:
                text_seen_ = true;
                out_.input.text_source = {i, i};
                if (!empty) {
                    text_open_ = true;
                    inserts_.assign(1, next_element_);
                    slot(i);
                }
                break;
            case Role::text_timex: {
                slot(at);
                TimemlTimex timex;
                timex.span = {out_.input.text.size(), out_.input.text.size()};
                for (auto& a : attributes_) {
                    if (a.name == "tid") timex.tid = a.value;
                    else if (a.name == "type") timex.type = a.value;
                    else if (a.name == "value") timex.value = a.value;
                    else if (a.name == "mod") timex.mod = a.value;
                    timex.attributes.push_back({std::string(a.name), std::move(a.value)});
                }
                open.timex = out_.input.timexes.size();
                out_.input.timexes.push_back(std::move(timex));
                out_.removed.push_back({at, i});
                slot(i);
                break;
            }
            case Role::other:
                if (text_open_) {
                    slot(at);
                    if (!empty) inserts_.push_back(next_element_);
                    slot(i);
                } else if (name == "TIMEX3") {
                    timex_outside_text();
                }
                break;
            case Role::docid:
                docid_state_ = empty ? 2 : 1;
                break;
            case Role::dct:
                if (!empty) ++dct_open_;
                break;
        }
        ++next_element_;
        if (!empty) stack_.push_back(open);
        return i;
    }

    // A TIMEX3 outside <TEXT>: the DCT, or one whose tid the new tids must not reuse.
    void timex_outside_text() {
        std::string_view tid, value;
        bool creation_time = false;
        for (const auto& a : attributes_) {
            if (a.name == "tid") tid = a.value;
            else if (a.name == "value") value = a.value;
            else if (a.name == "functionInDocument") creation_time = a.value == "CREATION_TIME";
        }
        if (auto number = tid_number(tid)) out_.next_tid = std::max(out_.next_tid, *number + 1);
        if (dct_open_ > 0 && !dct_found_) {
            dct_found_ = true;
            out_.input.dct_tid = std::string(tid);
            out_.input.dct_value = std::string(value);
        } else if (creation_time && !fallback_dct_) {
            fallback_dct_.emplace(std::string(tid), std::string(value));
        }
    }

    std::size_t end_tag(std::size_t at) {
        std::size_t i = at + 2;
        const std::string_view name = name_at(i);
        if (name.empty()) fail("malformed end tag", at);
        skip_space(i);
        if (i >= s_.size() || s_[i] != '>') fail("malformed end tag </" + std::string(name) + ">", at);
        ++i;
        if (stack_.empty()) fail("end tag </" + std::string(name) + "> without a start tag", at);
        const Open open = stack_.back();
        if (open.name != name) {
            const auto [line, column] = location(open.at);
            const std::string where = " opened at line " + std::to_string(line) + ", column " + std::to_string(column);
            fail("end tag </" + std::string(name) + "> does not match <" + std::string(open.name) + ">" + where, at);
        }
        switch (open.role) {
            case Role::text:
                slot(at);
                out_.input.text_source.end = at;
                text_open_ = false;
                inserts_.clear();
                break;
            case Role::text_timex:
                slot(at);
                out_.input.timexes[open.timex].span.end = out_.input.text.size();
                out_.removed.push_back({at, i});
                slot(i);
                break;
            case Role::other:
                if (open.inner) {
                    slot(at);
                    inserts_.pop_back();
                    slot(i);
                }
                break;
            case Role::docid:
                docid_state_ = 2;
                break;
            case Role::dct:
                --dct_open_;
                break;
        }
        stack_.pop_back();
        return i;
    }

    // An attribute value with references decoded and white space normalized as XML prescribes.
    std::string attribute_value(std::size_t begin, std::size_t end) const {
        std::string value;
        value.reserve(end - begin);
        for (std::size_t k = begin; k < end;) {
            const char c = s_[k];
            if (c == '<') fail("'<' in an attribute value", k);
            if (c == '&') {
                append_utf8(value, reference(k));
                continue;
            }
            if (c == '\r' && k + 1 < end && s_[k + 1] == '\n') {
                ++k;
                continue;
            }
            value += is_space(c) ? ' ' : c;
            ++k;
        }
        return value;
    }

    std::string_view s_;
    Parsed out_;
    std::vector<Open> stack_;
    std::vector<std::size_t> inserts_;  // elements open inside <TEXT> other than TIMEX3, <TEXT> first
    std::vector<Attribute> attributes_;
    std::unordered_set<std::string_view> attribute_names_;
    std::size_t next_element_ = 0;
    bool root_seen_ = false;
    bool text_seen_ = false;
    bool text_open_ = false;
    int docid_state_ = 0;  // 0 before <DOCID>, 1 inside, 2 after
    std::string docid_;
    std::size_t dct_open_ = 0;
    bool dct_found_ = false;
    std::optional<std::pair<std::string, std::string>> fallback_dct_;
};

// Every slot at decoded offset d.
std::vector<Slot> slots_at(const Parsed& p, std::size_t d) {
    std::vector<Slot> result;
    const auto lower =
        std::partition_point(p.slots.begin(), p.slots.end(), [&](const Slot& s) { return s.decoded < d; });
    for (auto it = lower; it != p.slots.end() && it->decoded == d; ++it) result.push_back(*it);
    auto run = std::partition_point(p.runs.begin(), p.runs.end(), [&](const PlainRun& r) { return r.decoded < d; });
    if (run != p.runs.begin()) {
        --run;
        if (d < run->decoded + run->size) result.push_back({d, run->raw + (d - run->decoded), run->top, run->depth});
    }
    std::sort(result.begin(), result.end(), [](const Slot& a, const Slot& b) { return a.raw < b.raw; });
    return result;
}

// Where to put the start and end tags of a timex over `span`: both in the same element, the start tag not before
// `cursor`; the innermost such placement. nullopt when the span crosses an element boundary.
std::optional<std::pair<std::size_t, std::size_t>> placement(const Parsed& p, Span span, std::size_t cursor) {
    std::unordered_map<std::size_t, Slot> last_begin;
    for (const Slot& s : slots_at(p, span.begin))
        if (s.raw >= cursor) last_begin[s.top] = s;
    std::optional<std::pair<std::size_t, std::size_t>> best;
    std::size_t best_depth = 0;
    std::unordered_map<std::size_t, bool> seen_end;
    for (const Slot& e : slots_at(p, span.end)) {
        if (seen_end[e.top]) continue;  // the first end slot of each element is the innermost
        seen_end[e.top] = true;
        const auto b = last_begin.find(e.top);
        if (b == last_begin.end() || b->second.raw > e.raw) continue;
        if (!best || e.depth > best_depth) {
            best = std::pair{b->second.raw, e.raw};
            best_depth = e.depth;
        }
    }
    return best;
}

// An attribute value as XML text: markup characters escaped, white space kept through character references,
// other control characters and invalid UTF-8 replaced by U+FFFD.
std::string escape_attribute(std::string_view value) {
    std::string out;
    std::size_t i = 0;
    while (i < value.size()) {
        const auto bad = find_invalid_utf8(value.substr(i));
        const std::size_t valid_end = bad ? i + *bad : value.size();
        for (; i < valid_end; ++i) {
            const char c = value[i];
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                case '\t': out += "&#9;"; break;
                case '\n': out += "&#10;"; break;
                case '\r': out += "&#13;"; break;
                default:
                    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out += "\xEF\xBF\xBD";
                    else out += c;
            }
        }
        if (bad) {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

std::string open_tag(std::uint64_t tid, const Timex& timex) {
    std::string tag = "<TIMEX3 tid=\"t" + std::to_string(tid) + "\" type=\"" + std::string(to_string(timex.type)) +
                      "\" value=\"" + escape_attribute(timex.value) + "\"";
    if (timex.mod != TimexMod::none) tag += " mod=\"" + std::string(to_string(timex.mod)) + "\"";
    if (!timex.quant.empty()) tag += " quant=\"" + escape_attribute(timex.quant) + "\"";
    if (!timex.freq.empty()) tag += " freq=\"" + escape_attribute(timex.freq) + "\"";
    return tag + ">";
}

}  // namespace

TimemlInput read_timeml(std::string_view xml) { return Parser(xml).parse().input; }

TimemlInput read_timeml_file(const std::filesystem::path& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > Extractor::max_document_bytes)
        throw DocumentTooLargeError(path.string() + " is larger than " + std::to_string(Extractor::max_document_bytes) +
                                    " bytes");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot open " + path.string());
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error("cannot read " + path.string());
    return read_timeml(data);
}

TimemlAnnotation annotate_timeml_detailed(std::string_view original_xml, const Document& doc) {
    const Parsed p = Parser(original_xml).parse();
    const std::string& text = p.input.text;
    if (doc.text != text) throw Error("annotate_timeml: the document's text is not the decoded <TEXT> of this file");

    std::vector<std::size_t> order(doc.timexes.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Span& x = doc.timexes[a].span;
        const Span& y = doc.timexes[b].span;
        return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
    });
    const auto on_boundary = [&](std::size_t k) { return k == text.size() || !is_continuation(text[k]); };

    TimemlAnnotation result;
    std::vector<std::pair<std::size_t, std::string>> insertions;  // (source offset, tag), in source order
    std::size_t cursor = p.input.text_source.begin;
    std::size_t written_end = 0;
    std::uint64_t tid = p.next_tid;
    for (const std::size_t index : order) {
        const Timex& timex = doc.timexes[index];
        const Span span = timex.span;
        const bool usable = span.ok() && !span.empty() && span.end <= text.size() && on_boundary(span.begin) &&
                            on_boundary(span.end) && span.begin >= written_end;
        const auto place = usable ? placement(p, span, cursor) : std::nullopt;
        if (!place) {
            result.skipped.push_back(index);
            continue;
        }
        insertions.emplace_back(place->first, open_tag(tid++, timex));
        insertions.emplace_back(place->second, "</TIMEX3>");
        cursor = place->second;
        written_end = span.end;
        result.written.push_back(index);
    }
    std::sort(result.skipped.begin(), result.skipped.end());

    std::string& out = result.xml;
    out.reserve(original_xml.size() + insertions.size() * 48);
    std::size_t pos = 0, next_insert = 0, next_removed = 0;
    for (;;) {
        const bool have_insert = next_insert < insertions.size();
        const bool have_removed = next_removed < p.removed.size();
        if (!have_insert && !have_removed) break;
        if (have_insert && (!have_removed || insertions[next_insert].first <= p.removed[next_removed].begin)) {
            const std::size_t at = std::max(pos, insertions[next_insert].first);
            out.append(original_xml, pos, at - pos);
            out += insertions[next_insert].second;
            pos = at;
            ++next_insert;
        } else {
            const ByteRange r = p.removed[next_removed++];
            out.append(original_xml, pos, r.begin - pos);
            pos = r.end;
        }
    }
    out.append(original_xml, pos, std::string_view::npos);
    return result;
}

std::string annotate_timeml(std::string_view original_xml, const Document& doc) {
    return annotate_timeml_detailed(original_xml, doc).xml;
}

namespace {

// XML 1.0 cannot represent control characters other than tab and line breaks, nor U+FFFE and U+FFFF, not even as
// references, so text holding one cannot become TimeML; that is an error rather than a file XML tools reject.
std::string escape_xml_text(std::string_view text) {
    if (const auto bad = find_non_xml_character(text))
        throw Error("cannot write TimeML: XML 1.0 has no way to represent the character " +
                    non_xml_character_name(text, *bad) + " at byte " + std::to_string(*bad));
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// TimeML's EVENT class: what reports is REPORTING, everything else an OCCURRENCE.
std::string_view event_class(const Event& e) { return e.kind == "statement" ? "REPORTING" : "OCCURRENCE"; }

// <TEXT> with an EVENT element around each event trigger that no timex overlaps; annotate_timeml() then adds the
// TIMEX3 elements around them. Returns the content and, per event, its eid number (0 for an event left out).
std::pair<std::string, std::vector<std::size_t>> text_with_events(const Document& doc) {
    std::vector<std::size_t> order(doc.events.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return doc.events[a].trigger.begin < doc.events[b].trigger.begin; });
    std::vector<std::size_t> eid(doc.events.size(), 0);
    std::string out;
    std::size_t written = 0, next_eid = 1;
    for (const std::size_t k : order) {
        const Span t = doc.events[k].trigger;
        if (t.empty() || t.end > doc.text.size() || t.begin < written) continue;
        const bool under_timex = std::any_of(doc.timexes.begin(), doc.timexes.end(),
                                             [&](const Timex& x) { return x.span.overlaps(t); });
        if (under_timex) continue;
        eid[k] = next_eid++;
        out += escape_xml_text(std::string_view(doc.text).substr(written, t.begin - written));
        out += "<EVENT eid=\"e" + std::to_string(eid[k]) + "\" class=\"" + std::string(event_class(doc.events[k])) + "\">";
        out += escape_xml_text(doc.text_of(t));
        out += "</EVENT>";
        written = t.end;
    }
    out += escape_xml_text(std::string_view(doc.text).substr(written));
    return {std::move(out), std::move(eid)};
}

}  // namespace

std::string to_timeml(const Document& doc) {
    std::string skeleton = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>" + escape_xml_text(doc.id) + "</DOCID>\n";
    if (doc.published) {
        const std::string day = format_iso_date(*doc.published);
        skeleton += "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"" + day +
                    "\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">" + day + "</TIMEX3></DCT>\n";
    }
    auto [text, eid] = text_with_events(doc);
    skeleton += "<TEXT>" + text + "</TEXT>\n</TimeML>\n";
    TimemlAnnotation annotated = annotate_timeml_detailed(skeleton, doc);

    // The links: one MAKEINSTANCE per written event, then a TLINK per relation whose two ends were written.
    std::vector<std::size_t> tid(doc.timexes.size(), 0);
    for (std::size_t k = 0; k < annotated.written.size(); ++k) tid[annotated.written[k]] = k + 1;
    std::string links;
    for (std::size_t e = 0; e < doc.events.size(); ++e) {
        if (eid[e] == 0) continue;
        const std::string n = std::to_string(eid[e]);
        links += "<MAKEINSTANCE eventID=\"e" + n + "\" eiid=\"ei" + n + "\" tense=\"NONE\" aspect=\"NONE\" polarity=\"" +
                 (doc.events[e].status == EventStatus::negated ? "NEG" : "POS") + "\" pos=\"UNKNOWN\"/>\n";
    }
    // One end of a link as a TLINK attribute value ("ei3" or "t2"), empty when that end was not written.
    auto id_of = [&](const NodeRef& r) -> std::string {
        if (r.kind == NodeKind::event) return r.index < eid.size() && eid[r.index] ? "ei" + std::to_string(eid[r.index]) : "";
        return r.index < tid.size() && tid[r.index] ? "t" + std::to_string(tid[r.index]) : "";
    };
    std::size_t lid = 0;
    for (const Relation& r : doc.relations) {
        const std::string from = id_of(r.from), to = id_of(r.to);
        if (from.empty() || to.empty()) continue;
        links += "<TLINK lid=\"l" + std::to_string(++lid) + "\" relType=\"" + std::string(to_string(r.type)) + "\" " +
                 (r.from.kind == NodeKind::event ? "eventInstanceID" : "timeID") + "=\"" + from + "\" " +
                 (r.to.kind == NodeKind::event ? "relatedToEventInstance" : "relatedToTime") + "=\"" + to + "\"/>\n";
    }
    std::string& xml = annotated.xml;
    xml.insert(xml.rfind("</TimeML>"), links);
    return xml;
}

}  // namespace chronoweave
