// The timeline as Graphviz DOT and as a self-contained HTML page.
#include <chronoweave/timeline.hpp>

#include <algorithm>
#include <string>

#include "output/names.hpp"

namespace chronoweave {
namespace {

using impl::day_text;
using impl::node_id;

// "2025-05-16", "2025-06-20 to 2025-06-30", "by 2025-05-22", "from 2025-06-03", "undated".
std::string dates_of(const TimelineNode& n) {
    if (n.date_from && n.date_to)
        return impl::day_range_text(*n.date_from, *n.date_to);
    if (n.date_to) return "by " + day_text(*n.date_to);
    if (n.date_from) return "from " + day_text(*n.date_from);
    return "undated";
}

std::string dot_quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') out += "\\n";
        else if (c != '\r') out += c;
    }
    return out + '"';
}

std::string html_escaped(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

// The colours of the statuses, in the overview and on the cards (python/chronoweave/_html.py uses the same).
std::string_view status_colour(EventStatus s) {
    switch (s) {
        case EventStatus::occurred: return "#2e7d32";
        case EventStatus::planned: return "#1565c0";
        case EventStatus::proposed: return "#ef6c00";
        case EventStatus::possible: return "#8e24aa";
        case EventStatus::negated: return "#b71c1c";
        default: return "#888888";
    }
}

// The cards' dots, in the overview's colours.
std::string status_style() {
    std::string css;
    for (const auto s : {EventStatus::occurred, EventStatus::planned, EventStatus::proposed, EventStatus::possible,
                         EventStatus::negated})
        css += ".node." + std::string(to_string(s)) + "::before{background:" + std::string(status_colour(s)) + "}";
    return css + "\n";
}

constexpr std::string_view page_style = R"css(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f7f7f5;color:#1d1d1f}
header{padding:24px 40px 8px}h1{font-size:22px;margin:0 0 4px}header p{margin:0;color:#555}
.contradictions{margin:12px 40px;padding:10px 16px;border-left:4px solid #c0392b;background:#fdecea}
.axis{position:relative;margin:16px 40px 40px 180px;border-left:3px solid #888;padding-left:28px}
.node{position:relative;background:#fff;border:1px solid #ddd;border-radius:8px;padding:10px 14px;max-width:760px}
.node::before{content:"";position:absolute;left:-37px;top:14px;width:13px;height:13px;border-radius:50%;
background:#888;border:2px solid #f7f7f5}
.date{position:absolute;left:-212px;top:10px;width:160px;text-align:right;font-weight:600;font-size:13px;color:#333}
.date.inferred{font-style:italic;color:#666}.date.none{color:#999}
.label{font-weight:600;font-size:16px}.badge{display:inline-block;font-size:12px;padding:0 7px;border-radius:9px;
margin-left:6px;background:#eee;color:#333;vertical-align:1px}.meta{color:#444;font-size:13px;margin-top:2px}
details{margin-top:6px;font-size:13px}summary{cursor:pointer;color:#1565c0}
.mention{margin:4px 0 0 12px;color:#333}.mention b{background:#fff3b0;font-weight:600}
.relations{font-size:13px;color:#555;margin-top:4px}.undated{margin-top:40px;color:#666;font-weight:600}
.overview{margin:8px 40px;overflow-x:auto}
)css";

// A bird's-eye view above the cards: one lane per kind, each dated event a dot (one day) or a bar (a stretch) at
// its place on a shared date axis, coloured by status, with its label, dates and sources on hover.
std::string overview_svg(const Timeline& timeline) {
    std::optional<date::sys_days> first, last;
    std::vector<std::string> lanes;
    for (const TimelineNode& n : timeline.nodes) {
        const auto from = n.date_from ? n.date_from : n.date_to, to = n.date_to ? n.date_to : n.date_from;
        if (!from) continue;
        if (!first || *from < *first) first = from;
        if (!last || *to > *last) last = to;
        if (std::find(lanes.begin(), lanes.end(), n.kind) == lanes.end()) lanes.push_back(n.kind);
    }
    if (!first) return {};
    constexpr int left = 110, width = 760, lane_height = 22, top = 8;
    const long span = std::max<long>(1, (*last - *first).count() + 1);
    auto x = [&](date::sys_days d) { return left + static_cast<int>(width * (d - *first).count() / span); };
    const int height = top + lane_height * static_cast<int>(lanes.size()) + 24;
    std::string svg = "<svg class=\"overview\" width=\"" +
                      std::to_string(left + width + 20) + "\" height=\"" + std::to_string(height) + "\" role=\"img\">\n";
    for (std::size_t k = 0; k < lanes.size(); ++k) {
        const int y = top + lane_height * static_cast<int>(k) + lane_height / 2;
        svg += "<text x=\"" + std::to_string(left - 8) + "\" y=\"" + std::to_string(y + 4) +
               "\" text-anchor=\"end\" font-size=\"12\">" + html_escaped(lanes[k]) + "</text>";
        svg += "<line x1=\"" + std::to_string(left) + "\" x2=\"" + std::to_string(left + width) + "\" y1=\"" +
               std::to_string(y) + "\" y2=\"" + std::to_string(y) + "\" stroke=\"#ddd\"/>\n";
    }
    const int axis = top + lane_height * static_cast<int>(lanes.size()) + 14;
    svg += "<text x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(axis) + "\" font-size=\"11\">" +
           day_text(*first) + "</text><text x=\"" + std::to_string(left + width) + "\" y=\"" + std::to_string(axis) +
           "\" font-size=\"11\" text-anchor=\"end\">" + day_text(*last) + "</text>\n";
    for (std::size_t i = 0; i < timeline.nodes.size(); ++i) {
        const TimelineNode& n = timeline.nodes[i];
        const auto from = n.date_from ? n.date_from : n.date_to, to = n.date_to ? n.date_to : n.date_from;
        if (!from) continue;
        const int lane = static_cast<int>(std::find(lanes.begin(), lanes.end(), n.kind) - lanes.begin());
        const int y = top + lane_height * lane + lane_height / 2;
        std::string sources;
        for (const std::string& source : n.sources) sources += (sources.empty() ? "" : ", ") + source;
        const std::string color = std::string(status_colour(n.status));
        svg += "<a href=\"#" + node_id(i) + "\"><title>" + html_escaped(n.label + " (" + dates_of(n) + ", " +
                                                                         std::string(to_string(n.status)) + ") — " + sources) +
               "</title>";
        if (*from == *to)
            svg += "<circle class=\"event\" cx=\"" + std::to_string(x(*from)) + "\" cy=\"" + std::to_string(y) +
                   "\" r=\"5\" fill=\"" + color + "\"/>";
        else
            svg += "<rect class=\"event\" x=\"" + std::to_string(x(*from)) + "\" y=\"" + std::to_string(y - 5) +
                   "\" width=\"" + std::to_string(std::max(4, x(*to + date::days{1}) - x(*from))) +
                   "\" height=\"10\" rx=\"3\" fill=\"" + color + "\" fill-opacity=\"0.5\"/>";
        svg += "</a>\n";
    }
    return "<section class=\"overview\">" + svg + "</svg></section>\n";
}

}  // namespace

std::string to_dot(const Timeline& timeline) {
    std::string out = "digraph timeline {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n";
    for (std::size_t i = 0; i < timeline.nodes.size(); ++i) {
        const TimelineNode& n = timeline.nodes[i];
        const std::string sources = std::to_string(n.sources.size()) + (n.sources.size() == 1 ? " source" : " sources");
        out += "  " + node_id(i) + " [label=" +
               dot_quoted(dates_of(n) + "\n" + n.label + "\n" + std::string(to_string(n.status)) + ", " + sources) + "];\n";
    }
    // Keep the time order visible even where no relation links neighbours.
    for (std::size_t i = 0; i + 1 < timeline.nodes.size(); ++i)
        out += "  " + node_id(i) + " -> " + node_id(i + 1) + " [style=invis];\n";
    for (const TimelineEdge& e : timeline.edges)
        out += "  " + node_id(e.from) + " -> " + node_id(e.to) + " [label=" + dot_quoted(to_string(e.type)) +
               ", tooltip=" + dot_quoted(e.reason) + (e.basis == EdgeBasis::calendar ? ", style=dashed" : "") + "];\n";
    for (const Contradiction& c : timeline.contradictions)
        out += "  " + node_id(c.node) + " [color=red, penwidth=2];\n";
    out += "}\n";
    return out;
}

std::string to_html(const Timeline& timeline, const std::string& title) {
    std::string out;
    out.reserve(4096 + timeline.nodes.size() * 1500);
    std::size_t sources = 0;
    {
        std::vector<std::string> all;
        for (const TimelineNode& n : timeline.nodes) all.insert(all.end(), n.sources.begin(), n.sources.end());
        std::sort(all.begin(), all.end());
        sources = static_cast<std::size_t>(std::unique(all.begin(), all.end()) - all.begin());
    }
    out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" + html_escaped(title) +
           "</title>\n<style>" + std::string(page_style) + status_style() + "</style></head>\n<body>\n<header><h1>" +
           html_escaped(title) + "</h1><p>" + std::to_string(timeline.nodes.size()) + " events from " +
           std::to_string(sources) + " sources, " + std::to_string(timeline.edges.size()) + " relations</p></header>\n";
    if (!timeline.contradictions.empty()) {
        out += "<section class=\"contradictions\"><strong>Contradictions</strong><ul>\n";
        for (const Contradiction& c : timeline.contradictions)
            out += "<li><a href=\"#" + node_id(c.node) + "\">" + html_escaped(timeline.nodes[c.node].label) + "</a>: " +
                   html_escaped(c.explanation) + "</li>\n";
        out += "</ul></section>\n";
    }
    out += overview_svg(timeline);
    std::vector<std::vector<const TimelineEdge*>> edges_from(timeline.nodes.size());
    for (const TimelineEdge& e : timeline.edges) edges_from[e.from].push_back(&e);
    out += "<main class=\"axis\">\n";
    std::optional<date::sys_days> previous;
    bool undated_heading = false;
    for (std::size_t i = 0; i < timeline.nodes.size(); ++i) {
        const TimelineNode& n = timeline.nodes[i];
        const auto anchor = n.date_from ? n.date_from : n.date_to;
        if (!anchor && !undated_heading) {
            out += "<div class=\"undated\">Not placed in time</div>\n";
            undated_heading = true;
        }
        // The gap above a node grows with the days since the previous one, so the axis reads as time.
        int gap = 12;
        if (anchor && previous) gap += static_cast<int>(std::min<long>(160, 3 * std::max<long>(0, (*anchor - *previous).count())));
        if (anchor) previous = anchor;
        out += "<article class=\"node " + std::string(to_string(n.status)) + "\" id=\"" + node_id(i) +
               "\" data-kind=\"" + html_escaped(n.kind) + "\" style=\"margin-top:" + std::to_string(gap) + "px\">\n";
        out += "<div class=\"date " + std::string(to_string(n.basis)) + "\">" + html_escaped(dates_of(n)) + "</div>\n";
        out += "<div class=\"label\">" + html_escaped(n.label) + "<span class=\"badge\">" +
               std::string(to_string(n.status)) + "</span><span class=\"badge\">" + html_escaped(n.kind) + "</span></div>\n";
        out += "<div class=\"meta\">";
        if (!n.participants.empty()) {
            out += "Participants: ";
            for (std::size_t k = 0; k < n.participants.size(); ++k)
                out += (k ? ", " : "") + html_escaped(n.participants[k]);
            out += ". ";
        }
        if (!n.place.empty()) out += "Place: " + html_escaped(n.place) + ". ";
        out += "Sources: ";
        for (std::size_t k = 0; k < n.sources.size(); ++k) out += (k ? ", " : "") + html_escaped(n.sources[k]);
        out += ".</div>\n";
        std::string relations;
        for (const TimelineEdge* e : edges_from[i])
            relations += "<div title=\"" + html_escaped(e->reason) + "\">" + std::string(to_string(e->type)) + " <a href=\"#" +
                         node_id(e->to) + "\">" + html_escaped(timeline.nodes[e->to].label) + "</a></div>";
        if (!relations.empty()) out += "<div class=\"relations\">" + relations + "</div>\n";
        out += "<details><summary>" + std::to_string(n.mentions.size()) +
               (n.mentions.size() == 1 ? " mention" : " mentions") + "</summary>\n";
        for (const Mention& m : n.mentions) {
            std::string sentence = html_escaped(m.sentence);
            const std::string trigger = html_escaped(m.text);
            if (const auto at = sentence.find(trigger); !trigger.empty() && at != std::string::npos)
                sentence.replace(at, trigger.size(), "<b>" + trigger + "</b>");
            out += "<div class=\"mention\">[" + html_escaped(m.doc_id) + "] " + sentence + "</div>\n";
        }
        out += "</details>\n</article>\n";
    }
    out += "</main>\n</body></html>\n";
    return out;
}

}  // namespace chronoweave
