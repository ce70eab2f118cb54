// The public RuleSet: load (YAML -> model -> compiled graph), evaluate, describe.
#include "advise/rule_set.hpp"

#include <algorithm>
#include <filesystem>

#include "advise/error.hpp"
#include "graph/build.hpp"
#include "graph/walk.hpp"
#include "load/load_yaml.hpp"
#include "load/read_file.hpp"
#include "render/dot.hpp"
#include "text/decide.hpp"
#include "text/read.hpp"

namespace advise {

RuleSet::RuleSet(std::shared_ptr<const detail::CompiledRules> impl) : impl_(std::move(impl)) {}

RuleSet RuleSet::from_string(std::string_view yaml, std::string source_name) {
    detail::Diagnostics diagnostics(std::move(source_name));
    detail::RuleModel loaded = detail::load_yaml(yaml, diagnostics);
    // A file whose YAML could be read goes on to the id and condition checks even with problems
    // of shape, so that one run reports them all.
    if (!loaded.readable) diagnostics.throw_if_any();
    // Example files are found next to the rule file (or the working folder, for a string).
    detail::load_examples(loaded, std::filesystem::path(diagnostics.file()).parent_path(), diagnostics);
    auto model = std::make_shared<const detail::RuleModel>(std::move(loaded));
    return RuleSet(detail::build(std::move(model), diagnostics));
}

RuleSet RuleSet::from_file(const std::string& path) {
    return from_string(detail::read_rule_file(path), path);
}

Advice RuleSet::evaluate(const Situation& situation) const {
    Advice advice;
    evaluate(situation, advice);
    return advice;
}

void RuleSet::evaluate(const Situation& situation, Advice& out) const {
    detail::walk(*impl_, detail::resolve(*impl_, situation), out);
    detail::name_people(*impl_, situation.school, out);
    if (out.rules.get() != impl_.get()) out.rules = impl_;  // the views in `out` point into these rules
}

namespace {

// Two readings are the same answer when they send the parent to the same person, the same way.
bool same_answer(const Advice& a, const Advice& b) {
    return a.contact.id == b.contact.id && a.channel.id == b.channel.id && a.escalate == b.escalate;
}

// "What is it about?", with one example topic for each role that is closest to some topic.
std::string open_question(const detail::CompiledRules& r) {
    std::string examples;
    std::vector<bool> shown(r.roles.size(), false);
    for (std::size_t t = 0; t < r.topics.size(); ++t) {
        const auto role = static_cast<std::size_t>(r.topic_role[t]);
        if (shown[role]) continue;
        shown[role] = true;
        examples += (examples.empty() ? "" : "; ") + r.catalog.topics[t].label;
    }
    return "What is it about? For example: " + examples + ".";
}

// The words for a fact's value: a topic's label, a role's title...
std::string label_of(const detail::CompiledRules& r, const std::string& fact, const std::string& value) {
    const auto find = [&](const std::vector<Term>& terms) {
        for (const auto& t : terms)
            if (t.id == value) return t.label;
        return std::string();
    };
    const auto& c = r.catalog;
    if (fact == "topic") return find(c.topics);
    if (fact == "message_type") return find(c.message_types);
    if (fact == "stakes") return find(c.stakes);
    if (fact == "flag") return find(c.flags);
    if (fact == "raised_with") return find(c.roles);
    return {};
}

}  // namespace

namespace {

using detail::text::LearnedFact;

// The fact as the learned models read it, shown with a phrase of the rule set when one for the
// same value matched ("<- speech sessions"), else with the words that weighed most.
void take_learned(Reading& reading, const char* fact, std::string value, const detail::text::Learned& models,
                  LearnedFact which, const detail::text::Choice& choice) {
    auto& evidence = reading.evidence;
    const auto phrase = std::find_if(evidence.begin(), evidence.end(),
                                     [&](const Evidence& e) { return e.fact == fact && e.value == value; });
    const bool by_model = phrase == evidence.end();
    std::string words = by_model ? models.words(which, choice) : phrase->words;
    std::erase_if(evidence, [&](const Evidence& e) { return e.fact == fact; });
    evidence.push_back({fact, std::move(value), {}, std::move(words), by_model});
}

// Without learned models (a rule set with no labelled texts): the topic with the most phrase
// points, and when two topics with different answers are close, the question between them.
Reading read_by_phrases(const RuleSet& rules, detail::text::TextFacts facts) {
    const auto& r = rules.compiled();
    Reading reading = std::move(facts.reading);
    if (facts.ranked.empty()) {
        if (reading.evidence.empty() && !facts.raised_with_unnamed) {
            // Nothing at all was understood: ask rather than guess.
            reading.sure = false;
            reading.question = open_question(r);
            return reading;
        }
        // Something was understood, just no topic: the rule set's default topic, said plainly.
        facts.ranked.push_back({r.default_topic, 0, "(default)"});
    }
    const auto& best = facts.ranked.front();
    reading.situation.topic = r.topics[best.topic];
    reading.evidence.insert(reading.evidence.begin(), {"topic", reading.situation.topic, {}, best.words});
    if (best.score == 0) reading.evidence.front().words = "(default: no topic named)";
    if (facts.raised_with_unnamed) {
        // "I emailed her twice": the person it was raised with is the one closest to the topic.
        const auto& closest = r.roles[r.topic_role[static_cast<std::size_t>(best.topic)]];
        auto& raised = reading.situation.raised_with;
        if (std::find(raised.begin(), raised.end(), closest) == raised.end()) {
            raised.push_back(closest);
            reading.evidence.push_back({"raised_with", closest, {}, facts.unnamed_words});
        }
    }
    // A close second topic matters only when it would change the answer.
    for (std::size_t i = 1; i < facts.ranked.size() && facts.ranked[i].score * 4 >= best.score * 3; ++i) {
        Situation other = reading.situation;
        other.topic = r.topics[facts.ranked[i].topic];
        if (same_answer(rules.evaluate(reading.situation), rules.evaluate(other))) continue;
        reading.sure = false;
        reading.candidates = {reading.situation.topic, other.topic};
        const auto& topics = r.catalog.topics;
        reading.question = "Is this mainly about " + topics[static_cast<std::size_t>(best.topic)].label +
                           " (\"" + best.words + "\"), or about " +
                           topics[static_cast<std::size_t>(facts.ranked[i].topic)].label + " (\"" +
                           facts.ranked[i].words + "\")?";
        break;
    }
    for (auto& e : reading.evidence) e.label = label_of(r, e.fact, e.value);
    return reading;
}

}  // namespace

Reading RuleSet::read(std::string_view text) const {
    const auto& r = *impl_;
    auto facts =
        detail::text::read(r.lexicon, {r.topics, r.message_types, r.stakes, r.flags, r.roles, r.topic_role, r.topic_fallback}, text);
    if (!r.models.trained()) return read_by_phrases(*this, std::move(facts));
    const auto learned = detail::text::decide(r.models, facts, text);
    Reading reading = std::move(facts.reading);
    if (!learned.understood && reading.evidence.empty() && facts.ranked.empty()) {
        // Nothing at all was understood: ask rather than guess.
        reading.sure = false;
        reading.question = open_question(r);
        return reading;
    }
    auto& s = reading.situation;
    // The likeliest topic that may be read here: one marked `named_only` needs a phrase of its own
    // in the text ("I'm calling a lawyer" over a seat is not a formal dispute).
    const auto named = [&](std::int32_t t) {
        return std::any_of(facts.ranked.begin(), facts.ranked.end(), [&](const detail::text::TopicScore& m) { return m.topic == t; });
    };
    auto topic = learned[LearnedFact::topic];
    for (const auto& candidate : learned.topics)
        if (!r.topic_named_only[static_cast<std::size_t>(candidate.value)] || named(candidate.value)) {
            topic = candidate;
            break;
        }
    if (facts.decisive.size() == 1) {
        // A phrase the rule set marks decisive names the topic, whatever the models say.
        topic = {facts.decisive.front().topic, 1.0f, 0};
        facts.ranked.insert(facts.ranked.begin(), facts.decisive.front());
    }
    s.topic = r.topics[topic.value];
    // A phrase of the chosen topic that matched is the plainest evidence for it.
    const auto phrase = std::find_if(facts.ranked.begin(), facts.ranked.end(),
                                     [&](const detail::text::TopicScore& t) { return t.topic == topic.value; });
    if (phrase != facts.ranked.end()) reading.evidence.push_back({"topic", s.topic, {}, phrase->words});
    take_learned(reading, "topic", s.topic, learned, LearnedFact::topic, topic);
    // Rather first than after the phrase-read facts: the topic heads the evidence.
    std::rotate(reading.evidence.begin(), reading.evidence.end() - 1, reading.evidence.end());
    const auto& type = learned[LearnedFact::message_type];
    if (type.value >= 0) {
        s.message_type = r.message_types[type.value];
        take_learned(reading, "message_type", s.message_type, learned, LearnedFact::message_type, type);
    }
    const auto& stakes = learned[LearnedFact::stakes];
    if (stakes.value >= 0) {
        s.stakes = r.stakes[stakes.value];
        if (stakes.value == r.default_stakes) std::erase_if(reading.evidence, [](const Evidence& e) { return e.fact == "stakes"; });
        else take_learned(reading, "stakes", s.stakes, learned, LearnedFact::stakes, stakes);
    }
    const auto& compliance = learned[LearnedFact::compliance];
    if (compliance.value >= 0) {
        s.compliance = compliance.value == 1;
        if (s.compliance) take_learned(reading, "compliance", "true", learned, LearnedFact::compliance, compliance);
        else std::erase_if(reading.evidence, [](const Evidence& e) { return e.fact == "compliance"; });
    }
    if (facts.raised_with_unnamed && s.raised_with.empty()) {
        // "I emailed her twice": the person it was raised with is the one closest to the topic.
        s.raised_with.push_back(r.roles[r.topic_role[static_cast<std::size_t>(topic.value)]]);
        reading.evidence.push_back({"raised_with", s.raised_with.back(), {}, facts.unnamed_words});
    }
    const auto& resolved = learned[LearnedFact::resolved];
    if (resolved.value > 0 && s.raised_with.empty() && !facts.unnamed_contact_words.empty()) {
        // "Thank you for moving her seat after I asked": a contact naming no one, with an outcome.
        s.raised_with.push_back(r.roles[r.topic_role[static_cast<std::size_t>(topic.value)]]);
        reading.evidence.push_back({"raised_with", s.raised_with.back(), {}, facts.unnamed_contact_words});
    }
    if (resolved.value >= 0 && !s.raised_with.empty()) {
        // Whether it was settled matters once it was raised with someone.
        static constexpr Resolved values[] = {Resolved::unknown, Resolved::no, Resolved::yes};
        static constexpr const char* names[] = {"unknown", "false", "true"};
        s.resolved = values[resolved.value];
        if (!facts.pending_words.empty()) {
            // "I emailed his teacher yesterday": too soon to say it was not addressed.
            s.resolved = Resolved::unknown;
            std::erase_if(reading.evidence, [](const Evidence& e) { return e.fact == "resolved"; });
            reading.evidence.push_back({"resolved", "unknown", {}, facts.pending_words});
        } else if (s.resolved == Resolved::unknown) std::erase_if(reading.evidence, [](const Evidence& e) { return e.fact == "resolved"; });
        else take_learned(reading, "resolved", names[resolved.value], learned, LearnedFact::resolved, resolved);
    }
    // A close second topic is offered beside the answer, with what would change: one the models
    // find nearly as likely, or another the text names by a phrase ("the bus and his speech").
    const auto offer = [&](std::int32_t other, float likelihood, std::string words) {
        const auto& id = r.topics[other];
        if (other == topic.value || std::any_of(reading.alternatives.begin(), reading.alternatives.end(),
                                                 [&](const Alternative& a) { return a.topic == id; }))
            return;
        reading.alternatives.push_back({id, likelihood, std::move(words)});
    };
    for (const auto& other : learned.topics)
        if (other.probability >= topic.probability * r.models.close_second &&
            (!r.topic_named_only[static_cast<std::size_t>(other.value)] || named(other.value)))
            offer(other.value, other.probability, learned.words(LearnedFact::topic, other));
    for (std::size_t i = 0; i < facts.ranked.size() && i < 2; ++i) offer(facts.ranked[i].topic, 0, facts.ranked[i].words);
    for (auto& e : reading.evidence) e.label = label_of(r, e.fact, e.value);
    return reading;
}

Advice RuleSet::evaluate(const Reading& reading) const {
    Advice advice = evaluate(reading.situation);
    advice.understood.from = reading.evidence;
    advice.understood.ignored = reading.ignored;
    advice.understood.corrected = reading.corrected;
    for (const auto& alternative : reading.alternatives) {
        Situation other = reading.situation;
        other.topic = alternative.topic;
        const Advice a = evaluate(other);
        if (same_answer(a, advice)) continue;
        advice.alternatives.push_back({a.understood.topic, impl_->catalog.topics[static_cast<std::size_t>(impl_->topics.find(alternative.topic))].label,
                                       a.contact, a.channel.id, a.escalate});
    }
    return advice;
}

const Catalog& RuleSet::catalog() const { return impl_->catalog; }
const std::string& RuleSet::source_name() const { return impl_->source_name; }
std::size_t RuleSet::rule_count() const { return impl_->rules.size(); }

std::string RuleSet::to_dot(const Situation* situation) const {
    if (!situation) return detail::decision_graph_dot(*impl_, nullptr);
    detail::Trace trace;
    Advice advice;
    detail::walk(*impl_, detail::resolve(*impl_, *situation), advice, &trace);
    return detail::decision_graph_dot(*impl_, &trace, impl_->roles.find(std::string(advice.contact.id)));
}

std::string RuleSet::ladder_to_dot() const { return detail::ladder_dot(*impl_); }

}  // namespace advise
