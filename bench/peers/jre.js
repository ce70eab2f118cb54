// The default rules of advise in json-rules-engine, evaluated over a situations file.
//
//   node jre.js SITUATIONS ANSWERS [PASSES]   answers to ANSWERS, timing line to stdout
//
// The role table, the channel table and the escalation criteria are rules: the tables run first
// (higher priority) and record the closest person and the channel table's answer as runtime
// facts, which the criteria then test. json-rules-engine has no expressions, so the ladder
// arithmetic over the criteria that held (clamp to the closest person, pass over roles already
// raised, highest rung wins, channel borrowing) is `decide` below, over the engine's events.
'use strict';

const { Engine } = require('json-rules-engine');
const t = require('./tables.js');

function buildEngine() {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const is = (fact, value) => ({ fact, operator: 'equal', value });
  // One rule per role and per channel, each listing its topics or message types: half the
  // rules of one per row, and twice as fast.
  Object.entries(t.grouped(t.topics)).forEach(([role, topics]) => engine.addRule({
    name: `closest.${role}`,
    priority: 100,
    conditions: { all: [{ fact: 'topic', operator: 'in', value: topics }] },
    event: { type: 'closest', params: { role } },
    onSuccess: (event, almanac) => almanac.addRuntimeFact('closest', event.params.role),
  }));
  Object.entries(t.grouped(t.messageTypes)).forEach(([channel, types]) => engine.addRule({
    name: `channel.${channel}`,
    priority: 100,
    conditions: { all: [{ fact: 'message_type', operator: 'in', value: types }] },
    event: { type: 'channel', params: { channel } },
    onSuccess: (event, almanac) => almanac.addRuntimeFact('type_channel', event.params.channel),
  }));
  t.criteria.forEach((c, order) => {
    const all = [is('resolved', false)];
    if (c.stakes) all.push(is('stakes', c.stakes));
    if (c.compliance) all.push(is('compliance', true));
    if (c.raisedDirectly) all.push({ fact: 'raised_with', operator: 'contains', value: { fact: 'closest' } });
    if (c.messageTypeNotIn) all.push({ fact: 'message_type', operator: 'notIn', value: c.messageTypeNotIn });
    engine.addRule({
      name: c.id,
      priority: 50,
      conditions: { all },
      event: { type: 'criterion', params: { order, to: c.to, channel: c.channel } },
    });
  });
  return engine;
}

// The answer from the events of one run.
function decide(events, s) {
  let closest = null, typeChannel = null;
  const held = [];
  for (const e of events) {
    if (e.type === 'closest') closest = e.params.role;
    else if (e.type === 'channel') typeChannel = e.params.channel;
    else held.push(e.params);
  }
  held.sort((a, b) => a.order - b.order);  // file order decides among equals
  const up = (role) => t.ladder[role] || role;
  const raised = s.raised_with;
  let winner = null, contact = closest, best = -1, borrowed = null;
  for (const c of held) {
    let target = c.to;
    if (target === 'above_closest') target = up(closest);
    else if (target === 'above_raised') {
      let highest = null;
      for (const r of raised) if (highest === null || t.rung[r] > t.rung[highest]) highest = r;
      target = highest === null ? closest : up(highest);
    }
    if (t.rung[target] < t.rung[closest]) target = closest;
    while (raised.includes(target) && t.ladder[target]) target = t.ladder[target];
    if (borrowed === null && c.channel) borrowed = c.channel;
    if (t.rung[target] > best) { best = t.rung[target]; winner = c; contact = target; }
  }
  const channel = winner === null ? typeChannel : (winner.channel || borrowed || typeChannel);
  return { contact, channel, escalate: winner !== null && t.rung[contact] > t.rung[closest] };
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length < 2) {
    process.stderr.write('usage: node jre.js SITUATIONS ANSWERS [PASSES]\n');
    process.exit(2);
  }
  const situations = t.readSituations(args[0]);
  const passes = Math.max(1, Number(args[2] || 5));
  const engine = buildEngine();
  const answers = new Array(situations.length);
  const seconds = [];
  for (let pass = 0; pass < passes; ++pass) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < situations.length; ++i) {
      const { events } = await engine.run(situations[i]);
      answers[i] = decide(events, situations[i]);
    }
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  t.report('json-rules-engine', answers, args[1], seconds);
}

main().catch((e) => {
  process.stderr.write(`jre.js: ${e && e.stack ? e.stack : e}\n`);
  process.exit(2);
});
