import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXEMPTIONS,
  isExempt,
  LAYERS,
  type Layer,
  OPERATIONS,
  type Operation,
  operationKey,
  RULES,
} from '../../api';
import { ROUTES } from '../../emulator/service/dispatch';
import { isModelled } from '../../model';
import { failoveredScenario, memberScenario, pairScenario } from '../../model/testkit';
import { CallCommand } from '../../properties/command';
import { weightedCommands } from '../../properties/commands';

// Every operation of the catalogue reaches every layer, or says in api/layers.ts why it does not:
// an operation added to api/operations/ alone would otherwise be "covered" while the harness
// checks nothing about it.

/** The operations the registered commands issue, found by planning samples of each against a few states. */
function commandedOperations(): Set<string> {
  const states = [pairScenario(), failoveredScenario(), memberScenario()];
  const seen = new Set<string>();
  for (const [i, arb] of weightedCommands().entries())
    for (const command of fc.sample(arb, { numRuns: 60, seed: i }))
      if (command instanceof CallCommand)
        for (const s of states) {
          const planned = command.plan(s);
          if (planned) seen.add(operationKey(planned.call as Parameters<typeof operationKey>[0]));
        }
  return seen;
}

const commanded = commandedOperations();

const HAS: Record<Layer, (op: Operation) => boolean> = {
  model: (op) => isModelled(op),
  emulator: (op) => ROUTES.has(operationKey(op)),
  commands: (op) => commanded.has(operationKey(op)),
  rules: (op) => RULES.some((r) => r.operations.includes(op.action)),
};

/** `CreateDisk (ecs:2014-05-26:CreateDisk) lacks a handler in emulator/service/dispatch.ts (ROUTES)`. */
function missingLayers(ops: readonly Operation[]): string[] {
  return ops.flatMap((op) =>
    (Object.keys(LAYERS) as Layer[])
      .filter((layer) => !HAS[layer](op) && !isExempt(op, layer))
      .map((layer) => `${op.action} (${operationKey(op)}) lacks ${LAYERS[layer]}`),
  );
}

describe('every operation of the catalogue has every layer', () => {
  it('a model decision, an emulator handler, a command family and a rule, or an exemption saying why', () => {
    expect(
      missingLayers(OPERATIONS),
      'add the missing layer, or exempt it with a reason in api/layers.ts',
    ).toEqual([]);
  });

  it('exempts only catalogue operations, from layers they really lack', () => {
    for (const [key, exemption] of Object.entries(EXEMPTIONS)) {
      const op = OPERATIONS.find((o) => operationKey(o) === key);
      expect(op, `${key} in api/layers.ts is not in the catalogue`).toBeDefined();
      if (!op) continue;
      expect(exemption.why.length, `${key}: say why`).toBeGreaterThan(20);
      const present = exemption.layers.filter((layer) => HAS[layer](op));
      expect(present, `${key} has these layers: drop them from its exemption`).toEqual([]);
    }
  });

  it('names the file to add when an operation lacks a layer', () => {
    const invented: Operation = { ...(OPERATIONS[0] as Operation), action: 'StartInventedDrill' };
    expect(missingLayers([invented])).toEqual([
      expect.stringContaining('model/allowed-outcomes.ts'),
      expect.stringContaining('emulator/service/dispatch.ts'),
      expect.stringContaining('properties/commands/'),
      expect.stringContaining('api/rules/'),
    ]);
  });
});
