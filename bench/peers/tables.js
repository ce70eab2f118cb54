// The default rule set of advise (rules/default.yaml), transcribed for the peer engines: the
// role table, the escalation ladder, the channel table and the escalation criteria. Both peers
// are built from this one file, so they cannot drift apart; run.sh checks every answer against
// advise itself, so a drift from rules/default.yaml shows up as mismatches.
'use strict';

// The ladder (roles[].escalates_to): staff -> principal -> director -> outside help.
const ladder = {
  general_ed_teacher: 'principal',
  special_ed_teacher: 'principal',
  related_service_provider: 'principal',
  school_psychologist: 'principal',
  principal: 'director_special_ed',
  director_special_ed: 'advocate_or_attorney',
  advocate_or_attorney: null,
};

// Rung of each role: how many steps it is above the bottom of the ladder.
const rung = Object.fromEntries(Object.keys(ladder).map((role) => [role, 0]));
for (let changed = true; changed;) {
  changed = false;
  for (const [role, up] of Object.entries(ladder))
    if (up && rung[up] < rung[role] + 1) { rung[up] = rung[role] + 1; changed = true; }
}

// The role table (topics[].role), in file order: each topic and the person closest to it.
const topics = [
  ['day_to_day', 'general_ed_teacher'],
  ['accommodation_not_followed', 'general_ed_teacher'],
  ['grades', 'general_ed_teacher'],
  ['homework', 'general_ed_teacher'],
  ['academic_progress', 'general_ed_teacher'],
  ['classroom_behavior', 'general_ed_teacher'],
  ['bullying', 'general_ed_teacher'],
  ['peer_relationships', 'general_ed_teacher'],
  ['medication_change', 'general_ed_teacher'],
  ['family_change', 'general_ed_teacher'],
  ['start_of_year', 'general_ed_teacher'],
  ['next_year_transition', 'general_ed_teacher'],
  ['iep_goal_progress', 'special_ed_teacher'],
  ['progress_monitoring', 'special_ed_teacher'],
  ['specially_designed_instruction', 'special_ed_teacher'],
  ['modified_work', 'special_ed_teacher'],
  ['iep_meeting', 'special_ed_teacher'],
  ['services_not_delivered', 'special_ed_teacher'],
  ['assistive_technology', 'special_ed_teacher'],
  ['speech_therapy', 'related_service_provider'],
  ['occupational_therapy', 'related_service_provider'],
  ['physical_therapy', 'related_service_provider'],
  ['counseling_services', 'related_service_provider'],
  ['evaluation_request', 'school_psychologist'],
  ['evaluation_results', 'school_psychologist'],
  ['behavior_plan', 'school_psychologist'],
  ['mental_health', 'school_psychologist'],
  ['discipline', 'principal'],
  ['schedule_or_staffing', 'principal'],
  ['staff_conduct', 'principal'],
  ['transportation', 'principal'],
  ['iep_dispute', 'director_special_ed'],
  ['placement', 'director_special_ed'],
  ['compliance_issue', 'director_special_ed'],
  ['independent_evaluation', 'director_special_ed'],
  ['formal_dispute', 'advocate_or_attorney'],
];

// The channel table (message_types[].channel), in file order.
const messageTypes = [
  ['quick_question', 'email_or_app'],
  ['scheduling', 'email_or_app'],
  ['home_context', 'note_or_brief_email'],
  ['concern', 'email_then_phone'],
  ['disagreement', 'phone_or_meeting'],
  ['formal_request', 'written_request'],
  ['introduction', 'email_or_app'],
  ['positive_feedback', 'email_or_app'],
  ['meeting_recap', 'recap_email'],
];

// The escalation criteria (escalation:), in file order. Each holds only while the matter is
// unresolved. `to`: a role, 'above_closest' or 'above_raised'. The `over` of escalate.safety is
// left out: safety comes first in the file, so it already wins every tie it could win.
const notForUnresolved = ['positive_feedback', 'meeting_recap', 'introduction', 'home_context'];
const criteria = [
  { id: 'escalate.safety', stakes: 'safety', to: 'principal', channel: 'phone_or_meeting' },
  { id: 'escalate.compliance', compliance: true, to: 'director_special_ed', channel: 'written_request' },
  { id: 'escalate.fape_denial', stakes: 'fape_denial', to: 'director_special_ed', channel: 'written_request' },
  { id: 'escalate.regression', stakes: 'regression', to: 'above_closest', channel: null },
  { id: 'escalate.unresolved', raisedDirectly: true, messageTypeNotIn: notForUnresolved, to: 'above_raised', channel: null },
];

// [[key, value], ...] as {value: [key, ...]}, in first-seen order: the rows of a table grouped
// by their answer.
function grouped(rows) {
  const out = {};
  for (const [key, value] of rows) (out[value] = out[value] || []).push(key);
  return out;
}

// Reads a situations file of bench/peer_driver.cpp's format into plain objects.
function readSituations(path) {
  const text = require('fs').readFileSync(path, 'utf8');
  const out = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    out.push({
      topic: f[0],
      message_type: f[1],
      stakes: f[2],
      compliance: f[3] === '1',
      raised_with: f[4] ? f[4].split(',') : [],
      resolved: f[5] === '1',
    });
  }
  return out;
}

// Writes answers in the driver's format and prints the timing line run.sh reads.
function report(engine, answers, outPath, seconds) {
  const lines = answers.map((a) => `${a.contact}\t${a.channel}\t${a.escalate ? 1 : 0}`);
  require('fs').writeFileSync(outPath, lines.join('\n') + '\n');
  const sorted = [...seconds].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  process.stdout.write(`${engine}\t${answers.length}\t${seconds.length}\t${median.toFixed(6)}\n`);
}

module.exports = { ladder, rung, topics, messageTypes, criteria, grouped, readSituations, report };
