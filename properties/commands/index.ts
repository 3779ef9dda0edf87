import type fc from 'fast-check';
import type { ModelBox } from '../command';
import type { RunSession } from '../session';
import { DISK_COMMANDS, DISK_WEIGHTS } from './disks';
import { DRILL_COMMANDS, DRILL_WEIGHTS } from './drills';
import { GROUP_COMMANDS, GROUP_WEIGHTS } from './groups';
import { LISTING_COMMANDS, LISTING_WEIGHTS } from './listings';
import { PAIR_COMMANDS, PAIR_WEIGHTS } from './pairs';
import { PARAM_VARIANT_COMMANDS, PARAM_VARIANT_WEIGHTS } from './param-variants';
import { PROTOCOL_COMMANDS, PROTOCOL_WEIGHTS } from './protocol';
import { REGION_COMMANDS, REGION_WEIGHTS } from './regions';
import { REPLAY_COMMANDS, REPLAY_WEIGHTS } from './replays';
import { SCENARIO_COMMANDS, SCENARIO_WEIGHTS } from './scenarios';
import { SECOND_CASE_COMMANDS, SECOND_CASE_WEIGHTS } from './second-cases';
import { TAG_COMMANDS, TAG_WEIGHTS } from './tags';
import { TRANSIENT_COMMANDS, TRANSIENT_WEIGHTS } from './transient';
import { VISIBILITY_COMMANDS, VISIBILITY_WEIGHTS } from './visibility';
import { WALK_COMMANDS, WALK_WEIGHTS } from './walks';

type Arb = fc.Arbitrary<fc.AsyncCommand<ModelBox, RunSession>>;

interface Family {
  readonly commands: Readonly<Record<string, unknown>>;
  readonly weights: Readonly<Record<string, number>>;
}

const family = <C extends Record<string, unknown>>(
  commands: C,
  weights: Record<keyof C, number>,
): Family => ({
  commands,
  weights,
});

/**
 * The command families, each with its own commands and how often each is drawn: a new command is
 * an entry in its family, a new family one line here. Disk creation and the pair life cycle
 * dominate so that a default run reaches the deep states (failovered, reversed and started again,
 * groups of several pairs, one-shot syncs, invalid pairs); listings and refusals come along. The
 * order is the order fast-check draws from, so a seed replays the same calls.
 */
const FAMILIES: readonly Family[] = [
  family(DISK_COMMANDS, DISK_WEIGHTS),
  family(PAIR_COMMANDS, PAIR_WEIGHTS),
  family(GROUP_COMMANDS, GROUP_WEIGHTS),
  family(LISTING_COMMANDS, LISTING_WEIGHTS),
  family(WALK_COMMANDS, WALK_WEIGHTS),
  family(VISIBILITY_COMMANDS, VISIBILITY_WEIGHTS),
  family(SCENARIO_COMMANDS, SCENARIO_WEIGHTS),
  family(DRILL_COMMANDS, DRILL_WEIGHTS),
  family(TAG_COMMANDS, TAG_WEIGHTS),
  family(TRANSIENT_COMMANDS, TRANSIENT_WEIGHTS),
  family(REGION_COMMANDS, REGION_WEIGHTS),
  family(PARAM_VARIANT_COMMANDS, PARAM_VARIANT_WEIGHTS),
  family(PROTOCOL_COMMANDS, PROTOCOL_WEIGHTS),
  family(SECOND_CASE_COMMANDS, SECOND_CASE_WEIGHTS),
  family(REPLAY_COMMANDS, REPLAY_WEIGHTS),
];

export function weightedCommands(): Arb[] {
  return FAMILIES.flatMap(({ commands, weights }) =>
    Object.entries(weights).flatMap(([k, n]) => Array.from({ length: n }, () => commands[k] as Arb)),
  );
}
