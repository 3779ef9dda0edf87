import type { OneSided, Rule } from '../rule';

// Rules the documentation gives one case only. Every other rule has an accepting and a refusing
// case, and a run that reaches one of them only is missing the other (the reports say so).
// Decided rule by rule from its source: a reason names what there is no other case of.

const accept = (because: string): OneSided => ({ only: 'accept', because });
const refuse = (because: string): OneSided => ({ only: 'refuse', because });

/** What an accepted call does or shows: its refusals are the rules of that call's conditions. */
const EFFECT = accept(
  'the effect of an accepted call (what it changes, what the next reads show); the refusals of the call are its other rules',
);
/** What an answer carries: every answer of the call is judged by it, none can be refused by it. */
const ANSWER = accept('what an answer shows (fields, rows, paging); no call is refused by it');
/** A filter's meaning: the listing is accepted with or without it. */
const FILTER = accept(
  'what a listing filter selects; the call is accepted either way and judged by its rows',
);
/** Both answers allowed by the docs: a target shows the one it chose, and that one judges it. */
const EITHER: OneSided = {
  only: 'either',
  because: 'the docs leave the answer open: the model allows both, and a target shows the one it chose',
};
/** A condition whose other side is a rule of its own. */
const complement = (only: 'accept' | 'refuse', other: string): OneSided => ({
  only,
  because: `its other case is stated as ${other}`,
});
/** A refusal of what does not exist or cannot be served: nothing of it can be accepted. */
const UNKNOWN = refuse('it names what does not exist or is not served; nothing it covers can be accepted');

export const ONE_SIDED: Readonly<Record<string, OneSided>> = {
  'PAIR.DESCRIBE.EMPTY_PAIR_IDS_ALL': FILTER,
  'PAIR.DESCRIBE.NEXT_TOKEN_WHEN_MORE': ANSWER,
  'PAIR.CREATE.STARTS_CREATED': EFFECT,
  'PAIR.EITHER_REGION': complement('accept', 'PAIR.VISIBLE_IN_OWN_REGIONS (a third region)'),
  'PAIR.VISIBLE_IN_OWN_REGIONS': complement('refuse', 'PAIR.EITHER_REGION (the region of either disk)'),
  'PAIR.START.INITIAL_FULL_SYNC': EFFECT,
  'PAIR.START.ONE_SHOT': EFFECT,
  'PAIR.STOP.SETTLES_STOPPED': EFFECT,
  'PAIR.MODIFY.UPDATES_FIELDS': EFFECT,
  'PAIR.FAILOVER.BEFORE_FIRST_SYNC': EITHER,
  'PAIR.FAILOVER.SETTLES_FAILOVERED': EFFECT,
  'PAIR.REPROTECT.REVERSES_DIRECTION': EFFECT,
  'PAIR.REPROTECT.NEEDS_NEW_START': EFFECT,
  'PAIR.REPROTECT.CANCEL_RESTORES_DIRECTION': EFFECT,
  'PAIR.DELETE.KEEPS_DISKS': EFFECT,
  'PAIR.DELETE.SETTLES_GONE': EFFECT,
  'PAIR.INVALID.DEVICE_REMOVED': EFFECT,
  'PAIR.STATUS_MESSAGE_SCOPE': ANSWER,
  'PAIR.DESCRIBE.SITE_PRODUCTION_DEFAULT': FILTER,
  'PAIR.DESCRIBE.SITE_BACKUP': FILTER,
  'PAIR.DESCRIBE.GROUP_FILTER': FILTER,
  'PAIR.DESCRIBE.FIELDS': ANSWER,
  'PAIR.DESCRIBE.TIMES_IN_SECONDS': ANSWER,
  'PAIR.PROGRESS.RECOVER_POINT_AFTER_START': ANSWER,
  'PAIR.PROGRESS.FULL_ONCE_NORMAL': ANSWER,
  'PAIR.PROGRESS.BELOW_100_WHILE_INITIAL_SYNCING': ANSWER,
  'PAIR.PROGRESS.NOT_DECREASING_IN_INITIAL_SYNC': ANSWER,
  'PAIR.RECOVER_POINT.WITHIN_RPO': ANSWER,
  'GROUP.CREATE.SETTLES_CREATED': EFFECT,
  'GROUP.ADD.GROUP_RPO_APPLIES': EFFECT,
  'GROUP.START.INITIAL_FULL_SYNC': EFFECT,
  'GROUP.REPROTECT.DIRECTION': EFFECT,
  'GROUP.OPS_ACT_ON_MEMBERS': EFFECT,
  'GROUP.MEMBER_FOLLOWS_GROUP': complement(
    'refuse',
    'GROUP.OPS_ACT_ON_MEMBERS (the member moves with its group)',
  ),
  'GROUP.DESCRIBE.FILTERS': FILTER,
  'GROUP.DESCRIBE.MEMBERS': ANSWER,
  'GROUP.CREATE.BANDWIDTH_NOT_OPEN': EITHER,
  'GROUP.MODIFY.BANDWIDTH_NOT_OPEN': EITHER,
  'PAIR.MODIFY.BANDWIDTH_NOT_OPEN': EITHER,
  'DRILL.PAIR.START.WHILE_REPLICATING': complement(
    'accept',
    'DRILL.PAIR.START.OTHER_STATUSES and DRILL.PAIR.START.NEEDS_RECOVER_POINT',
  ),
  'DRILL.PAIR.START.EXECUTES': EFFECT,
  'DRILL.PAIR.START.OTHER_STATUSES': EITHER,
  'DRILL.PAIR.START.ONE_AT_A_TIME': EITHER,
  'DRILL.PAIR.DESCRIBE.FIELDS': ANSWER,
  'DRILL.PAIR.DESCRIBE.EITHER_REGION': complement(
    'accept',
    'DRILL.PAIR.UNKNOWN (a region holding neither site)',
  ),
  'DRILL.PAIR.DESCRIBE.DRILL_ID_FILTER': FILTER,
  'DRILL.PAIR.CLEAR.REMOVES': EFFECT,
  'DRILL.PAIR.UNKNOWN': UNKNOWN,
  'DRILL.GROUP.START.WHILE_REPLICATING': complement(
    'accept',
    'DRILL.GROUP.START.OTHER_STATUSES and DRILL.GROUP.START.NEEDS_RECOVER_POINT',
  ),
  'DRILL.GROUP.START.EXECUTES': EFFECT,
  'DRILL.GROUP.START.OTHER_STATUSES': EITHER,
  'DRILL.GROUP.START.ONE_AT_A_TIME': EITHER,
  'DRILL.GROUP.DESCRIBE.FIELDS': ANSWER,
  'DRILL.GROUP.DESCRIBE.EITHER_REGION': complement(
    'accept',
    'DRILL.GROUP.UNKNOWN (a region holding neither site)',
  ),
  'DRILL.GROUP.DESCRIBE.DRILL_ID_FILTER': FILTER,
  'DRILL.GROUP.CLEAR.REMOVES': EFFECT,
  'DRILL.GROUP.UNKNOWN': UNKNOWN,
  'TAG.BIND.VISIBLE': EFFECT,
  'TAG.BIND.NEW_VALUE': EFFECT,
  'TAG.UNBIND.BY_KEY': EFFECT,
  'TAG.UNBIND.ALL': EFFECT,
  'TAG.UNBIND.ALL_ONLY_WITHOUT_KEYS': EFFECT,
  'TAG.UNBIND.NOTHING_NAMED': EITHER,
  'TAG.LIST.BY_RESOURCE': FILTER,
  'TAG.LIST.BY_TAG': FILTER,
  'TAG.LIST.BOTH_FILTERS': FILTER,
  'TAG.CREATE.BINDS': EFFECT,
  'TAG.DESCRIBE.FILTER': FILTER,
  'TAG.DESCRIBE.RESOURCE_GROUP_FILTER': FILTER,
  'DISK.CREATE.DEFAULTS': EFFECT,
  'DISK.CREATE.WITH_INSTANCE': EFFECT,
  'DISK.DELETE.MISSING_IS_IGNORED': EFFECT,
  'DISK.DESCRIBE.REGION_SCOPE': FILTER,
  'DISK.DESCRIBE.FILTERS': FILTER,
  'DISK.DESCRIBE.FIELDS': ANSWER,
  'DISK.DESCRIBE.MAX_RESULTS_RANGE': EITHER,
  'DISK.UNKNOWN_ID': UNKNOWN,
  'PARAM.ECS.CREATE_DISK.STORAGE_SET_PARTITION_NUMBER.INTEGER': refuse(
    'it counts the partitions of the storage set StorageSetId names, and the emulated world holds no storage set: no call can hold one and be accepted',
  ),
  'DISK.UNKNOWN_INSTANCE': UNKNOWN,
  'TOKEN.SAME_PARAMS_SAME_RESULT': EFFECT,
  'TOKEN.PER_ACTION': EFFECT,
  'TOKEN.SIGNATURE_PARAMS_IGNORED': EFFECT,
  'TOKEN.ONLY_SUCCESS_REMEMBERED': EFFECT,
  'TOKEN.OTHER_PARAMS_MISMATCH': complement('refuse', 'TOKEN.SAME_PARAMS_SAME_RESULT (the same parameters)'),
  'LEGACY.CREATE.RETURNS_PAIR_ID': EFFECT,
  'LEGACY.CREATE.NEEDS_START': EFFECT,
  'PROTO.ID_FORMAT': ANSWER,
  'PROTO.SUCCESS_HAS_REQUEST_ID': ANSWER,
  'PROTO.DESCRIBE_IS_PROJECTION': ANSWER,
  'PROTO.REGIONS_EAR': ANSWER,
  'PROTO.UNKNOWN_ACTION': UNKNOWN,
  'PROTO.UNKNOWN_PAIR': UNKNOWN,
  'PROTO.UNKNOWN_GROUP': UNKNOWN,
  'PROTO.MISSING_REQUIRED': refuse(
    'it states how a missing parameter is refused; a call holding it is judged by the parameter rules',
  ),
  'PROTO.LEGACY_ERRORS': refuse(
    'it states the codes the legacy create refuses with; an accepted one is judged by the LEGACY.CREATE rules',
  ),
  'PROTO.INVALID_VALUE': refuse(
    'it states how a malformed value is refused; a well-formed one is judged by the parameter rules',
  ),
};

/** Response-field rules (responses.ts) judge what answers carry: the same one case as ANSWER. */
const RESPONSE_FIELD = /^RESP\./;

/** The rule with its one documented case, when it has one only. */
export const withCases = (r: Rule): Rule => {
  const cases = ONE_SIDED[r.id] ?? (RESPONSE_FIELD.test(r.id) ? ANSWER : undefined);
  return cases ? { ...r, cases } : r;
};
