import type { Command } from 'commander';
import { OPERATIONS, READINGS, RULES } from '../../api';
import type { Register } from '../main';

/** The catalogue for tools: the shape `spec --json` promises (more fields are welcome). */
export function catalogueJson() {
  return {
    operations: OPERATIONS.map((op) => ({
      product: op.product,
      version: op.version,
      action: op.action,
      summary: op.summary,
      doc: op.doc,
      region: op.region,
      mutating: op.mutating,
      parameters: op.params.map((p) => ({ name: p.name, required: p.required, type: p.kind.type })),
      errors: op.errors.map((e) => ({ code: e.code, httpStatus: e.httpStatus })),
    })),
    rules: RULES.map((r) => ({
      id: r.id,
      operations: r.operations,
      statement: r.statement,
      source: r.source,
    })),
    readings: READINGS,
  };
}

function catalogueText(): string {
  const lines: string[] = [];
  for (const op of OPERATIONS) {
    lines.push(`${op.product.toUpperCase()} ${op.version}  ${op.action}  (call in: ${op.region})`);
    lines.push(`  ${op.summary}`);
    const params = op.params.map((p) => (p.required ? `${p.name}*` : p.name)).join(', ');
    lines.push(`  parameters: ${params}`);
    lines.push(`  errors: ${op.errors.map((e) => `${e.code} ${e.httpStatus}`).join(', ')}`);
  }
  lines.push('', `${RULES.length} documented rules:`);
  for (const r of RULES) lines.push(`  ${r.id.padEnd(48)} ${r.statement}`);
  lines.push('', `${OPERATIONS.length} operations; * = required parameter.`);
  return `${lines.join('\n')}\n`;
}

export const registerSpec: Register = (program: Command, done) => {
  program
    .command('spec')
    .description('print the documented API catalogue: operations, parameters, error codes, rules')
    .option('--json', 'machine-readable output')
    .action((opts: { json?: boolean }) => {
      process.stdout.write(opts.json ? `${JSON.stringify(catalogueJson(), null, 2)}\n` : catalogueText());
      done(0);
    });
};
