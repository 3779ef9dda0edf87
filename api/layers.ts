import { operationKey } from './operation';

/**
 * The layers every operation of the catalogue is expected to have, and where each one lives. The
 * completeness test (tests/architecture/completeness.test.ts) fails, naming the file, for an
 * operation that lacks one and has no exemption below.
 */
export const LAYERS = {
  model: 'a decision in the DECISIONS of its model family (model/<family>.ts)',
  emulator: 'a handler in the ROUTES of its emulator family (emulator/service/<family>.ts)',
  commands: 'a command issuing it in properties/commands/<family>.ts (with a weight in its _WEIGHTS)',
  rules: 'a rule naming it in api/rules/<family>.ts',
} as const;

export type Layer = keyof typeof LAYERS;

export interface Exemption {
  readonly layers: readonly Layer[];
  /** Why the operation does without them: read in review, shown by the completeness test. */
  readonly why: string;
}

/**
 * Operations that deliberately lack a layer, keyed by `product:version:action`. The model judges
 * an operation without a decision only when it is exempt here from `model`: any documented
 * answer then satisfies it.
 */
export const EXEMPTIONS: Readonly<Record<string, Exemption>> = {
  'ecs:2014-05-26:DescribeInstances': {
    layers: ['model', 'commands', 'rules'],
    why: 'Only read to learn the world (the instances disks attach to); the harness judges no behaviour of it.',
  },
};

export const isExempt = (op: Parameters<typeof operationKey>[0], layer: Layer): boolean =>
  EXEMPTIONS[operationKey(op)]?.layers.includes(layer) ?? false;
