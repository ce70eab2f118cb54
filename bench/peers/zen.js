// The default rules of advise as a GoRules Zen (JDM) decision graph, evaluated over a
// situations file.
//
//   node zen.js SITUATIONS ANSWERS [PASSES [INFLIGHT]]   answers to ANSWERS, timing line to stdout
//   node zen.js --write-jdm FILE                         save the graph (opens in the JDM editor)
//
// The graph: the role table, the ladder, the channel table and the escalation criteria are
// decision tables or constant expressions; the ladder arithmetic (clamp to the closest person,
// pass over roles already raised, highest rung wins, channel borrowing) is done by expression
// nodes, since JDM has no loop. INFLIGHT > 1 keeps that many evaluations in flight at once.
'use strict';

const { ZenEngine } = require('@gorules/zen-engine');
const t = require('./tables.js');

const q = (s) => (s === null ? 'null' : `'${s}'`);
const objectLiteral = (o) => `{${Object.entries(o).map(([k, v]) => `${k}: ${typeof v === 'string' || v === null ? q(v) : v}`).join(', ')}}`;

let nextId = 0;
const nodes = [];
const edges = [];
function node(type, name, content) {
  const id = `n${nextId++}`;
  nodes.push({ id, type, name, position: { x: 100 + 260 * nodes.length, y: 100 }, ...(content ? { content } : {}) });
  if (nodes.length > 1) edges.push({ id: `e${id}`, type: 'edge', sourceId: nodes[nodes.length - 2].id, targetId: id });
  return id;
}
// A decision table: `inputs` are [id, field] (field null: the cell is a whole expression),
// `outputs` [id, field], `rows` objects from column id to cell.
function table(name, hitPolicy, inputs, outputs, rows, outputPath) {
  return node('decisionTableNode', name, {
    hitPolicy,
    inputs: inputs.map(([id, field]) => ({ id, name: id, ...(field ? { field } : {}) })),
    outputs: outputs.map(([id, field]) => ({ id, name: id, field })),
    rules: rows.map((r, i) => ({ _id: `${name}-${i}`, ...r })),
    passThrough: true,
    inputField: null,
    outputPath: outputPath || null,
    executionMode: 'single',
  });
}
function expressions(name, pairs, passThrough = true) {
  return node('expressionNode', name, {
    expressions: pairs.map(([key, value], i) => ({ id: `${name}-${i}`, key, value })),
    passThrough,
    inputField: null,
    outputPath: null,
    executionMode: 'single',
  });
}

function buildGraph() {
  node('inputNode', 'situation');
  expressions('ladder', [
    ['rung', objectLiteral(t.rung)],
    ['up', objectLiteral(t.ladder)],
  ]);
  // One row per role (and per channel) listing its topics (message types): fewer rows to test.
  table('role table', 'first', [['topic', 'topic']], [['closest', 'closest']],
    Object.entries(t.grouped(t.topics)).map(([role, topics]) => ({ topic: topics.map(q).join(', '), closest: q(role) })));
  table('channel table', 'first', [['type', 'message_type']], [['channel', 'type_channel']],
    Object.entries(t.grouped(t.messageTypes)).map(([channel, types]) => ({ type: types.map(q).join(', '), channel: q(channel) })));
  const highestRaised = 'filter(raised_with, rung[#] == max(map(raised_with, rung[#])))[0]';
  expressions('facts', [
    ['raised_directly', 'closest in raised_with'],
    ['closest_rung', 'rung[closest]'],
    ['above_closest', 'up[closest] ?? closest'],
    ['above_raised', `len(raised_with) == 0 ? closest : (up[${highestRaised}] ?? ${highestRaised})`],
  ]);
  const target = { principal: q('principal'), director_special_ed: q('director_special_ed'), above_closest: 'above_closest', above_raised: 'above_raised' };
  table('escalation criteria', 'collect',
    [['stakes', 'stakes'], ['compliance', 'compliance'], ['resolved', 'resolved'], ['directly', 'raised_directly'], ['type', null]],
    [['rule', 'rule'], ['target', 'target'], ['channel', 'channel']],
    t.criteria.map((c) => ({
      stakes: c.stakes ? q(c.stakes) : '',
      compliance: c.compliance ? 'true' : '',
      resolved: 'false',
      directly: c.raisedDirectly ? 'true' : '',
      type: c.messageTypeNotIn ? `message_type not in [${c.messageTypeNotIn.map(q).join(', ')}]` : '',
      rule: q(c.id),
      target: target[c.to],
      channel: q(c.channel),
    })), 'criteria');
  // Never below the closest person; then a target already raised without result passes to the
  // next rung up, once per rung of the ladder.
  let resolved = 'map(criteria, {rule: #.rule, channel: #.channel, target: rung[#.target] < closest_rung ? closest : #.target})';
  for (let i = 1; i < Object.values(t.rung).reduce((a, b) => Math.max(a, b), 0) + 1; ++i)
    resolved = `map(${resolved}, {rule: #.rule, channel: #.channel, target: #.target in raised_with and up[#.target] != null ? up[#.target] : #.target})`;
  expressions('targets', [['criteria', resolved]]);
  expressions('highest', [['best', 'len(criteria) == 0 ? -1 : max(map(criteria, rung[#.target]))']]);
  expressions('winner', [
    ['winner', 'len(criteria) == 0 ? null : filter(criteria, rung[#.target] == best)[0]'],
    ['borrowed', 'len(filter(criteria, #.channel != null)) == 0 ? null : filter(criteria, #.channel != null)[0].channel'],
  ]);
  expressions('advice', [
    ['contact', 'winner == null ? closest : winner.target'],
    ['channel', 'winner == null ? type_channel : (winner.channel ?? borrowed ?? type_channel)'],
    ['escalate', 'winner != null and rung[winner.target] > closest_rung'],
  ], false);
  node('outputNode', 'advice');
  return { contentType: 'application/vnd.gorules.decision', nodes, edges };
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--write-jdm' && args[1]) {
    require('fs').writeFileSync(args[1], JSON.stringify(buildGraph(), null, 2) + '\n');
    return;
  }
  if (args.length < 2) {
    process.stderr.write('usage: node zen.js SITUATIONS ANSWERS [PASSES [INFLIGHT]] | --write-jdm FILE\n');
    process.exit(2);
  }
  const situations = t.readSituations(args[0]);
  const passes = Math.max(1, Number(args[2] || 5));
  const inflight = Math.max(1, Number(args[3] || 1));
  const engine = new ZenEngine();
  const decision = engine.createDecision(buildGraph());
  const answers = new Array(situations.length);
  const seconds = [];
  for (let pass = 0; pass < passes; ++pass) {
    const start = process.hrtime.bigint();
    if (inflight === 1) {
      for (let i = 0; i < situations.length; ++i) answers[i] = (await decision.evaluate(situations[i])).result;
    } else {
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < situations.length; i = next++) answers[i] = (await decision.evaluate(situations[i])).result;
      };
      await Promise.all(Array.from({ length: inflight }, worker));
    }
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  engine.dispose();
  t.report(inflight === 1 ? 'zen' : `zen(inflight=${inflight})`, answers, args[1], seconds);
}

main().catch((e) => {
  process.stderr.write(`zen.js: ${e && e.stack ? e.stack : e}\n`);
  process.exit(2);
});
