// A lane's worker thread from the TypeScript sources, through tsx, when dist/lane-worker.mjs is
// missing or older than a source (cli/workers.ts: laneWorker).
import { register } from 'tsx/esm/api';

register();
await import('./lane-worker.ts');
