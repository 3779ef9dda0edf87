/**
 * `ebs-conformance scaffold <Action>`: writes the stub files of a new operation from its catalogue
 * entry, and lists each new family once where its layer gathers families (see CONTRIBUTING.md): a
 * model decision, an emulator handler, a command family and a rule. The stubs typecheck against
 * the operation's typed request and make the completeness test pass; each says what is left to
 * decide from the documentation. It writes into a checkout of the project (`--root`, default the
 * current directory), never into an installed package.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { OPERATIONS_BY_NAME, type Operation, type OperationName } from '../../api';
import type { Register } from '../main';
import { UsageError } from '../usage-error';

export interface Scaffolded {
  /** Files written, relative to the project root. */
  readonly written: readonly string[];
  /** Files a registration line was added to. */
  readonly registered: readonly string[];
}

/** What the scaffold refuses to do: a usage mistake, printed as one line with exit status 2. */
export class ScaffoldError extends UsageError {}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const upper = (name: string) => kebab(name).replace(/-/g, '_').toUpperCase();

/** Where each layer of an operation lives when the scaffold writes it (a family of its own). */
export function layerFiles(action: string): {
  model: string;
  emulator: string;
  commands: string;
  rules: string;
} {
  const file = kebab(action);
  return {
    model: `model/${file}.ts`,
    emulator: `emulator/service/${file}.ts`,
    commands: `properties/commands/${file}.ts`,
    rules: `api/rules/${file}.ts`,
  };
}

/** The stub files of one operation, by path. */
function stubs(name: string, op: Operation): Record<string, string> {
  const files = layerFiles(name);
  const fn = camel(name);
  const product = op.product.toUpperCase();
  const ruleId = `${op.product === 'ebs' ? 'EBS' : 'ECS'}.${upper(name)}.TODO`;
  const regionParam = op.params.some((p) => p.name === 'RegionId');
  return {
    [files.model]: `import { ${name} } from '../api';
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
    [files.emulator]: `import * as api from '../../api';
import { fail, type OperationFn, route } from './context';

/**
 * ${op.summary}
 * TODO: one careful reading of ${op.doc}, written apart from the model.
 */
export const ${op.action}: OperationFn<typeof api.${name}> = () =>
  fail('InternalError', '${op.action} is not emulated yet.');

export const ROUTES = [route(api.${name}, ${op.action})];
`,
    [files.commands]: `import fc from 'fast-check';
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
    [files.rules]: `import { rule } from '../rule';

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

/** A checkout has the layers' gathering files; an installed package has only dist/. */
const CHECKOUT_FILES = [
  'model/allowed-outcomes.ts',
  'emulator/service/dispatch.ts',
  'properties/commands/index.ts',
  'api/rules/index.ts',
];

export function scaffold(root: string, name: string): Scaffolded {
  const absent = CHECKOUT_FILES.filter((f) => !existsSync(join(root, f)));
  if (absent.length > 0)
    throw new ScaffoldError(
      `${root} is not a checkout of ebs-conformance (no ${absent[0]}): run scaffold at the project root, or give --root`,
    );
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

export const registerScaffold: Register = (program: Command, done) => {
  program
    .command('scaffold')
    .description(
      'write the stub layers of a catalogue operation (model, emulator, command, rule) in a checkout',
    )
    .argument('<Action>', 'an operation of api/operations/, by its callable name (spec lists them)')
    .option('--root <dir>', 'the checkout to write into (default: the current directory)')
    .action((name: string, opts: { root?: string }) => {
      const root = resolve(opts.root ?? process.cwd());
      const made = scaffold(root, name);
      // Sorted imports and the project's format, when biome is at hand.
      spawnSync('npx', ['biome', 'check', '--write', ...made.written, ...made.registered], {
        cwd: root,
        stdio: 'ignore',
      });
      process.stdout.write(
        [
          `wrote: ${made.written.join(', ')}`,
          `registered in: ${made.registered.join(', ')}`,
          'next: fill in each TODO (CONTRIBUTING.md says how each layer is proven)',
          '',
        ].join('\n'),
      );
      done(0);
    });
};
