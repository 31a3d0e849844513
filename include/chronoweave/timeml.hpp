#pragma once
// TimeML (TempEval-3 / TimeBank) input and output.
//
// read_timeml() takes a TimeML file apart: DOCID, the DCT and the text of the <TEXT> element with every inner tag
// removed and XML entities decoded, plus the gold TIMEX3 annotations found inside <TEXT>. Offsets into that text
// are UTF-8 bytes, like everywhere in chronoweave. Line endings are kept as written (no CR LF folding), so the
// decoded text differs from the source only where tags were removed and entities decoded.
//
// annotate_timeml() writes a Document extracted from that text back into the original file: the TIMEX3 tags inside
// <TEXT> are replaced by the document's timexes, and every other byte is kept as it was.
//
// Malformed input throws TimemlError with the 1-based line and column of the problem; columns count characters
// (Unicode code points), lines are separated by '\n'.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <chronoweave/calendar.hpp>
#include <chronoweave/document.hpp>
#include <chronoweave/span.hpp>
#include <chronoweave/timex.hpp>

namespace chronoweave {

struct TimemlAttribute {
    std::string name;
    std::string value;  // entities decoded
    friend bool operator==(const TimemlAttribute&, const TimemlAttribute&) = default;
};

// A TIMEX3 annotation found inside <TEXT>.
struct TimemlTimex {
    Span span;            // in TimemlInput::text (UTF-8 bytes); empty for <TIMEX3 .../>
    std::string tid;      // the attributes as written ("" when absent), entities decoded
    std::string type;
    std::string value;
    std::string mod;
    std::vector<TimemlAttribute> attributes;  // every attribute, in source order

    std::optional<TimexType> timex_type() const noexcept { return timex_type_from_string(type); }
    // TimexMod::none when the mod is absent or not a TimeML 1.2.1 mod.
    TimexMod timex_mod() const noexcept { return timex_mod_from_string(mod).value_or(TimexMod::none); }
    // The attribute's value, or nullopt when the tag does not have it.
    std::optional<std::string_view> attribute(std::string_view name) const noexcept;

    friend bool operator==(const TimemlTimex&, const TimemlTimex&) = default;
};

// What read_timeml() finds in a TimeML file.
struct TimemlInput {
    std::string id;                 // text of <DOCID>, white space trimmed; "" without one
    std::optional<Date> dct;        // date part of the DCT value ("1998-01-08T18:30:00" -> 1998-01-08)
    std::string dct_value;          // the DCT's TIMEX3 value as written; "" without a DCT
    std::string dct_tid;            // the DCT's tid ("t0"); "" without a DCT
    std::string text;               // content of <TEXT>: tags removed, entities decoded
    std::vector<TimemlTimex> timexes;  // gold TIMEX3s inside <TEXT>, in order of their start tags
    Span text_source;               // where the content of <TEXT> is in the source (bytes)

    friend bool operator==(const TimemlInput&, const TimemlInput&) = default;
};

// Parses a TimeML document (UTF-8, an optional byte order mark skipped). The DCT is the first TIMEX3 inside a
// <DCT> element, else the first TIMEX3 outside <TEXT> with functionInDocument="CREATION_TIME"; a DCT value that is
// not a calendar date leaves `dct` empty. Throws TimemlError for input that is not well-formed XML (unclosed or
// mismatched tags, unknown or malformed entities, invalid UTF-8, text outside the root element, ...) or that has no
// <TEXT> element or more than one; DocumentTooLargeError past Extractor::max_document_bytes.
TimemlInput read_timeml(std::string_view xml);
// Reads the file, then read_timeml(); an unreadable file throws Error naming it.
TimemlInput read_timeml_file(const std::filesystem::path& path);

// The result of writing a document's timexes into a TimeML file.
struct TimemlAnnotation {
    std::string xml;
    std::vector<std::size_t> written;  // indexes into Document::timexes, in the order of their new tids
    std::vector<std::size_t> skipped;  // indexes of timexes that could not be written (see annotate_timeml)
};

// Returns `original_xml` with every TIMEX3 tag inside <TEXT> removed and the timexes of `doc` inserted as
// <TIMEX3 tid="tN" type="DATE" value="2025-05-16" mod="START">...</TIMEX3> (mod, quant and freq only when set).
// `doc` must have been extracted from read_timeml(original_xml).text (Error otherwise). Every byte outside the
// removed and inserted tags is copied unchanged, entities and all. The new tids continue after the largest numeric
// tid of the TIMEX3 tags kept outside <TEXT> (the DCT's "t0" gives t1, t2, ...).
//
// A timex is skipped (never written half-way) when its span is empty, out of range or not on character
// boundaries, when it overlaps a timex already written (timexes are taken by start, longer first), when it
// starts or ends inside a CDATA section, or when it would cross another element's boundary, such as one
// partially overlapping an <EVENT>. Where several placements are valid (a timex that covers exactly an <EVENT>'s
// text), the innermost is used: <EVENT><TIMEX3>May 16</TIMEX3></EVENT>.
TimemlAnnotation annotate_timeml_detailed(std::string_view original_xml, const Document& doc);
std::string annotate_timeml(std::string_view original_xml, const Document& doc);

// A new TimeML file for a document extracted from plain text: DOCID, DCT (when the document has a publication
// date) and TEXT with the document's timexes as TIMEX3 tags. Throws chronoweave::Error when the text or id holds
// a control character other than tab, CR or LF, which XML 1.0 cannot represent.
std::string to_timeml(const Document& doc);

}  // namespace chronoweave
