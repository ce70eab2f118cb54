#include "graph/ladder.hpp"

#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>

namespace advise::detail {
namespace {

Ladder::Graph make_graph(const std::vector<std::int32_t>& escalates_to) {
    Ladder::Graph g(escalates_to.size());
    for (std::size_t role = 0; role < escalates_to.size(); ++role)
        if (escalates_to[role] >= 0) boost::add_edge(role, static_cast<std::size_t>(escalates_to[role]), g);
    return g;
}

// Stops the depth-first search at the first back edge: that edge closes a cycle.
struct CycleFinder : boost::default_dfs_visitor {
    std::optional<Ladder::Graph::edge_descriptor>* back;
    explicit CycleFinder(std::optional<Ladder::Graph::edge_descriptor>* out) : back(out) {}
    void back_edge(Ladder::Graph::edge_descriptor e, const Ladder::Graph&) const {
        if (!*back) *back = e;
    }
};

}  // namespace

std::optional<std::vector<std::int32_t>> Ladder::find_cycle(const std::vector<std::int32_t>& escalates_to) {
    const Graph g = make_graph(escalates_to);
    std::optional<Graph::edge_descriptor> back;
    boost::depth_first_search(g, boost::visitor(CycleFinder(&back)));
    if (!back) return std::nullopt;
    // Each role has at most one role above it, so following the ladder from the back edge's
    // target walks the cycle.
    const auto start = static_cast<std::int32_t>(boost::target(*back, g));
    std::vector<std::int32_t> cycle{start};
    for (auto role = escalates_to[static_cast<std::size_t>(start)]; role != start;
         role = escalates_to[static_cast<std::size_t>(role)])
        cycle.push_back(role);
    cycle.push_back(start);
    return cycle;
}

Ladder::Ladder(const std::vector<std::int32_t>& escalates_to)
    : graph_(make_graph(escalates_to)), above_(escalates_to), rungs_(escalates_to.size(), 0),
      chains_(escalates_to.size()) {
    // A role's rung is the longest climb that reaches it: staff 0, principal 1, ...
    std::vector<std::size_t> order;
    boost::topological_sort(graph_, std::back_inserter(order));  // reverse topological order
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        for (auto [e, end] = boost::out_edges(*it, graph_); e != end; ++e) {
            const auto up = boost::target(*e, graph_);
            rungs_[up] = std::max(rungs_[up], rungs_[*it] + 1);
        }
    for (std::size_t role = 0; role < escalates_to.size(); ++role)
        for (auto up = above_[role]; up >= 0; up = above_[static_cast<std::size_t>(up)]) chains_[role].push_back(up);
}

}  // namespace advise::detail
