import { describe, expect, it } from 'vitest';
import { isTransientCode } from '../../api/errors';
import { OPERATIONS } from '../../api/operations';
import { findRule } from '../../api/rules';
import { accountRules, codeAccount, operationEntries, operationLabel } from '../../api/rules/error-codes';
import { RunEvents } from '../../properties/events';
import { runAgainst } from '../readings/support';

const documented = OPERATIONS.flatMap((op) => op.errors.map((e) => [op, e.code] as const));

describe('every documented error code of every operation is accounted for', () => {
  it.each(documented.map(([op, code]) => [`${operationLabel(op)} ${code}`, op, code] as const))(
    '%s',
    (_, op, code) => {
      const account = codeAccount(op, code);
      expect(account, 'add it to api/rules/error-codes.ts').toBeDefined();
      if (!account) return;
      if ('why' in account) {
        expect(account.why.length).toBeGreaterThan(10);
        return;
      }
      expect(account.rules.length).toBeGreaterThan(0);
      // codeAccount keeps only the rules that constrain this operation.
      for (const id of account.rules)
        expect(
          findRule(id)?.operations.some((a) => a === '*' || a === op.action),
          id,
        ).toBe(true);
    },
  );

  it('the table has no entry for a code its operation does not document', () => {
    const codes = new Map(
      OPERATIONS.map((op) => [operationLabel(op), new Set(op.errors.map((e) => e.code))]),
    );
    const stale = operationEntries().filter(([op, code]) => !codes.get(op)?.has(code));
    expect(stale).toEqual([]);
  });
});

// A run's refusals against the table: each documented code the target answered, the model allowed
// and the table gives rules for must be answered under one of them; an untestable code is never
// answered (a transient one at most retried).
describe('a run answers each documented code under the rules the table names', () => {
  it('direct target, seed 7', async () => {
    const events = new RunEvents();
    const wrong: string[] = [];
    const answered = new Set<string>();
    events.on('answer-judged', (e) => {
      if (e.outcome.kind !== 'error') return;
      const op = OPERATIONS.find(
        (o) =>
          o.product === e.operation.product &&
          o.version === e.operation.version &&
          o.action === e.operation.action,
      );
      const code = e.outcome.code;
      if (!op) return;
      if (!op.errors.some((x) => x.code === code)) return;
      const account = codeAccount(op, code);
      answered.add(`${operationLabel(op)} ${code}`);
      if (!account) return;
      if ('why' in account) {
        if (!isTransientCode(code))
          wrong.push(`${operationLabel(op)} ${code}: answered, but listed as ${account.untestable}`);
        return;
      }
      if (!accountRules(account).some((r) => e.rules.includes(r)))
        wrong.push(
          `${operationLabel(op)} ${code} under ${e.rules.join(', ')}; the table says ${accountRules(account).join(', ')}`,
        );
    });
    const { record } = await runAgainst({ seed: 7, runs: 30, maxCommands: 40, events });
    expect(record.verdict).toBe('conformant');
    expect(wrong).toEqual([]);
    // The run reaches a good part of the table, so the comparison says something.
    expect(answered.size).toBeGreaterThan(40);
    // The gateway codes the drill and tag pages list: answered there too, under the table's rules.
    const gateway = [...answered].filter((k) =>
      /(Drill|Tag)\w* (MissingParameter|InvalidParameter)$/.test(k),
    );
    expect(gateway).not.toEqual([]);
  }, 300_000);
});
