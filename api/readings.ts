import { ebsDoc } from './operations/common';
import {
  CREATE_PAIR_GUIDE_DOC,
  IDEMPOTENCE_DOC,
  IDEMPOTENCE_ZH_DOC,
  REPLICATION_LIMITS_DOC,
} from './rules/sources';
import { TAG_CALLS } from './rules/tags';
import { TOKEN_ACTIONS } from './rules/tokens';

/**
 * Readings: points where the documentation (or the documentation and the evidence of client code
 * run against the real service) allows more than one behaviour. Each has a stable ID and its
 * alternatives, each alternative citing where it comes from. The model allows every alternative
 * until a target shows one; the emulator plays the one the evidence favours unless told otherwise.
 *
 * Sources are citation strings, never copied prose: `<doc URL> § <where on the page>` or
 * `evidence: <owner/repo>/<path>` for code that runs against the real service.
 */
export interface ReadingAlternative {
  /** Stable, lower-case, as given on the command line (`--reading ID=<this>`). */
  readonly id: string;
  /** The behaviour, in one line. */
  readonly statement: string;
  readonly sources: readonly [string, ...string[]];
}

export interface Reading {
  /** Stable, lower-case kebab case (`--reading <this>=VALUE`). */
  readonly id: string;
  /** The open question, in one line. */
  readonly question: string;
  /** Actions whose answers can show the target's choice. */
  readonly operations: readonly string[];
  /** Rules whose statement this reading qualifies. */
  readonly rules: readonly string[];
  readonly alternatives: readonly [ReadingAlternative, ReadingAlternative, ...ReadingAlternative[]];
  /** The alternative the evidence favours: the emulator's default. */
  readonly favoured: string;
  /** Why that one, in one line. */
  readonly favouredBecause: string;
}

const doc = (url: string, where: string) => `${url} § ${where}`;
const evidence = (repoPath: string) => `evidence: ${repoPath}`;

const TF = 'aliyun/terraform-provider-alicloud/alicloud';
const GO_SDK = 'aliyun/alibabacloud-go-sdk/ebs-20210730/client';
const TF_PAIR_TEST = evidence(`${TF}/resource_alicloud_ebs_disk_replica_pair_test.go`);
const TF_PAIR_DOC = evidence(
  'aliyun/terraform-provider-alicloud/website/docs/r/ebs_disk_replica_pair.html.markdown',
);
const TF_GROUP = evidence(`${TF}/resource_alicloud_ebs_disk_replica_group.go`);
const TF_GROUP_TEST = evidence(`${TF}/resource_alicloud_ebs_disk_replica_group_test.go`);

const CREATE_PAIR = 'CreateDiskReplicaPair';
const DELETE_PAIR = 'DeleteDiskReplicaPair';
const DESCRIBE_PAIRS = 'DescribeDiskReplicaPairs';
const DESCRIBE_GROUPS = 'DescribeDiskReplicaGroups';
const CREATE_GROUP = 'CreateDiskReplicaGroup';
const FAILOVER_GROUP = 'FailoverDiskReplicaGroup';

const alt = (id: string, statement: string, ...sources: [string, ...string[]]): ReadingAlternative => ({
  id,
  statement,
  sources,
});

export const READINGS = [
  {
    id: 'pair-listing',
    question: 'Which pairs does DescribeDiskReplicaPairs list in a region?',
    operations: [DESCRIBE_PAIRS],
    rules: ['PAIR.DESCRIBE.SITE_PRODUCTION_DEFAULT', 'PAIR.DESCRIBE.SITE_BACKUP'],
    alternatives: [
      alt(
        'site',
        'Those whose initial site selected by Site (production unless given) is in the region.',
        doc(ebsDoc(DESCRIBE_PAIRS), 'Request parameters: Site'),
      ),
      alt(
        'either-disk',
        'Every pair with its primary or its secondary disk in the region, whatever Site says.',
        doc(ebsDoc(DESCRIBE_PAIRS), 'Description'),
        evidence(`${GO_SDK}/client.go (DescribeDiskReplicaPairs usage note)`),
      ),
    ],
    favoured: 'site',
    favouredBecause:
      'the parameter text is the more specific statement; no client code shows a pair listed at both sites',
  },
  {
    id: 'create-pair-region',
    question: "Which region does CreateDiskReplicaPair's RegionId name?",
    operations: [CREATE_PAIR],
    rules: ['PAIR.CREATE.LOCATION_MATCHES_DISKS'],
    alternatives: [
      alt(
        'primary',
        "The primary disk's region (DestinationRegionId names the secondary's).",
        doc(ebsDoc(CREATE_PAIR), 'Request parameters: RegionId, DestinationRegionId'),
      ),
      alt(
        'destination',
        "The secondary disk's region: the call is made where the copy will live.",
        doc(ebsDoc(CREATE_PAIR), 'Request parameters: RegionId'),
      ),
    ],
    favoured: 'primary',
    favouredBecause:
      'DestinationRegionId names the secondary region, so RegionId is the other one; no client code read tells them apart',
  },
  {
    id: 'same-region-cross-zone',
    question: 'May a pair or group replicate between two zones of one region?',
    operations: [CREATE_PAIR, CREATE_GROUP, 'AddDiskReplicaPair'],
    rules: ['PAIR.CREATE.SECONDARY_ELSEWHERE', 'GROUP.CREATE.SITES'],
    alternatives: [
      alt(
        'allowed',
        'Yes: another zone of the same region is a valid secondary site.',
        doc(ebsDoc(CREATE_GROUP), 'Description'),
        doc(CREATE_PAIR_GUIDE_DOC, 'Background'),
        TF_PAIR_TEST,
        TF_GROUP_TEST,
      ),
      alt(
        'refused',
        'No: the secondary must be in another region.',
        doc(ebsDoc(CREATE_PAIR), 'Description: the secondary region'),
      ),
    ],
    favoured: 'allowed',
    favouredBecause: 'the acceptance tests create same-region, cross-zone pairs and groups',
  },
  {
    id: 'encrypted-disks',
    question: 'Can encrypted disks form a pair?',
    operations: [CREATE_PAIR],
    rules: ['PAIR.CREATE.UNENCRYPTED'],
    alternatives: [
      alt('allowed', 'Yes: encrypted ESSDs pair like any other ESSD.', TF_PAIR_TEST, TF_PAIR_DOC),
      alt(
        'refused',
        'No: an encrypted primary or secondary disk is refused.',
        doc(CREATE_PAIR_GUIDE_DOC, 'Prerequisites'),
      ),
    ],
    favoured: 'allowed',
    favouredBecause: 'the official example and the pair acceptance test pair two encrypted ESSDs',
  },
  {
    id: 'delete-created-pair',
    question: 'Can a pair still in created (never started) be deleted?',
    operations: [DELETE_PAIR],
    rules: ['PAIR.DELETE.ALLOWED_STATUSES'],
    alternatives: [
      alt(
        'allowed',
        'Yes: created and create_failed pairs are deleted like stopped ones.',
        doc(ebsDoc('DeleteDiskReplicaGroup'), 'Description'),
        TF_PAIR_TEST,
      ),
      alt(
        'refused',
        'No: only stopped, invalid and failovered pairs can be deleted.',
        doc(ebsDoc(DELETE_PAIR), 'Description'),
      ),
    ],
    favoured: 'allowed',
    favouredBecause: 'the acceptance tests delete created pairs (PREPAY and POSTPAY) without stopping them',
  },
  {
    id: 'postpay-bandwidth',
    question: 'What happens when Bandwidth is given with ChargeType POSTPAY?',
    operations: [CREATE_PAIR],
    rules: ['PAIR.CREATE.POSTPAY_BANDWIDTH'],
    alternatives: [
      alt(
        'refused',
        'The call is refused: Bandwidth cannot be set for pay-as-you-go.',
        doc(ebsDoc(CREATE_PAIR), 'Request parameters: Bandwidth'),
      ),
      alt(
        'zero',
        'The call succeeds and the pair reports Bandwidth 0 (dynamic), the value given being ignored.',
        doc(ebsDoc(CREATE_PAIR), 'Request parameters: Bandwidth'),
      ),
    ],
    favoured: 'refused',
    favouredBecause:
      'the parameter text says it cannot be set; the client code read never sends it with POSTPAY',
  },
  {
    id: 'empty-group-pair-ids',
    question: 'How does DescribeDiskReplicaGroups show a group with no pairs?',
    operations: [DESCRIBE_GROUPS],
    rules: ['GROUP.DESCRIBE.MEMBERS'],
    alternatives: [
      alt(
        'absent',
        'PairIds is left out (and PairNumber may be too).',
        evidence(`${GO_SDK}/describe_disk_replica_groups_response_model.go`),
        TF_GROUP,
      ),
      alt(
        'empty-list',
        'PairIds is an empty list and PairNumber is 0.',
        doc(ebsDoc(DESCRIBE_GROUPS), 'Response: PairIds, PairNumber'),
      ),
    ],
    favoured: 'absent',
    favouredBecause:
      'Terraform waits until PairIds appears after AddDiskReplicaPair and reads it only when set',
  },
  {
    id: 'token-walk-paging-fields',
    question: 'Does a page of a NextToken walk carry PageNumber, PageSize and TotalCount?',
    operations: [DESCRIBE_PAIRS, DESCRIBE_GROUPS],
    rules: ['PAIR.DESCRIBE.TOKEN_PAGING'],
    alternatives: [
      alt(
        'absent',
        'No: a token page carries NextToken only; TotalCount is not valid there.',
        doc(ebsDoc(DESCRIBE_PAIRS), 'Request parameters: NextToken'),
        evidence(`${GO_SDK}/describe_disk_replica_pairs_response_model.go`),
        evidence('aliyun/alibabacloud-go-sdk/ebs-20210730/ChangeLog.txt'),
      ),
      alt(
        'present',
        'Yes: every page carries PageNumber, PageSize and TotalCount as a numbered page does.',
        doc(ebsDoc(DESCRIBE_PAIRS), 'Response parameters'),
      ),
    ],
    favoured: 'absent',
    favouredBecause:
      'the SDK models hold the fields optional (added in 2022) and the docs call TotalCount invalid there',
  },
  {
    id: 'group-calls-in-dr-region',
    question:
      'Are Modify, Start, Stop, Add and Remove of a group served in the region of its disaster-recovery site?',
    operations: [
      'ModifyDiskReplicaGroup',
      'StartDiskReplicaGroup',
      'StopDiskReplicaGroup',
      'AddDiskReplicaPair',
      'RemoveDiskReplicaPair',
    ],
    rules: ['GROUP.IN_GROUP_REGION'],
    alternatives: [
      alt(
        'accepted',
        'Yes: a group is known in the regions of both its sites, as a pair is.',
        doc(ebsDoc('StartDiskReplicaPair'), 'Request parameters: RegionId'),
        doc(ebsDoc(DESCRIBE_GROUPS), 'Request parameters: Site'),
      ),
      alt(
        'refused',
        'No: RegionId is the region the group belongs to, its production site; elsewhere it is unknown.',
        doc(ebsDoc(CREATE_GROUP), 'Request parameters: RegionId'),
        doc(ebsDoc('StartDiskReplicaGroup'), 'Request parameters: RegionId'),
      ),
    ],
    favoured: 'accepted',
    favouredBecause:
      'groups are listed at both sites (Site=backup) as pairs are, and pair calls are served at either site',
  },
  {
    id: 'essd-autopl-pairs',
    question: 'Can ESSD AutoPL disks (cloud_auto) form a pair, as ESSDs do?',
    operations: [CREATE_PAIR],
    rules: ['PAIR.CREATE.ESSD_ONLY', 'LEGACY.CREATE.DISK_STATUS'],
    alternatives: [
      alt(
        'allowed',
        'Yes: an AutoPL primary pairs with an AutoPL secondary of the same size.',
        doc(REPLICATION_LIMITS_DOC, 'Primary disks'),
      ),
      alt(
        'refused',
        'No: async replication supports ESSD (cloud_essd) only; any other category is refused.',
        doc(ebsDoc(CREATE_PAIR), 'Description'),
      ),
    ],
    favoured: 'allowed',
    favouredBecause: 'the limits page is the newer text and names AutoPL beside ESSD',
  },
  {
    id: 'group-first-sync',
    question:
      'Which full sync lets a group fail over: one the group ran itself, or every member having copied its disk once?',
    operations: ['FailoverDiskReplicaGroup'],
    rules: ['GROUP.FAILOVER.AFTER_FIRST_SYNC'],
    alternatives: [
      alt(
        'members',
        'Every member pair has completed a full copy to the disaster-recovery site, in this group or as a pair before it joined; a member that never copied holds the group back.',
        doc(ebsDoc(FAILOVER_GROUP), 'Description'),
        doc(ebsDoc('FailoverDiskReplicaPair'), 'Description'),
      ),
      alt(
        'group',
        "The group itself has completed the full copy its first Start begins; a member's earlier copy as a lone pair does not count, and a member added later does not undo it.",
        doc(ebsDoc(FAILOVER_GROUP), 'Description'),
        doc(ebsDoc('StartDiskReplicaGroup'), 'Description'),
      ),
    ],
    favoured: 'members',
    favouredBecause:
      'the sentence asks for data copied from the production to the disaster-recovery site, which is copied disk by disk; no client code read tells the two apart',
  },
  {
    id: 'bandwidth-not-open',
    question:
      'What does a call do with Bandwidth where the docs say the parameter is not open for use yet (CreateDiskReplicaGroup, the Modify calls)?',
    operations: [CREATE_GROUP, 'ModifyDiskReplicaPair', 'ModifyDiskReplicaGroup'],
    rules: [
      'GROUP.CREATE.BANDWIDTH_NOT_OPEN',
      'GROUP.MODIFY.BANDWIDTH_NOT_OPEN',
      'PAIR.MODIFY.BANDWIDTH_NOT_OPEN',
    ],
    alternatives: [
      alt(
        'preset',
        'The call is accepted and the value ignored: the pair or group keeps reporting the preset bandwidth.',
        doc(ebsDoc(CREATE_GROUP), 'Request parameters: Bandwidth'),
        doc(ebsDoc(DESCRIBE_GROUPS), 'Response parameters: Bandwidth'),
      ),
      alt(
        'refused',
        'The call is refused as an invalid parameter: the parameter is not open.',
        doc(ebsDoc('ModifyDiskReplicaPair'), 'Request parameters: Bandwidth'),
      ),
    ],
    favoured: 'preset',
    favouredBecause:
      'the parameter stays in each request schema with an example value, and the listing says the value it returns is preset by the system',
  },
  {
    id: 'tag-filter-empty-value',
    question:
      'Does a Tag filter of the Describe calls with an empty Value match its key with any value, or only with an empty one?',
    operations: [DESCRIBE_PAIRS, DESCRIBE_GROUPS, 'DescribeDisks'],
    rules: ['TAG.DESCRIBE.FILTER'],
    alternatives: [
      alt(
        'any-value',
        'Any value: an empty Value filters by the key alone, as a Tag.N with no Value does.',
        doc(ebsDoc(DESCRIBE_PAIRS), 'Request parameters: Tag'),
        doc(ebsDoc(DESCRIBE_GROUPS), 'Request parameters: Tag'),
      ),
      alt(
        'empty-only',
        'Only an empty value: the filter lists resources whose tag of that key has the value "".',
        doc(ebsDoc(CREATE_PAIR), 'Request parameters: Tag.N.Value (a tag value may be empty)'),
      ),
    ],
    favoured: 'any-value',
    favouredBecause:
      'a client that sends every field of a key-only filter sends Value as an empty string on the wire, and the pages describe filtering by key',
  },
  {
    id: 'client-token-scope',
    question: 'Is a ClientToken remembered for the action it came with, or for every action of the API?',
    operations: TOKEN_ACTIONS,
    rules: ['TOKEN.PER_ACTION', 'TOKEN.OTHER_PARAMS_MISMATCH'],
    alternatives: [
      alt(
        'per-action',
        'For its action: the same token on another action is a new token, and that call runs as any other.',
        doc(IDEMPOTENCE_DOC, 'Same token, same parameters (a repeat of one request)'),
      ),
      alt(
        'per-api',
        'For the whole API: another action with a token an accepted call bound is a reuse with other parameters (IdempotentParameterMismatch).',
        doc(IDEMPOTENCE_DOC, 'ClientToken (unique among requests)'),
        doc(IDEMPOTENCE_DOC, 'Same token, different parameters'),
      ),
    ],
    favoured: 'per-action',
    favouredBecause:
      'the page speaks of submitting one request again, and no client code read sends one token with two actions',
  },
  {
    id: 'refused-call-token',
    question: 'Does a call the service refused keep its ClientToken, as an accepted one does?',
    operations: TOKEN_ACTIONS,
    rules: ['TOKEN.ONLY_SUCCESS_REMEMBERED', 'TOKEN.OTHER_PARAMS_MISMATCH'],
    alternatives: [
      alt(
        'forgotten',
        'No: after a refusal the token is free, and a later call with it runs as a new one.',
        doc(IDEMPOTENCE_DOC, 'Same token, same parameters (the result of a successful submission)'),
      ),
      alt(
        'kept',
        'Yes, for a refusal the state of a resource caused: the same call again gets that refusal, another call with the token IdempotentParameterMismatch.',
        doc(IDEMPOTENCE_ZH_DOC, 'after a failed creation, change ClientToken before retrying'),
        doc(IDEMPOTENCE_DOC, 'Same token, different parameters'),
      ),
    ],
    favoured: 'forgotten',
    favouredBecause:
      'the page describes repeating a submission that succeeded; the advice to change the token after a failure reads as caution, not as a rule',
  },
  {
    id: 'tag-calls-in-backup-region',
    question: 'Do the tag calls find a pair or group in the region of its disaster-recovery site?',
    operations: TAG_CALLS,
    rules: ['TAG.UNKNOWN_RESOURCE'],
    alternatives: [
      alt(
        'unknown',
        'No: RegionId is the region the resource belongs to, the one it was created in (its production site); elsewhere it is not found.',
        doc(ebsDoc(CREATE_PAIR), 'Request parameters: RegionId'),
        // The three tag pages say the same of RegionId.
        ...TAG_CALLS.map((action) => doc(ebsDoc(action), 'Request parameters: RegionId')),
      ),
      alt(
        'found',
        'Yes: a pair or group is known in the regions of both its sites, as the pair calls and the listings (Site=backup) know it.',
        doc(ebsDoc(DESCRIBE_PAIRS), 'Request parameters: Site'),
        doc(ebsDoc('StartDiskReplicaPair'), 'Request parameters: RegionId'),
      ),
    ],
    favoured: 'unknown',
    favouredBecause:
      'the tag pages call RegionId the region the resource belongs to, and a pair or group is created in its production region',
  },
] as const satisfies readonly Reading[];

/**
 * The refusals reading refused-call-token is about: those the state of a resource caused (an
 * operation denied, a status that does not allow it), which a repeat of the call meets again.
 * Whether any other refusal keeps its token is left open without a reading: either answer passes.
 */
export const refusedForState = (code: string): boolean =>
  code.startsWith('OperationDenied') || /^Incorrect[A-Za-z]*Status/.test(code);

export type ReadingId = (typeof READINGS)[number]['id'];
type ReadingOf<I extends ReadingId> = Extract<(typeof READINGS)[number], { id: I }>;
/** The alternative IDs of one reading. */
export type AlternativeId<I extends ReadingId> = ReadingOf<I>['alternatives'][number]['id'];
/** One chosen alternative per reading. */
export type ReadingChoices = { readonly [I in ReadingId]: AlternativeId<I> };

const byId = new Map<string, Reading>(READINGS.map((r) => [r.id, r]));

export const findReading = (id: string): Reading | undefined => byId.get(id);

/** The alternative the evidence favours, for every reading. */
export const FAVOURED_READINGS = Object.fromEntries(
  READINGS.map((r) => [r.id, r.favoured]),
) as unknown as ReadingChoices;

/** A `--reading` value that names no reading or no alternative of it. */
export class ReadingChoiceError extends Error {
  override readonly name = 'ReadingChoiceError';
}

/**
 * Parses `ID=VALUE` (as given to `--reading`) into the reading and its alternative. Errors name
 * what was wrong and list what is known, so a typo is fixed from the message alone.
 */
export function parseReadingChoice(text: string): { readonly id: ReadingId; readonly value: string } {
  const eq = text.indexOf('=');
  if (eq < 0) throw new ReadingChoiceError(`expected ID=VALUE, got "${text}"`);
  const id = text.slice(0, eq).trim();
  const value = text.slice(eq + 1).trim();
  const reading = byId.get(id);
  if (!reading) {
    throw new ReadingChoiceError(`unknown reading "${id}"; known: ${READINGS.map((r) => r.id).join(', ')}`);
  }
  const values = reading.alternatives.map((a) => a.id);
  if (!values.includes(value)) {
    throw new ReadingChoiceError(
      `reading ${id} has no alternative "${value}"; choose one of: ${values.join(', ')}`,
    );
  }
  return { id: id as ReadingId, value };
}

/**
 * Several `ID=VALUE` choices over a base (default: the favoured alternatives). The same reading
 * given twice with different values is an error rather than last-one-wins.
 */
export function readingChoices(
  texts: readonly string[],
  base: ReadingChoices = FAVOURED_READINGS,
): ReadingChoices {
  const chosen = new Map<string, string>();
  for (const text of texts) {
    const { id, value } = parseReadingChoice(text);
    const before = chosen.get(id);
    if (before !== undefined && before !== value) {
      throw new ReadingChoiceError(`reading ${id} given twice: ${before} and ${value}`);
    }
    chosen.set(id, value);
  }
  return { ...base, ...Object.fromEntries(chosen) } as ReadingChoices;
}

/** `{ id: value }` as the `ID=VALUE` texts `--reading` takes (the inverse of readingChoices). */
export const readingTexts = (chosen: Partial<ReadingChoices>): string[] =>
  Object.entries(chosen)
    .filter(([, value]) => value !== undefined)
    .map(([id, value]) => `${id}=${value}`);

/** One answer that showed a reading's alternative: the choice, and the call as the log names it. */
export interface ReadingShown {
  readonly choice: string;
  readonly exchange: string;
}

/**
 * A target that showed one alternative and then another (in one run, or in two lanes of one run):
 * the finding, worded once for the session and for merged records.
 */
export function readingInconsistency(id: string, first: ReadingShown, then: ReadingShown) {
  return {
    title: `inconsistent-reading ${id}: the target answered ${first.choice}, then ${then.choice}`,
    operation: then.exchange.split('(')[0] ?? then.exchange,
    rules: [...(findReading(id)?.rules ?? [])],
    expected: `${id}=${first.choice}, as ${first.exchange} showed`,
    received: `${id}=${then.choice} in ${then.exchange}`,
  };
}
