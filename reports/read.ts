import { readFileSync } from 'node:fs';
import { parseRunRecord, type RunRecord, RunRecordError } from './run-record';

/** Reads and validates a run.json; every problem (missing, not JSON, wrong shape) is a RunRecordError. */
export function readRunRecord(file: string): RunRecord {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new RunRecordError(`cannot read ${file}${code ? ` (${code})` : ''}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new RunRecordError(`${file} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseRunRecord(json, file);
}
