import fc from 'fast-check';
import { CallCommand, type Plan } from '../command';
import { coupleDisk } from './disks';
import {
  cap,
  createGroup,
  createPair,
  diskOfLatestPair,
  drillCall,
  membership,
  onLatest,
  type Subject,
} from './scenarios';
import { ECS, label, pairs, variant, withVariant } from './toolkit';

// Rare commands that reach the case of a rule the other draws meet one way only: each is a short
// story whose every call is a checked step, drawn about once a sequence in a deep run.

/** `plan` with more parameters, shown in its label. */
const withParams =
  (plan: Plan, extra: Readonly<Record<string, unknown>>, shown: string): Plan =>
  (s) => {
    const planned = plan(s);
    return (
      planned && {
        ...planned,
        call: { ...planned.call, params: { ...planned.call.params, ...extra } },
        label: `${planned.label} ${shown}`,
      }
    );
  };

/**
 * A token of the documented most characters (64), distinct per command and step: an accepted
 * call holds ClientToken at its length bound and never replays another call's token.
 */
const longToken = (n: number, step: string) => ({ ClientToken: `${step}-${n}`.padStart(64, 'k') });

export const couple = fc.record({
  from: fc.nat(),
  to: fc.nat(),
  zone: fc.nat(),
  size: fc.constantFrom(20, 40),
});

/** Deletes the primary disk of the latest pair (attached: DISK.DELETE.AVAILABLE refuses it). */
const deletePrimary: Plan = (s) => {
  const disk = s.disks[pairs(s).at(-1)?.primary.diskId ?? ''];
  return (
    disk && {
      call: { ...ECS, action: 'DeleteDisk', params: { DiskId: disk.id } },
      region: disk.regionId,
      label: label('DeleteDisk', 'the primary disk of the last pair'),
    }
  );
};

/**
 * A failed-over pair (or group of one) whose primary disk is attached: attaching it again,
 * deleting it and reprotecting are refused (DISK.ATTACH.AVAILABLE, DISK.DELETE.AVAILABLE,
 * PAIR/GROUP.REPROTECT.PRIMARY_DETACHED); once it is detached the Reprotect goes through with the
 * longest token, then a rename, and the pair (or the group, once it gave its member back) is
 * deleted, each with the longest token too.
 */
const subject = fc.constantFrom<Subject>('pair', 'group');

const attachedPrimary = fc.record({ subject, couple, n: fc.nat(), variant }).map((g) => {
  const { subject } = g;
  const name = cap(subject);
  const steps = [
    coupleDisk(g.couple, 0),
    coupleDisk(g.couple, 1),
    createPair,
    ...(subject === 'group' ? [createGroup, membership('AddDiskReplicaPair', 1, longToken(g.n, 'add'))] : []),
    onLatest(subject, `StartDiskReplica${name}`, 'source', longToken(g.n, 'start')),
    onLatest(subject, `FailoverDiskReplica${name}`, 'destination', longToken(g.n, 'failover')),
    diskOfLatestPair('primary', 'AttachDisk'),
    // Attached already: a second attach is refused too (DISK.ATTACH.AVAILABLE).
    diskOfLatestPair('primary', 'AttachDisk'),
    deletePrimary,
    onLatest(subject, `ReprotectDiskReplica${name}`, 'destination'),
    diskOfLatestPair('primary', 'DetachDisk'),
    onLatest(subject, `ReprotectDiskReplica${name}`, 'destination', longToken(g.n, 'reprotect')),
    onLatest(subject, `ModifyDiskReplica${name}`, 'source', {
      [subject === 'pair' ? 'PairName' : 'GroupName']: 'reprotected',
      ...longToken(g.n, 'modify'),
    }),
    // Then deleted, the group once empty.
    ...(subject === 'group' ? [membership('RemoveDiskReplicaPair')] : []),
    onLatest(subject, `DeleteDiskReplica${name}`, 'source', longToken(g.n, 'delete')),
  ].map(withVariant(g.variant));
  const [first, ...then] = steps as [Plan, ...Plan[]];
  return new CallCommand('AttachedPrimary', g, first, ...then);
});

/**
 * Two creates that differ only in the letter case of their token: two calls, both accepted
 * (TOKEN.CASE_SENSITIVE), where one token would have replayed the first.
 */
const tokenCase = fc.record({ couple, n: fc.nat(), variant }).map((g) => {
  const token = `case-${g.n}`;
  const steps = [
    withParams(coupleDisk(g.couple, 0), { ClientToken: token }, token),
    withParams(coupleDisk(g.couple, 0), { ClientToken: token.toUpperCase() }, token.toUpperCase()),
  ].map(withVariant(g.variant));
  const [first, ...then] = steps as [Plan, ...Plan[]];
  return new CallCommand('TokenCase', g, first, ...then);
});

/**
 * A fresh pair (or group of one) started, stopped, started again and drilled, every call with the
 * longest token.
 */
const longTokenDrill = fc.record({ subject, couple, n: fc.nat(), variant }).map((g) => {
  const name = cap(g.subject);
  const steps = [
    coupleDisk(g.couple, 0),
    coupleDisk(g.couple, 1),
    createPair,
    ...(g.subject === 'group' ? [createGroup, membership('AddDiskReplicaPair')] : []),
    onLatest(g.subject, `StartDiskReplica${name}`, 'source', longToken(g.n, 'start')),
    onLatest(g.subject, `StopDiskReplica${name}`, 'source', longToken(g.n, 'stop')),
    onLatest(g.subject, `StartDiskReplica${name}`, 'source', longToken(g.n, 'restart')),
    drillCall(g.subject, 'start', longToken(g.n, 'drill')),
  ].map(withVariant(g.variant));
  const [first, ...then] = steps as [Plan, ...Plan[]];
  return new CallCommand('LongTokenDrill', g, first, ...then);
});

export const SECOND_CASE_COMMANDS = { attachedPrimary, tokenCase, longTokenDrill };

/** Rare: about one in a hundred commands each (properties/commands/index.ts gathers the families). */
export const SECOND_CASE_WEIGHTS = {
  attachedPrimary: 1,
  tokenCase: 1,
  longTokenDrill: 1,
} satisfies Record<keyof typeof SECOND_CASE_COMMANDS, number>;
