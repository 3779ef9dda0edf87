import type { Rule } from '../rule';
import { withCases } from './cases';
import { DISK_RULES } from './disks';
import { DRILL_RULES } from './drills';
import { GROUP_RULES } from './groups';
import { LEGACY_RULES } from './legacy';
import { PAIR_RULES } from './pairs';
import { PARAM_RULES } from './params';
import { PROTOCOL_RULES } from './protocol';
import { RESPONSE_RULES } from './responses';
import { TAG_RULES } from './tags';
import { TOKEN_RULES } from './tokens';

/** Every documented rule, by family. */
export const RULES: readonly Rule[] = [
  ...PAIR_RULES,
  ...GROUP_RULES,
  ...DRILL_RULES,
  ...TAG_RULES,
  ...DISK_RULES,
  ...TOKEN_RULES,
  ...LEGACY_RULES,
  ...PROTOCOL_RULES,
  ...PARAM_RULES,
  ...RESPONSE_RULES,
].map(withCases);

const byId = new Map(RULES.map((r) => [r.id, r]));

export const findRule = (id: string): Rule | undefined => byId.get(id);
