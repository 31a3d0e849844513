#include "timeline/day_network.hpp"

#include <algorithm>
#include <deque>

namespace chronoweave::impl {

DayNetwork::DayNetwork(std::size_t nodes) : points_(2 * nodes) {
    for (std::size_t n = 0; n < nodes; ++n) precedes(start(n), end(n), 0, "an event starts before it ends");
}

std::size_t DayNetwork::add_reason(std::string why) {
    reasons_.push_back(std::move(why));
    return reasons_.size() - 1;
}

std::string DayNetwork::explain(std::size_t reason) const {
    return reason == no_reason ? std::string("no bound") : reasons_[reason];
}

void DayNetwork::at_least(std::size_t point, Day low, std::string why) {
    Point& p = points_[point];
    if (low > p.low) {
        p.low = low;
        p.low_reason = add_reason(std::move(why));
    }
}

void DayNetwork::at_most(std::size_t point, Day high, std::string why) {
    Point& p = points_[point];
    if (high < p.high) {
        p.high = high;
        p.high_reason = add_reason(std::move(why));
    }
}

void DayNetwork::precedes(std::size_t x, std::size_t y, Day offset, std::string why) {
    constraints_.push_back({x, y, offset, add_reason(std::move(why))});
    points_[x].constraints.push_back(constraints_.size() - 1);
    points_[y].constraints.push_back(constraints_.size() - 1);
}

std::vector<DayNetwork::Clash> DayNetwork::propagate() {
    std::vector<Clash> clashes;
    auto clash = [&](std::size_t point, const std::string& cause) {
        Point& p = points_[point];
        if (p.clashed) return;
        p.clashed = true;
        const std::size_t node = point / 2;
        points_[start(node)].clashed = points_[end(node)].clashed = true;
        if (std::none_of(clashes.begin(), clashes.end(), [&](const Clash& c) { return c.node == node; }))
            clashes.push_back({node, cause});
    };
    // A bound moves at most once per point per round of a Bellman-Ford pass; more moves than points means a
    // cycle of constraints that keeps pushing (a negative cycle), which no assignment satisfies.
    std::vector<std::size_t> moves(points_.size(), 0);
    std::deque<std::size_t> work;
    std::vector<bool> queued(constraints_.size(), true);
    for (std::size_t c = 0; c < constraints_.size(); ++c) work.push_back(c);
    auto requeue = [&](std::size_t point) {
        for (std::size_t c : points_[point].constraints)
            if (!queued[c]) {
                queued[c] = true;
                work.push_back(c);
            }
    };
    for (std::size_t p = 0; p < points_.size(); ++p)
        if (points_[p].low > points_[p].high)
            clash(p, "earliest day " + explain(points_[p].low_reason) + ", latest day " + explain(points_[p].high_reason));
    while (!work.empty()) {
        const std::size_t c = work.front();
        work.pop_front();
        queued[c] = false;
        const Constraint& k = constraints_[c];
        Point& x = points_[k.x];
        Point& y = points_[k.y];
        if (x.clashed || y.clashed) continue;
        // x <= y + offset: x can be no later than y's latest day + offset, y no earlier than x's earliest - offset.
        if (y.high != unbounded_high && y.high + k.offset < x.high) {
            if (++moves[k.x] > points_.size()) {
                clash(k.x, "a cycle of constraints that cannot all hold, through " + explain(k.reason));
                continue;
            }
            if (x.low > y.high + k.offset) {
                clash(k.x, "earliest day: " + explain(x.low_reason) + "; latest day: " + explain(k.reason));
                continue;
            }
            x.high = y.high + k.offset;
            x.high_reason = k.reason;
            requeue(k.x);
        }
        if (x.low != unbounded_low && x.low - k.offset > y.low) {
            if (++moves[k.y] > points_.size()) {
                clash(k.y, "a cycle of constraints that cannot all hold, through " + explain(k.reason));
                continue;
            }
            if (x.low - k.offset > y.high) {
                clash(k.y, "earliest day: " + explain(k.reason) + "; latest day: " + explain(y.high_reason));
                continue;
            }
            y.low = x.low - k.offset;
            y.low_reason = k.reason;
            requeue(k.y);
        }
    }
    return clashes;
}

}  // namespace chronoweave::impl
