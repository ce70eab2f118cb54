// The public RuleSet: load (YAML -> model -> compiled graph), evaluate, describe.
#include "advise/rule_set.hpp"

#include <fstream>
#include <sstream>

#include "advise/error.hpp"
#include "builtin/default_rules.hpp"
#include "graph/build.hpp"
#include "graph/walk.hpp"
#include "load/load_yaml.hpp"
#include "render/dot.hpp"

namespace advise {

RuleSet::RuleSet(std::shared_ptr<const detail::CompiledRules> impl) : impl_(std::move(impl)) {}

RuleSet RuleSet::from_string(std::string_view yaml, std::string source_name) {
    detail::Diagnostics diagnostics(std::move(source_name));
    const auto model = detail::load_yaml(yaml, diagnostics);
    diagnostics.throw_if_any();
    return RuleSet(detail::build(model, diagnostics));
}

RuleSet RuleSet::from_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw LoadError({{path, 0, 0, "", "cannot open the rule file"}});
    std::ostringstream text;
    text << in.rdbuf();
    return from_string(text.str(), path);
}

RuleSet RuleSet::builtin() {
    // Compiled once, then shared: the built-in rules never change while the program runs.
    static const RuleSet rules = from_string(detail::default_rules_yaml, detail::default_rules_name);
    return rules;
}

Advice RuleSet::evaluate(const Situation& situation) const {
    Advice advice;
    evaluate(situation, advice);
    return advice;
}

void RuleSet::evaluate(const Situation& situation, Advice& out) const {
    detail::walk(*impl_, detail::resolve(*impl_, situation), out);
}

const Catalog& RuleSet::catalog() const { return impl_->catalog; }
const std::string& RuleSet::source_name() const { return impl_->source_name; }
std::size_t RuleSet::rule_count() const { return impl_->rules.size(); }

std::string RuleSet::to_dot(const Situation* situation) const {
    if (!situation) return detail::decision_graph_dot(*impl_, nullptr);
    detail::Trace trace;
    Advice advice;
    detail::walk(*impl_, detail::resolve(*impl_, *situation), advice, &trace);
    return detail::decision_graph_dot(*impl_, &trace);
}

std::string RuleSet::ladder_to_dot() const { return detail::ladder_dot(*impl_); }

}  // namespace advise
