/**
 * Writes the stub files of a new operation from its catalogue entry, and registers them where
 * each layer is read (see CONTRIBUTING.md): a model decision, an emulator handler, a command
 * family and a rule. The stubs typecheck against the operation's typed request and make the
 * completeness test pass; each says what is left to decide from the documentation.
 *
 *   node scripts/scaffold.mjs <Action>
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATIONS_BY_NAME, type Operation, type OperationName } from '../api';

export interface Scaffolded {
  /** Files written, relative to the project root. */
  readonly written: readonly string[];
  /** Files a registration line was added to. */
  readonly registered: readonly string[];
}

export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const upper = (name: string) => kebab(name).replace(/-/g, '_').toUpperCase();

/** The stub files of one operation, by path. */
function stubs(name: string, op: Operation): Record<string, string> {
  const file = kebab(name);
  const fn = camel(name);
  const product = op.product.toUpperCase();
  const ruleId = `${op.product === 'ebs' ? 'EBS' : 'ECS'}.${upper(name)}.TODO`;
  const regionParam = op.params.some((p) => p.name === 'RegionId');
  return {
    [`model/${file}.ts`]: `import { ${name} } from '../api';
import { decide, type Handler } from './context';
import { observe } from './expectation';

/**
 * ${op.summary}
 * TODO: decide from ${op.doc} what each state allows (refuse with the documented codes, or
 * succeed with the next state), naming the rules that say so.
 */
export const ${fn}: Handler<typeof ${name}> = (ctx) => observe(ctx.state, { rules: ['${ruleId}'] });

export const DECISIONS = [decide(${name}, ${fn})];
`,
    [`emulator/service/${file}.ts`]: `import * as api from '../../api';
import { fail, type OperationFn, route } from './context';

/**
 * ${op.summary}
 * TODO: one careful reading of ${op.doc}, written apart from the model.
 */
export const ${op.action}: OperationFn<typeof api.${name}> = () =>
  fail('InternalError', '${op.action} is not emulated yet.');

export const ROUTES = [route(api.${name}, ${op.action})];
`,
    [`properties/commands/${file}.ts`]: `import fc from 'fast-check';
import { CallCommand } from '../command';
import { ${product}, label, nth, replicationRegions, variant } from './toolkit';

/** TODO: draw ${op.action}'s parameters from the model state, valid and deliberately invalid. */
const ${fn} = fc.record({ region: fc.nat(), variant }).map(
  (g) =>
    new CallCommand('${op.action}', g, (s) => {
      const region = nth(replicationRegions(s), g.region);
      if (!region) return undefined;
      const params = { ${regionParam ? 'RegionId: region.id' : ''} };
      return {
        call: { ...${product}, action: '${op.action}', params },
        variant: g.variant,
        label: label('${op.action}', region.id),
      };
    }),
);

export const ${upper(name)}_COMMANDS = { ${fn} };

/** Drawn rarely until the command is written. */
export const ${upper(name)}_WEIGHTS = { ${fn}: 1 } satisfies Record<keyof typeof ${upper(name)}_COMMANDS, number>;
`,
    [`api/rules/${file}.ts`]: `import { rule } from '../rule';

export const ${upper(name)}_RULES = [
  rule(
    '${ruleId}',
    ['${op.action}'],
    'TODO: one behaviour the documentation promises for ${op.action}, as a testable sentence.',
    '${op.doc}',
    'TODO: the section or parameter it encodes',
  ),
];
`,
  };
}

/** Where each layer is registered: the file, the line after which to add, the import and the entry. */
function registrations(name: string) {
  const file = kebab(name);
  const fn = camel(name);
  return [
    {
      path: 'model/allowed-outcomes.ts',
      after: 'const FAMILIES: readonly { readonly DECISIONS: readonly Decision[] }[] = [',
      importLine: `import * as ${fn} from './${file}';`,
      entry: `  ${fn},`,
    },
    {
      path: 'emulator/service/dispatch.ts',
      after: 'const FAMILIES: readonly { readonly ROUTES: readonly Route[] }[] = [',
      importLine: `import * as ${fn} from './${file}';`,
      entry: `  ${fn},`,
    },
    {
      path: 'properties/commands/index.ts',
      after: 'const FAMILIES: readonly Family[] = [',
      importLine: `import { ${upper(name)}_COMMANDS, ${upper(name)}_WEIGHTS } from './${file}';`,
      entry: `  family(${upper(name)}_COMMANDS, ${upper(name)}_WEIGHTS),`,
    },
    {
      path: 'api/rules/index.ts',
      after: 'export const RULES: readonly Rule[] = [',
      importLine: `import { ${upper(name)}_RULES } from './${file}';`,
      entry: `  ...${upper(name)}_RULES,`,
    },
  ];
}

function insertAfter(text: string, anchor: string, line: string, path: string): string {
  const at = text.indexOf(anchor);
  if (at < 0) throw new ScaffoldError(`${path}: cannot find \`${anchor}\` to register the new operation`);
  const end = text.indexOf('\n', at) + 1;
  return `${text.slice(0, end)}${line}\n${text.slice(end)}`;
}

function withImport(text: string, importLine: string): string {
  const lines = text.split('\n');
  const last = lines.reduce((n, l, i) => (l.startsWith('import ') || l.startsWith('} from ') ? i : n), -1);
  lines.splice(last + 1, 0, importLine);
  return lines.join('\n');
}

export function scaffold(root: string, name: string): Scaffolded {
  const op = (OPERATIONS_BY_NAME as Readonly<Record<string, Operation>>)[name];
  if (!op)
    throw new ScaffoldError(
      `${name} is not in the catalogue: define it in api/operations/ first (known: ${Object.keys(OPERATIONS_BY_NAME).length} operations)`,
    );
  const files = stubs(name as OperationName, op);
  for (const path of Object.keys(files))
    if (existsSync(join(root, path))) throw new ScaffoldError(`${path} exists already: nothing written`);
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  const registered: string[] = [];
  for (const r of registrations(name)) {
    const full = join(root, r.path);
    const text = insertAfter(readFileSync(full, 'utf8'), r.after, r.entry, r.path);
    writeFileSync(full, withImport(text, r.importLine));
    registered.push(r.path);
  }
  return { written: Object.keys(files), registered };
}
