// advise: who at school to contact, by which channel, and why.
//
//   auto rules = advise::RuleSet::builtin();
//   advise::Situation s;
//   s.topic = "accommodation_not_followed";
//   s.message_type = "concern";
//   advise::Advice a = rules.evaluate(s);   // a.contact.id == "general_ed_teacher"
#pragma once

#include "advise/advice.hpp"
#include "advise/advisor.hpp"
#include "advise/check.hpp"
#include "advise/error.hpp"
#include "advise/reading.hpp"
#include "advise/render.hpp"
#include "advise/rule_set.hpp"
#include "advise/situation.hpp"
#include "advise/version.hpp"
