import fc from 'fast-check';
import { isExempt, LAYERS, type Layer, type Operation, operationKey, RULES } from '../../api';
import { ROUTES } from '../../emulator/service/dispatch';
import { isModelled } from '../../model';
import { failoveredScenario, memberScenario, pairScenario } from '../../model/testkit';
import { CallCommand } from '../../properties/command';
import { weightedCommands } from '../../properties/commands';

/**
 * Which layers each catalogue operation has (api/layers.ts): the completeness test reads it, and
 * so can a scaffolded copy of the project (scripts/scaffold.test.ts).
 */

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

export const HAS: Record<Layer, (op: Operation) => boolean> = {
  model: (op) => isModelled(op),
  emulator: (op) => ROUTES.has(operationKey(op)),
  commands: (op) => commanded.has(operationKey(op)),
  rules: (op) => RULES.some((r) => r.operations.includes(op.action)),
};

/** `CreateDisk (ecs:2014-05-26:CreateDisk) lacks a handler in the ROUTES of its emulator family (...)`. */
export function missingLayers(ops: readonly Operation[]): string[] {
  return ops.flatMap((op) =>
    (Object.keys(LAYERS) as Layer[])
      .filter((layer) => !HAS[layer](op) && !isExempt(op, layer))
      .map((layer) => `${op.action} (${operationKey(op)}) lacks ${LAYERS[layer]}`),
  );
}
