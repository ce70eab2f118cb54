#include "render/dot.hpp"

#include <boost/graph/graphviz.hpp>

#include <algorithm>
#include <set>
#include <sstream>

namespace advise::detail {
namespace {

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

const char* shape_of(VertexKind kind) {
    switch (kind) {
        case VertexKind::choose_closest:
        case VertexKind::choose_escalation:
        case VertexKind::choose_channel:
        case VertexKind::collect_warnings:
        case VertexKind::stay: return "diamond";
        case VertexKind::start:
        case VertexKind::done: return "oval";
        default: return "box";
    }
}

}  // namespace

// What an escalation rule's vertex leads to, in words.
std::string target_words(const CompiledRules& r, const RuleInfo& rule) {
    switch (rule.target) {
        case TargetKind::role: return r.role_info[static_cast<std::size_t>(rule.target_role)].title;
        case TargetKind::above_raised: return "one above the highest person raised with";
        case TargetKind::above_closest: return "one above the closest person";
        case TargetKind::highest_raised: return "the highest person raised with";
    }
    return {};
}

std::string decision_graph_dot(const CompiledRules& r, const Trace* trace, std::int32_t contact) {
    std::set<Vertex> visited;
    std::set<std::int32_t> taken;
    if (trace) {
        visited.insert(trace->vertices.begin(), trace->vertices.end());
        taken.insert(trace->rules.begin(), trace->rules.end());
    }
    auto on_path = [&](Vertex from, Vertex to, const EdgeData& e) {
        if (!trace || !visited.count(from) || !visited.count(to)) return false;
        return e.kind != EdgeKind::row || taken.count(e.rule) != 0;
    };
    const auto& g = r.graph;
    // The answer's vertex: the deciding escalation rule, else the closest person.
    const auto is_answer = [&](Vertex v) {
        if (!trace || !visited.count(v) || contact < 0) return false;
        const VertexData& data = g[v];
        if (trace->winner >= 0) return data.kind == VertexKind::escalation && data.ref == trace->winner;
        return data.kind == VertexKind::closest_role && data.ref == contact;
    };
    auto vertex_writer = [&](std::ostream& out, Vertex v) {
        const VertexData& data = g[v];
        std::string label = data.label;
        if (data.kind == VertexKind::escalation) {
            const auto& rule = r.rules[static_cast<std::size_t>(data.ref)];
            label = rule.id + "\n-> " + target_words(r, rule);
        } else if (data.kind == VertexKind::warning) {
            label = r.rules[static_cast<std::size_t>(data.ref)].id;
        }
        if (is_answer(v)) label = "Contact: " + r.role_info[static_cast<std::size_t>(contact)].title + "\n(" + label + ")";
        out << "[label=" << quoted(label) << ", shape=" << shape_of(data.kind);
        if (is_answer(v)) out << ", style=\"filled,bold\", fillcolor=\"#8fd19e\", penwidth=3";
        else if (trace && visited.count(v)) out << ", style=filled, fillcolor=\"#ffe08a\"";
        out << "]";
    };
    auto edge_writer = [&](std::ostream& out, DecisionGraph::edge_descriptor e) {
        const EdgeData& data = g[e];
        std::string label;
        if (data.kind == EdgeKind::row) {
            // Words where the rule has them: the topic of a route, the message type of a channel.
            const auto& rule = r.rules[static_cast<std::size_t>(data.rule)];
            if (rule.stage == RuleStage::route) label = r.catalog.topics[static_cast<std::size_t>(rule.subject)].label + "\n";
            else if (rule.stage == RuleStage::channel) label = r.catalog.message_types[static_cast<std::size_t>(rule.subject)].label + "\n";
            label += rule.id;
        } else if (data.kind == EdgeKind::otherwise) {
            label = "otherwise";
        } else if (data.kind == EdgeKind::borrowed) {
            label = "channel of another rule that holds";
        }
        out << "[label=" << quoted(label);
        if (on_path(boost::source(e, g), boost::target(e, g), data)) out << ", color=\"#c0392b\", penwidth=2.5";
        out << "]";
    };
    auto graph_writer = [&](std::ostream& out) {
        out << "rankdir=LR;\nnewrank=true;\nnode [fontname=\"Helvetica\", fontsize=10];\nedge [fontname=\"Helvetica\", fontsize=8];\n";
        // One cluster per section of the guide the vertices come from, in the order of the walk.
        const std::pair<VertexKind, const char*> sections[] = {{VertexKind::closest_role, "The role table: the person closest to the issue"},
                                                               {VertexKind::escalation, "When to escalate"},
                                                               {VertexKind::channel, "The channel table"},
                                                               {VertexKind::warning, "Warnings and notes"}};
        for (std::size_t s = 0; s < std::size(sections); ++s) {
            out << "subgraph cluster_" << s << " {\nlabel=" << quoted(sections[s].second) << ";\nstyle=rounded;\ncolor=\"#999999\";\n";
            for (auto [v, end] = boost::vertices(g); v != end; ++v)
                if (g[*v].kind == sections[s].first) out << *v << ";\n";
            out << "}\n";
        }
    };
    std::ostringstream out;
    boost::write_graphviz(out, g, vertex_writer, edge_writer, graph_writer);
    return out.str();
}

std::string ladder_dot(const CompiledRules& r) {
    const auto& g = r.ladder.graph();
    std::ostringstream out;
    auto vertex_writer = [&](std::ostream& o, Ladder::Graph::vertex_descriptor v) {
        const auto& role = r.role_info[v];
        o << "[label=" << quoted(role.title + "\n(" + role.id + ")") << ", shape=box]";
    };
    auto graph_writer = [&](std::ostream& o) {
        o << "rankdir=BT;\nnode [fontname=\"Helvetica\", fontsize=10];\n";
        // Roles on the same rung side by side.
        int top = 0;
        for (std::size_t v = 0; v < r.role_info.size(); ++v) top = std::max(top, r.ladder.rung(static_cast<std::int32_t>(v)));
        for (int rung = 0; rung <= top; ++rung) {
            o << "{rank=same;";
            for (std::size_t v = 0; v < r.role_info.size(); ++v)
                if (r.ladder.rung(static_cast<std::int32_t>(v)) == rung) o << ' ' << v << ';';
            o << "}\n";
        }
    };
    boost::write_graphviz(out, g, vertex_writer, boost::default_writer(), graph_writer);
    return out.str();
}

}  // namespace advise::detail
