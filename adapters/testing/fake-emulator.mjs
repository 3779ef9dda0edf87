// A stand-in for `ebs-conformance emulator` in tests of the emulator target's process handling:
// it starts fast, prints the same ready line, serves the admin endpoints the target calls, and
// answers every RPC call with a JSON echo. `--mode` picks a misbehaviour to test against.
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

const arg = (name) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
let mode = arg('--mode') ?? 'ok';
// silent-once: silent the first time (it leaves --marker behind), ready the next: a slow machine.
if (mode === 'silent-once') {
  const marker = arg('--marker');
  mode = existsSync(marker) ? 'ok' : 'silent';
  if (mode === 'silent') writeFileSync(marker, '');
}
if (mode === 'exit-early') {
  process.stderr.write('fake-emulator: --port: not a number\n');
  process.exit(2);
}
if (mode === 'ignore-term') process.on('SIGTERM', () => {});
let resets = 0;
let now = 0;
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => {
    body += c;
  });
  req.on('end', () => {
    const send = (status, value) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (req.url === '/_emulator/health') return send(200, { status: 'ok' });
    if (req.url === '/_emulator/reset' && req.method === 'POST')
      return send(200, { status: 'reset', resets: ++resets });
    if (req.url === '/_emulator/clock' && req.method === 'POST') {
      const { advanceMs } = JSON.parse(body);
      if (typeof advanceMs !== 'number') return send(400, { Code: 'BadInput', Message: 'advanceMs' });
      now += advanceMs;
      return send(200, { mode: 'manual', now });
    }
    send(200, {
      RequestId: 'R',
      Seen: {
        action: req.headers['x-acs-action'],
        key: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID,
        resets,
        now,
      },
    });
  });
});
if (mode !== 'silent')
  server.listen(0, '127.0.0.1', () =>
    process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`),
  );
else setInterval(() => {}, 1000);
