#pragma once
// A simple temporal network over day numbers: each timeline node has a start and an end point, each point an
// interval of possible days, and constraints "x <= y + c" between points. Propagating the constraints tightens the
// intervals (bounds consistency); a point whose earliest day passes its latest is a contradiction.
// Internal to the library.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace chronoweave::impl {

class DayNetwork {
public:
    using Day = std::int64_t;  // days since 1970-01-01
    static constexpr Day unbounded_low = std::numeric_limits<Day>::min() / 4;
    static constexpr Day unbounded_high = std::numeric_limits<Day>::max() / 4;

    explicit DayNetwork(std::size_t nodes);

    static constexpr std::size_t start(std::size_t node) { return 2 * node; }
    static constexpr std::size_t end(std::size_t node) { return 2 * node + 1; }

    // The point lies in [low, high]; `why` is quoted when the bound takes part in a contradiction.
    void at_least(std::size_t point, Day low, std::string why);
    void at_most(std::size_t point, Day high, std::string why);
    // x <= y + offset.
    void precedes(std::size_t x, std::size_t y, Day offset, std::string why);

    struct Clash {
        std::size_t node;
        std::string explanation;
    };
    // Tightens every bound as far as the constraints allow; returns the nodes whose constraints cannot all hold.
    // The bounds of a clashing node are left as they were when the clash was found.
    std::vector<Clash> propagate();

    Day low(std::size_t point) const { return points_[point].low; }
    Day high(std::size_t point) const { return points_[point].high; }

private:
    struct Point {
        Day low = unbounded_low, high = unbounded_high;
        std::size_t low_reason = no_reason, high_reason = no_reason;  // into reasons_
        std::vector<std::size_t> constraints;                         // into constraints_
        bool clashed = false;
    };
    struct Constraint {
        std::size_t x, y;
        Day offset;
        std::size_t reason;
    };
    static constexpr std::size_t no_reason = std::numeric_limits<std::size_t>::max();

    std::string explain(std::size_t reason) const;
    std::size_t add_reason(std::string why);

    std::vector<Point> points_;
    std::vector<Constraint> constraints_;
    std::vector<std::string> reasons_;
};

}  // namespace chronoweave::impl
