// The escalation ladder: who each role escalates to, as a Boost.Graph digraph of roles.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace advise::detail {

class Ladder {
public:
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

    // `escalates_to[r]` is the role above r, or -1 at the top. Returns the roles of a cycle
    // (in ladder order, the first repeated at the end) when there is one; then the ladder is unusable.
    static std::optional<std::vector<std::int32_t>> find_cycle(const std::vector<std::int32_t>& escalates_to);

    // Requires an acyclic ladder.
    explicit Ladder(const std::vector<std::int32_t>& escalates_to);

    int rung(std::int32_t role) const { return rungs_[static_cast<std::size_t>(role)]; }
    std::int32_t above(std::int32_t role) const { return above_[static_cast<std::size_t>(role)]; }
    // The roles above `role`, lowest first.
    const std::vector<std::int32_t>& chain_above(std::int32_t role) const { return chains_[static_cast<std::size_t>(role)]; }
    const Graph& graph() const { return graph_; }

private:
    Graph graph_;
    std::vector<std::int32_t> above_;
    std::vector<int> rungs_;
    std::vector<std::vector<std::int32_t>> chains_;
};

}  // namespace advise::detail
