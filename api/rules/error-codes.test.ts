import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../operations';
import { codeAccount, operationEntries, operationLabel } from './error-codes';
import { findRule } from './index';

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
