import { escapeMarkup as esc } from '../escape';
import {
  PATH_HEAD,
  pathRows,
  READING_HEAD,
  readingRows,
  sharpnessRows,
  UNDOCUMENTED_HEAD,
  undocumentedLegend,
  undocumentedRows,
} from '../oracle';
import type { RunRecord } from '../run-record';
import { table } from './page';

/** How the verdict was reached: the oracle's sharpness and every observed transition path. */
export function oracleSection(run: RunRecord): string {
  const sharp = run.sharpness
    ? table(
        ['refusals', 'count'],
        sharpnessRows(run.sharpness).map(([k, v]) => [esc(k), esc(v)]),
      )
    : '<p>Not recorded.</p>';
  const paths = pathRows(run).map((r) => r.map((c, i) => (i === 1 ? `<code>${esc(c)}</code>` : esc(c))));
  const readings = readingRows(run).map((r) =>
    r.map((c, i) => (i === 0 ? `<code>${esc(c)}</code>` : esc(c))),
  );
  const undocumented = undocumentedRows(run).map((r) =>
    r.map((c, i) => (i === 1 || i === 2 ? `<code>${esc(c)}</code>` : esc(c))),
  );
  return `<h2 id="readings">How this target reads the documentation</h2>
<p class="legend">Where the docs allow more than one behaviour (api/readings.ts): what the target chose, and the call that showed it. A target that switches is reported as inconsistent-reading.</p>
${readings.length ? table(READING_HEAD, readings) : '<p>Not recorded.</p>'}
<h2 id="undocumented-values">Undocumented values (${undocumented.length})</h2>
<p class="legend">${esc(undocumentedLegend(run))}</p>
${undocumented.length ? table(UNDOCUMENTED_HEAD, undocumented) : '<p>None.</p>'}
<h2>How sharp the oracle was</h2>
<p class="legend">For each refusal the model expected, how many error codes it allowed; and how many calls it left open to success or a refusal.</p>
${sharp}
<h2>Observed transitions (${paths.length})</h2>
<p class="legend">The statuses each accepted change was seen in until it settled, beside the path the model allows.</p>
${paths.length ? table(PATH_HEAD, paths) : '<p>None.</p>'}`;
}
