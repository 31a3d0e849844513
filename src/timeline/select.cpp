#include <chronoweave/timeline.hpp>

namespace chronoweave {

Timeline select(const Timeline& timeline, const std::function<bool(const TimelineNode&)>& keep) {
    constexpr std::size_t dropped = static_cast<std::size_t>(-1);
    std::vector<std::size_t> index(timeline.nodes.size(), dropped);
    Timeline out;
    for (std::size_t n = 0; n < timeline.nodes.size(); ++n)
        if (keep(timeline.nodes[n])) {
            index[n] = out.nodes.size();
            out.nodes.push_back(timeline.nodes[n]);
        }
    for (const TimelineEdge& e : timeline.edges)
        if (index[e.from] != dropped && index[e.to] != dropped) out.edges.push_back({index[e.from], index[e.to], e.type, e.reason, e.basis});
    for (const Contradiction& c : timeline.contradictions)
        if (index[c.node] != dropped) out.contradictions.push_back({index[c.node], c.explanation});
    return out;
}

}  // namespace chronoweave
