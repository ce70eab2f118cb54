// A small rule set of another district's own terms: nothing in the engine knows these names.
#pragma once

#include <string>

namespace test {

// `warnings` (a list's items, as YAML) become its warnings; `escalation` is appended to its
// two escalation rules.
inline std::string small_rules(const std::string& warnings = "", const std::string& escalation = "") {
    return R"(advise: 1
name: district
defaults: {topic: lunch, message_type: ask, stakes: calm}
roles:
  - {id: tutor, title: Tutor, does: Teaches, contact_when: Lessons, escalates_to: head, source: "handbook, 1"}
  - {id: nurse, title: Nurse, does: Care, contact_when: Health, escalates_to: head, source: "handbook, 1"}
  - {id: head, title: Head, does: Leads, contact_when: Escalations, escalates_to: board, source: "handbook, 1"}
  - {id: board, title: Board, does: Governs, contact_when: Appeals, source: "handbook, 1"}
channels:
  - {id: chat, label: Chat, why: Quick, source: "handbook, 2"}
  - {id: letter, label: Letter, why: On record, source: "handbook, 2"}
message_types:
  - {id: ask, label: A question, channel: chat, source: "handbook, 2"}
  - {id: demand, label: A demand, channel: letter, source: "handbook, 2"}
stakes:
  - {id: calm, label: Calm}
  - {id: urgent, label: Urgent}
flags:
  - {id: angry, label: Angry}
topics:
  - {id: lunch, label: lunch, role: tutor, why: Tutors run lunch, source: "handbook, 3"}
  - {id: meds, label: medicine, role: nurse, why: Nurses give medicine, source: "handbook, 3"}
escalation:
  - {id: up.urgent, when: stakes == urgent, to: board, channel: letter, text: Urgent goes to the board, source: "handbook, 4"}
  - {id: up.again, when: raised_directly and not resolved, to: above_raised, text: One up, source: "handbook, 4"}
)" + escalation + R"(stay:
  - {id: stay.here, when: "true", text: Stay, source: "handbook, 4"}
)" + (warnings.empty() ? std::string() : "warnings:\n" + warnings);
}

}  // namespace test
