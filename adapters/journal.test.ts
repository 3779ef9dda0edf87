import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal, outstanding, readJournal } from './journal';

describe('the resource journal', () => {
  it('reads back what was written, skipping a line torn by a crash', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'journal-')), 'sub', 'j.jsonl');
    const journal = openJournal(file, 'run-1');
    journal.write({
      t: 'intent',
      kind: 'disk',
      action: 'CreateDisk',
      region: 'cn-hangzhou',
      clientToken: 'tok',
    });
    journal.write({ t: 'created', kind: 'disk', id: 'd-1', region: 'cn-hangzhou', clientToken: 'tok' });
    journal.write({ t: 'created', kind: 'pair', id: 'pair-1', region: 'cn-hangzhou' });
    journal.write({ t: 'gone', kind: 'disk', id: 'd-1' });
    journal.close();
    appendFileSync(file, '{"t":"created","kind":"disk","id":"d-2","reg');
    const entries = readJournal(file);
    expect(entries.map((e) => e.t)).toEqual(['intent', 'created', 'created', 'gone']);
    expect(entries.every((e) => e.runId === 'run-1')).toBe(true);
    expect(outstanding(entries)).toEqual({
      runIds: ['run-1'],
      resources: [{ runId: 'run-1', kind: 'pair', id: 'pair-1', region: 'cn-hangzhou' }],
    });
  });

  it('a missing journal is an empty one', () => {
    expect(readJournal('/nonexistent/journal.jsonl')).toEqual([]);
  });
});
