// A lane's worker thread runs the TypeScript sources through tsx, as bin/ebs-conformance.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('./lane-worker.ts');
