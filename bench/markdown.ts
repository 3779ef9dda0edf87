/**
 * The README's benchmark table, from a results.json that `npm run bench` wrote: the machine, its
 * load and the commit, then one row per figure with its median, spread and budget. Rendered
 * from the file, not from memory, so the README says exactly what the run measured.
 */
import { number, unitText } from './figures';
import { RESULTS_VERSION, type resultsDocument } from './results-file';

export type ResultsDocument = ReturnType<typeof resultsDocument>;
type Row = ResultsDocument['figures'][number];

/** The document, or why the file is not one. */
export function parseResults(text: string): ResultsDocument | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  const d = doc as Partial<ResultsDocument> | null;
  if (d?.version !== RESULTS_VERSION) return `not a results file of version ${RESULTS_VERSION}`;
  if (!Array.isArray(d.figures) || !d.machine) return 'no figures or no machine';
  return d as ResultsDocument;
}

const cell = (text: string) => text.replaceAll('|', '\\|');

function row(f: Row): string {
  const measured =
    f.median === null || f.min === null || f.max === null
      ? 'not measured'
      : `${number(f.median, f.unit)}${unitText(f.unit)} (${number(f.min, f.unit)} – ${number(f.max, f.unit)}, n=${f.n})`;
  const [op, limit] = f.budget?.split(' ') ?? [];
  const budget = op && limit ? `${op === '>=' ? '≥' : '≤'} ${number(Number(limit), f.unit)}` : '';
  const status = f.status === 'n/a' ? '' : f.status === 'pass' ? 'holds' : 'fails';
  return `| ${cell(f.label)} | ${measured} | ${budget} | ${status} | ${cell(f.note ?? '')} |`;
}

export function readmeTable(doc: ResultsDocument): string {
  const m = doc.machine;
  return [
    `Measured ${doc.measuredAt} (commit ${doc.commit ?? 'unknown'}) on ${m.cpus} cores (${m.cpuModel}, ${m.memoryGb} GiB), ` +
      `Node ${m.node.replace(/^v/, '')}, ${m.platform}; load average ${m.loadBefore} before, ${m.loadAfter} after; ` +
      `settings ${Object.entries(doc.settings)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}.`,
    '',
    '| figure | median (min – max, trials) | budget | | note |',
    '| --- | --- | --- | --- | --- |',
    ...doc.figures.map(row),
  ].join('\n');
}
