// chronoweave_bench: throughput of each pipeline stage on a corpus any machine can make, plus memory.
//
// The corpus is the bundled example articles (with the publication dates of their index.json) and, when the
// directory exists, the text of every TimeML file under the shared corpora (DCT as publication date), replicated
// whole until it reaches --target-mb. Each stage runs once over the corpus to warm up, then --runs timed passes;
// the table shows the median pass. A stage is one entry of `stages()`.
#include <chronoweave/chronoweave.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "temporal/rules.hpp"
#include "text/token.hpp"

namespace fs = std::filesystem;
using namespace chronoweave;

namespace {

struct BenchDocument {
    std::string id;
    std::string text;
    std::optional<Date> published;
};

// One entry per pipeline stage. `run` processes one document and returns how many items it produced, which the
// table reports and which keeps the work from being optimized away.
struct Stage {
    std::string_view name;
    std::string_view items;  // what `run` counts
    std::function<std::size_t(const BenchDocument&)> run;
};

std::vector<Stage> stages(const Extractor& extractor, const impl::Grammar& grammar) {
    return {
        {"utf8", "invalid", [](const BenchDocument& d) { return find_invalid_utf8(d.text).has_value() ? 1u : 0u; }},
        {"sentences", "sentences", [](const BenchDocument& d) { return split_sentences(d.text).size(); }},
        // Tokens as extraction makes them: with the grammar's word ids, into buffers kept from one document to the next.
        {"tokenize", "tokens",
         [&grammar, tokenized = std::make_shared<impl::TokenizedText>()](const BenchDocument& d) {
             impl::tokenize(d.text, grammar.vocabulary(), *tokenized);
             return tokenized->tokens.size();
         }},
        {"timexes", "timexes",
         [&extractor](const BenchDocument& d) {
             return extractor.extract(d.text, d.published, d.id, Extraction::timexes).timexes.size();
         }},
        {"extract", "events",
         [&extractor](const BenchDocument& d) { return extractor.extract(d.text, d.published, d.id).events.size(); }},
    };
}

struct Options {
    fs::path examples = "examples/articles";
    fs::path corpora = "../shared/corpora";
    bool use_corpora = true;
    double target_mb = 32;
    int runs = 5;
    bool warm_up = true;
    std::vector<std::string> only;  // stage names; empty = all
    std::size_t soak_documents = 0;
    fs::path dump_corpus;
    fs::path corpus_jsonl;         // instead of the examples and corpora: documents as --dump-corpus writes them
    fs::path single;               // time extract() on this one file, call by call
    std::string single_published;
    int single_calls = 2000;       // calls per sample
    Extraction single_extraction = Extraction::full;
};

[[noreturn]] void usage(const char* message) {
    std::cerr << "chronoweave_bench: " << message << "\n"
              << "usage: chronoweave_bench [--examples DIR] [--corpora DIR | --no-corpora] [--target-mb MB] [--runs N]\n"
              << "                         [--no-warm-up] [--stage NAME]... [--soak DOCS] [--dump-corpus FILE.jsonl]\n"
              << "       chronoweave_bench --corpus-jsonl FILE.jsonl [--target-mb MB] [--runs N] [--stage NAME]...\n"
              << "       chronoweave_bench --single FILE [--published YYYY-MM-DD] [--runs N] [--calls N] [--timexes-only]\n";
    std::exit(2);
}

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(("missing value after " + std::string(arg)).c_str());
            return argv[++i];
        };
        if (arg == "--examples") o.examples = value();
        else if (arg == "--corpora") o.corpora = value();
        else if (arg == "--no-corpora") o.use_corpora = false;
        else if (arg == "--target-mb") o.target_mb = std::stod(value());
        else if (arg == "--runs") o.runs = std::max(1, std::stoi(value()));
        else if (arg == "--no-warm-up") o.warm_up = false;
        else if (arg == "--stage") o.only.push_back(value());
        else if (arg == "--soak") o.soak_documents = std::stoull(value());
        else if (arg == "--dump-corpus") o.dump_corpus = value();
        else if (arg == "--corpus-jsonl") o.corpus_jsonl = value();
        else if (arg == "--single") o.single = value();
        else if (arg == "--published") o.single_published = value();
        else if (arg == "--calls") o.single_calls = std::max(1, std::stoi(value()));
        else if (arg == "--timexes-only") o.single_extraction = Extraction::timexes;
        else usage(("unknown argument " + std::string(arg)).c_str());
    }
    return o;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The example articles in the order of their index.json, each with its publication date.
std::vector<BenchDocument> example_articles(const fs::path& dir) {
    const std::string index = read_file(dir / "index.json");
    static const std::regex entry(R"re("file"\s*:\s*"([^"]+)"\s*,\s*"published"\s*:\s*"([^"]+)")re");
    std::vector<BenchDocument> docs;
    for (std::sregex_iterator it(index.begin(), index.end(), entry), end; it != end; ++it)
        docs.push_back({(*it)[1].str(), read_file(dir / (*it)[1].str()), parse_iso_date_or_throw((*it)[2].str())});
    if (docs.empty()) throw Error("no articles listed in " + (dir / "index.json").string());
    return docs;
}

std::vector<BenchDocument> timeml_documents(const fs::path& root, std::size_t& unreadable) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file() && entry.path().extension() == ".tml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<BenchDocument> docs;
    for (const auto& file : files) {
        try {
            TimemlInput in = read_timeml_file(file);
            docs.push_back({fs::relative(file, root).string(), std::move(in.text), in.dct});
        } catch (const Error&) {
            ++unreadable;
        }
    }
    return docs;
}

std::size_t total_bytes(const std::vector<BenchDocument>& docs) {
    std::size_t n = 0;
    for (const auto& d : docs) n += d.text.size();
    return n;
}

std::vector<BenchDocument> replicate(const std::vector<BenchDocument>& unique, double target_mb, std::size_t& copies) {
    const std::size_t unique_bytes = total_bytes(unique);
    const auto target = static_cast<std::size_t>(target_mb * 1e6);
    copies = std::max<std::size_t>(1, (target + unique_bytes - 1) / std::max<std::size_t>(unique_bytes, 1));
    std::vector<BenchDocument> docs;
    docs.reserve(unique.size() * copies);
    for (std::size_t c = 0; c < copies; ++c)
        for (const auto& d : unique) docs.push_back({d.id + "#" + std::to_string(c), d.text, d.published});
    return docs;
}

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') { out += '\\'; out += ch; }
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20) { char buf[8]; std::snprintf(buf, sizeof buf, "\\u%04x", c); out += buf; }
        else out += ch;
    }
    return out + "\"";
}

// Reads the JSON lines dump_corpus writes (or json.dumps, which may also write \uXXXX escapes and '/' escapes).
class JsonLineReader {
public:
    explicit JsonLineReader(std::string_view line) : s_(line) {}

    BenchDocument document() {
        BenchDocument d;
        expect('{');
        while (true) {
            const std::string key = string();
            expect(':');
            skip_space();
            std::optional<std::string> value;
            if (s_.substr(i_, 4) == "null") i_ += 4;
            else value = string();
            if (key == "id") d.id = value.value_or("");
            else if (key == "text") d.text = value.value_or("");
            else if (key == "published" && value) d.published = parse_iso_date_or_throw(*value);
            skip_space();
            if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
            expect('}');
            return d;
        }
    }

private:
    void skip_space() { while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_; }
    void expect(char c) {
        skip_space();
        if (i_ >= s_.size() || s_[i_] != c) throw Error(std::string("corpus line: expected '") + c + "'");
        ++i_;
    }
    unsigned hex4() {
        if (i_ + 4 > s_.size()) throw Error("corpus line: truncated \\u escape");
        const unsigned v = static_cast<unsigned>(std::stoul(std::string(s_.substr(i_, 4)), nullptr, 16));
        i_ += 4;
        return v;
    }
    static void append_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) out += static_cast<char>(cp);
        else if (cp < 0x800) { out += static_cast<char>(0xC0 | cp >> 6); out += static_cast<char>(0x80 | (cp & 0x3F)); }
        else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | cp >> 12);
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | cp >> 18);
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    std::string string() {
        expect('"');
        std::string out;
        while (i_ < s_.size() && s_[i_] != '"') {
            if (s_[i_] != '\\') { out += s_[i_++]; continue; }
            if (++i_ >= s_.size()) break;
            const char e = s_[i_++];
            switch (e) {
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(i_, 2) == "\\u") {
                        i_ += 2;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default: out += e;  // \" \\ \/
            }
        }
        expect('"');
        return out;
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

std::vector<BenchDocument> jsonl_documents(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read " + path.string());
    std::vector<BenchDocument> docs;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) docs.push_back(JsonLineReader(line).document());
    return docs;
}

// The unique documents as JSON lines {"id", "published", "text"}, for the Python and peer benchmarks.
void dump_corpus(const std::vector<BenchDocument>& docs, const fs::path& path) {
    std::ofstream out(path, std::ios::binary);
    for (const auto& d : docs) {
        out << "{\"id\": " << json_string(d.id) << ", \"published\": ";
        if (d.published) out << json_string(date::format("%F", *d.published));
        else out << "null";
        out << ", \"text\": " << json_string(d.text) << "}\n";
    }
    if (!out) throw Error("cannot write " + path.string());
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Only the passes in here are measured; scripts/callgrind collects instructions inside this function alone.
[[gnu::noinline]] std::size_t run_stage_pass(const Stage& stage, const std::vector<BenchDocument>& docs) {
    std::size_t items = 0;
    for (const auto& d : docs) items += stage.run(d);
    return items;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

long current_rss_kb() {
    std::ifstream statm("/proc/self/statm");
    long size = 0, resident = 0;
    statm >> size >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

void print_row(std::string_view name, std::size_t bytes, std::size_t count, const std::vector<double>& times,
               std::size_t items, std::string_view item_name) {
    const double t = median(times);
    std::printf("%-10s %10.2f %12.0f %10.4f %10.4f %10.4f %12zu %s\n", std::string(name).c_str(), bytes / 1e6 / t,
                count / t, t, *std::min_element(times.begin(), times.end()), *std::max_element(times.begin(), times.end()),
                items, std::string(item_name).c_str());
}

// Many short documents through one Extractor: resident memory must stop growing once the allocator has warmed up.
void soak(const Extractor& extractor, const std::vector<BenchDocument>& articles, std::size_t total) {
    std::vector<BenchDocument> shorts;
    for (const auto& a : articles)
        for (const Span& s : split_sentences(a.text)) shorts.push_back({a.id, a.text.substr(s.begin, s.size()), a.published});
    std::size_t bytes = 0, timexes = 0;
    const std::size_t warm = std::min<std::size_t>(total, 10'000);
    long rss_warm = 0;
    const auto start = std::chrono::steady_clock::now();
    std::printf("\nsoak: %zu short documents (%zu distinct sentences of the example articles), one Extractor\n", total,
                shorts.size());
    for (std::size_t i = 0; i < total; ++i) {
        const auto& d = shorts[i % shorts.size()];
        timexes += extractor.extract(d.text, d.published, d.id).timexes.size();
        bytes += d.text.size();
        if (i + 1 == warm) {
            rss_warm = current_rss_kb();
            std::printf("  after %9zu documents: RSS %7ld KB\n", i + 1, rss_warm);
        } else if ((i + 1) % (total / 4 == 0 ? 1 : total / 4) == 0 || i + 1 == total) {
            std::printf("  after %9zu documents: RSS %7ld KB\n", i + 1, current_rss_kb());
        }
    }
    const double t = seconds_since(start);
    std::printf("  %zu timexes, %.1f MB in %.2f s (%.0f docs/s); RSS growth after warm-up: %+ld KB\n", timexes,
                bytes / 1e6, t, total / t, current_rss_kb() - rss_warm);
}

int run_single(const Options& o, const Extractor& extractor) {
    const std::string text = read_file(o.single);
    std::optional<Date> published;
    if (!o.single_published.empty()) published = parse_iso_date_or_throw(o.single_published);
    const int calls = o.single_calls;
    std::vector<double> per_call;
    std::size_t timexes = extractor.extract(text, published, {}, o.single_extraction).timexes.size();
    for (int r = 0; r < o.runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < calls; ++i) timexes += extractor.extract(text, published, {}, o.single_extraction).timexes.size();
        per_call.push_back(seconds_since(start) / calls);
    }
    std::printf("single %s: %zu bytes, extract() median %.2f us per call (min %.2f us) over %d samples of %d calls; %zu\n",
                o.single.string().c_str(), text.size(), median(per_call) * 1e6,
                *std::min_element(per_call.begin(), per_call.end()) * 1e6, o.runs, calls, timexes);
    return 0;
}

}  // namespace

int main(int argc, char** argv) try {
    const Options o = parse_options(argc, argv);
    const long rss_start = current_rss_kb();
    const auto construct_start = std::chrono::steady_clock::now();
    const Extractor extractor;
    const double construct_seconds = seconds_since(construct_start);
    const long rss_extractor = current_rss_kb();
    if (!o.single.empty()) return run_single(o, extractor);

    const bool from_jsonl = !o.corpus_jsonl.empty();
    std::vector<BenchDocument> unique = from_jsonl ? jsonl_documents(o.corpus_jsonl) : example_articles(o.examples);
    const std::size_t example_count = unique.size(), example_bytes = total_bytes(unique);
    std::size_t timeml_count = 0, timeml_bytes = 0, unreadable = 0;
    const bool have_corpora = !from_jsonl && o.use_corpora && fs::is_directory(o.corpora);
    if (have_corpora) {
        auto timeml = timeml_documents(o.corpora, unreadable);
        timeml_count = timeml.size();
        timeml_bytes = total_bytes(timeml);
        for (auto& d : timeml) unique.push_back(std::move(d));
    }
    if (!o.dump_corpus.empty()) {
        dump_corpus(unique, o.dump_corpus);
        std::printf("wrote %zu documents (%zu bytes of text) to %s\n", unique.size(), total_bytes(unique),
                    o.dump_corpus.string().c_str());
        return 0;
    }
    std::size_t copies = 0;
    const std::vector<BenchDocument> docs = replicate(unique, o.target_mb, copies);
    const std::size_t bytes = total_bytes(docs);

    if (from_jsonl)
        std::printf("corpus: %zu documents from %s (%zu bytes)", example_count, o.corpus_jsonl.string().c_str(), example_bytes);
    else
        std::printf("corpus: %zu example articles (%zu bytes)", example_count, example_bytes);
    if (have_corpora)
        std::printf(" + %zu TimeML documents from %s (%zu bytes of text%s)", timeml_count, o.corpora.string().c_str(),
                    timeml_bytes, unreadable ? (", " + std::to_string(unreadable) + " unreadable skipped").c_str() : "");
    else if (o.use_corpora && !from_jsonl)
        std::printf(" (no %s: examples only)", o.corpora.string().c_str());
    std::printf("\n        x%zu copies = %zu documents, %.1f MB; %d timed passes per stage after %s\n", copies,
                docs.size(), bytes / 1e6, o.runs, o.warm_up ? "one warm-up pass" : "no warm-up");
    std::printf("Extractor construction: %.1f ms, %+ld KB RSS (rules and lexicons)\n\n", construct_seconds * 1e3,
                rss_extractor - rss_start);
    std::printf("%-10s %10s %12s %10s %10s %10s %12s\n", "stage", "MB/s", "docs/s", "median s", "min s", "max s", "items");

    const impl::Grammar grammar;  // for the tokenize stage's word ids
    for (const Stage& stage : stages(extractor, grammar)) {
        if (!o.only.empty() && std::find(o.only.begin(), o.only.end(), stage.name) == o.only.end()) continue;
        // Not a function of its own: identical code folding would merge it with run_stage_pass.
        if (o.warm_up)
            for (const auto& d : docs) stage.run(d);
        std::vector<double> times;
        std::size_t items = 0;
        for (int r = 0; r < o.runs; ++r) {
            const auto start = std::chrono::steady_clock::now();
            items = run_stage_pass(stage, docs);
            times.push_back(seconds_since(start));
        }
        print_row(stage.name, bytes, docs.size(), times, items, stage.items);
    }
    std::printf("\npeak RSS %ld KB (corpus in memory: %.1f MB)\n", peak_rss_kb(), bytes / 1e6);
    if (o.soak_documents > 0) soak(extractor, std::vector<BenchDocument>(unique.begin(), unique.begin() + example_count),
                                   o.soak_documents);
    return 0;
} catch (const std::exception& e) {
    std::cerr << "chronoweave_bench: " << e.what() << '\n';
    return 1;
}
