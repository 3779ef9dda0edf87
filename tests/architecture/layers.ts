import fc from 'fast-check';
import {
  isExempt,
  LAYERS,
  type Layer,
  OPERATIONS_BY_NAME,
  type Operation,
  operationKey,
  RULES,
} from '../../api';
import { layerFiles } from '../../cli/commands/scaffold';
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
  // A rule written from the docs: the rules derived from the catalogue's own parameter and
  // response tables (api/rules/params.ts, responses.ts) come with any entry and say nothing more.
  rules: (op) => RULES.some((r) => !('derived' in r) && r.operations.includes(op.action)),
};

/** The operation's callable name (the action, but `LegacyCreateDiskReplicaPair`). */
const nameOf = (op: Operation) =>
  Object.entries(OPERATIONS_BY_NAME).find(([, o]) => operationKey(o) === operationKey(op))?.[0] ?? op.action;

/**
 * `StartInventedDrill (ebs:2021-07-30:StartInventedDrill) lacks a decision in the DECISIONS of its
 * model family (model/<family>.ts): add it to its family, or write model/start-invented-drill.ts
 * (ebs-conformance scaffold StartInventedDrill)`.
 */
export function missingLayers(ops: readonly Operation[]): string[] {
  return ops.flatMap((op) => {
    const files = layerFiles(nameOf(op));
    return (Object.keys(LAYERS) as Layer[])
      .filter((layer) => !HAS[layer](op) && !isExempt(op, layer))
      .map(
        (layer) =>
          `${op.action} (${operationKey(op)}) lacks ${LAYERS[layer]}: add it to its family, or write ${files[layer]} (ebs-conformance scaffold ${nameOf(op)})`,
      );
  });
}
