import { xmlSafe } from './escape';
import { ruleStatus } from './figures';
import { type Failure, missingCase, type RunRecord } from './run-record';

/** Bodies in CI logs are cut here; run.json and report.html keep them whole. */
const BODY_CHARS = 600;
const clip = (text: string) =>
  text.length > BODY_CHARS ? `${text.slice(0, BODY_CHARS)}… (${text.length} chars)` : text;

/** A failure as plain text: what differed, the shrunk sequence call by call, how to replay it. */
export function failureText(f: Failure): string {
  const steps = f.trace.map((s) => {
    const request = s.request
      ? `\n     ${s.request.method} ${s.request.url}${s.request.body ? `\n     body: ${clip(s.request.body)}` : ''}`
      : '';
    const response = s.response
      ? `\n     -> ${s.response.status} ${clip(s.response.body)}`
      : '\n     -> no response';
    return `  ${s.index + 1}. ${s.command} (allowed: ${s.expected})${request}${response}`;
  });
  return [
    f.title,
    `expected: ${f.expected}`,
    `received: ${f.received}`,
    `sequence (seed ${f.seed}${f.path ? `, path ${f.path}` : ''}):`,
    ...steps,
    `replay: ${f.replay}`,
  ].join('\n');
}

const attr = (name: string, value: string | number) => `${name}="${xmlSafe(String(value))}"`;

/**
 * One test case per documented rule, so CI dashboards follow each rule over time: a failure
 * carries its counterexample, a rule the run never exercised is skipped ("not exercised", or "not
 * meant at depth ..." when the run's depth leaves it to a deeper one), and so is a rule judged in
 * only one of the two cases the docs give it ("its refusing case not exercised").
 */
export function renderJunit(run: RunRecord): string {
  const failuresByRule = new Map<string, Failure[]>();
  for (const f of run.failures)
    for (const id of f.rules) failuresByRule.set(id, [...(failuresByRule.get(id) ?? []), f]);
  let failed = 0;
  let skipped = 0;
  const cases = run.rules.map((r) => {
    const head = `    <testcase ${attr('classname', `ebs-conformance.${r.family}`)} ${attr('name', r.id)}`;
    const failures = failuresByRule.get(r.id) ?? [];
    if (failures.length > 0 || r.violations > 0) {
      failed++;
      const first = failures[0];
      const message = first ? first.title : `${r.violations} violation(s); no counterexample kept`;
      const body = failures.map(failureText).join('\n\n');
      return `${head}><failure ${attr('message', message)} ${attr('type', first?.category ?? 'violation')}>${xmlSafe(body)}</failure></testcase>`;
    }
    if (ruleStatus(r) === 'not-exercised') {
      skipped++;
      // A depth that leaves a rule to a deeper one says so, rather than "not exercised".
      const why =
        r.meant === false ? `not meant at depth ${run.depth?.name}: ${run.depth?.leaves}` : 'not exercised';
      return `${head}><skipped ${attr('message', why)}/></testcase>`;
    }
    // A rule the docs give two cases passes only once both were judged.
    const missing = missingCase(r);
    if (missing && r.meant !== false) {
      skipped++;
      return `${head}><skipped ${attr('message', `its ${missing} case not exercised`)}/></testcase>`;
    }
    return `${head}/>`;
  });
  const time = attr('time', Math.max(0, Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000);
  const counts = `${attr('tests', run.rules.length)} ${attr('failures', failed)} ${attr('skipped', skipped)} ${time}`;
  const properties = [
    ['verdict', run.verdict],
    ['target', run.target.kind],
    ['seed', String(run.seed)],
    ['steps', String(run.steps)],
  ].map(([k, v]) => `      <property ${attr('name', k as string)} ${attr('value', v as string)}/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ebs-conformance" ${counts}>`,
    `  <testsuite ${attr('name', `conformance against ${run.target.kind}`)} ${counts} ${attr('timestamp', run.startedAt)}>`,
    '    <properties>',
    ...properties,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
