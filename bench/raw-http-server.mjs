// The raw limit's server: node:http with keep-alive, in a child process like the emulator, that
// reads each request and answers the next of the captured responses (status, headers, bytes)
// with no other work. Usage: node raw-http-server.mjs RESPONSES.json
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const responses = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let next = 0;

const server = createServer({ keepAlive: true }, (req, res) => {
  req.resume();
  req.on('end', () => {
    const r = responses[next];
    next = (next + 1) % responses.length;
    res.writeHead(r.status, { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) });
    res.end(r.body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
