import { xmlSafe } from './escape';
import type { Failure, RunRecord } from './run-record';

/** Renders the shrunk sequence of a failure as the body of a JUnit <failure>. */
export function failureText(f: Failure): string {
  const steps = f.trace.map(
    (s) => `  ${s.index + 1}. ${s.command} -> ${s.response?.status ?? '?'} (${s.expected})`,
  );
  return [
    `${f.title}`,
    `expected: ${f.expected}`,
    `received: ${f.received}`,
    `sequence (seed ${f.seed}${f.path ? `, path ${f.path}` : ''}):`,
    ...steps,
    `replay: ${f.replay}`,
  ].join('\n');
}

/** One test case per documented rule, so dashboards can follow each rule over time. */
export function renderJunit(run: RunRecord): string {
  const failuresByRule = new Map<string, Failure[]>();
  for (const f of run.failures)
    for (const id of f.rules) failuresByRule.set(id, [...(failuresByRule.get(id) ?? []), f]);
  const cases = run.rules.map((r) => {
    const attrs = `classname="ebs-conformance.${xmlSafe(r.id.split('.')[0] ?? 'RULE')}" name="${xmlSafe(r.id)}"`;
    const failures = failuresByRule.get(r.id) ?? [];
    if (failures.length > 0) {
      const body = failures.map(failureText).join('\n\n');
      const first = failures[0] as Failure;
      return `    <testcase ${attrs}><failure message="${xmlSafe(first.title)}" type="${first.category}">${xmlSafe(body)}</failure></testcase>`;
    }
    if (r.accepted + r.refused === 0)
      return `    <testcase ${attrs}><skipped message="not exercised in this run"/></testcase>`;
    return `    <testcase ${attrs}/>`;
  });
  const failed = run.rules.filter((r) => failuresByRule.has(r.id)).length;
  const skipped = run.rules.filter((r) => !failuresByRule.has(r.id) && r.accepted + r.refused === 0).length;
  const seconds = (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ebs-conformance" tests="${run.rules.length}" failures="${failed}" skipped="${skipped}" time="${seconds}">`,
    `  <testsuite name="${xmlSafe(`conformance against ${run.target.kind}`)}" tests="${run.rules.length}" failures="${failed}" skipped="${skipped}" time="${seconds}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
