/**
 * Files of the installed package, found from wherever this code runs: the TypeScript sources of a
 * checkout (adapters/, cli/commands/), the CLI bundle (dist/cli.mjs) or a shared chunk
 * (dist/chunks/). A path relative to `import.meta.url` is right in only one of those places.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = 'ebs-conformance';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === NAME
    )
      return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the ${NAME} package above ${from}`);
  }
}

let root: string | undefined;

/** An absolute path inside the package: `packagePath('bin', 'ebs-conformance.mjs')`. */
export function packagePath(...parts: string[]): string {
  root ??= findRoot(dirname(fileURLToPath(import.meta.url)));
  return join(root, ...parts);
}

export const packageVersion = (): string =>
  (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
