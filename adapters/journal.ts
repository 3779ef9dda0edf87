/**
 * The resource journal of a run against a real account: one JSON object per line, appended and
 * fsynced before the harness goes on, so a run killed at any instant (kill -9, a lost machine)
 * leaves a file that says what it may have created. The intent is written before the create call
 * (with its ClientToken), the ID as soon as the answer names it, and `gone` once it was deleted.
 * `sweep` reads it back; a torn last line (the crash hit mid-write) is skipped, never fatal.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { CREATED_KINDS } from '../api/resources';

/** The kinds a run creates (api/resources.ts). */
export const ResourceKind = z.enum(CREATED_KINDS);
export type ResourceKind = z.infer<typeof ResourceKind>;

const at = z.string();

export const JournalEntry = z.discriminatedUnion('t', [
  z.object({ t: z.literal('run'), runId: z.string(), at, endpoint: z.string().optional() }),
  z.object({
    t: z.literal('intent'),
    runId: z.string(),
    at,
    kind: ResourceKind,
    action: z.string(),
    region: z.string(),
    clientToken: z.string().optional(),
  }),
  z.object({
    t: z.literal('created'),
    runId: z.string(),
    at,
    kind: ResourceKind,
    id: z.string(),
    region: z.string(),
    clientToken: z.string().optional(),
  }),
  z.object({ t: z.literal('gone'), runId: z.string(), at, kind: ResourceKind, id: z.string() }),
]);
export type JournalEntry = z.infer<typeof JournalEntry>;

/** Distributes Omit over the union, so each entry keeps its own fields. */
type WithoutStamp<T> = T extends unknown ? Omit<T, 'at' | 'runId'> : never;
export type JournalRecord = WithoutStamp<JournalEntry>;

export interface Journal {
  readonly path: string;
  readonly runId: string;
  /** Appends one line and fsyncs it: when this returns, the line survives a crash. */
  write(entry: JournalRecord): void;
  close(): void;
}

export function openJournal(path: string, runId: string): Journal {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a');
  let open = true;
  return {
    path,
    runId,
    write(entry) {
      if (!open) return;
      const line = `${JSON.stringify({ ...entry, runId, at: new Date().toISOString() })}\n`;
      writeSync(fd, line);
      fsyncSync(fd);
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}

/** Every well-formed entry of a journal file; lines that do not parse are skipped. */
export function readJournal(path: string): JournalEntry[] {
  if (!existsSync(path)) return [];
  const entries: JournalEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = JournalEntry.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
  }
  return entries;
}

export interface JournalledResource {
  readonly runId: string;
  readonly kind: ResourceKind;
  readonly id: string;
  readonly region: string;
}

/** What a journal says may still exist: created and not yet seen gone, per run. */
export function outstanding(entries: readonly JournalEntry[]): {
  readonly runIds: readonly string[];
  readonly resources: readonly JournalledResource[];
} {
  const live = new Map<string, JournalledResource>();
  const runIds = new Set<string>();
  for (const e of entries) {
    runIds.add(e.runId);
    if (e.t === 'created') live.set(e.id, { runId: e.runId, kind: e.kind, id: e.id, region: e.region });
    if (e.t === 'gone') live.delete(e.id);
  }
  return { runIds: [...runIds], resources: [...live.values()] };
}
