import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTransport, type Transport, TransportError, undiciTransport } from './transport';

let server: Server;
let origin: string;
const seen: { method: string; url: string; host: string; type: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        host: req.headers.host ?? '',
        type: req.headers['content-type'] ?? '',
        body,
      });
      if (req.url?.startsWith('/?hang')) return; // never answers: for timeouts
      if (req.url?.startsWith('/?split')) {
        // An informational answer first, then a body with a BOM and a character cut between chunks.
        res.writeEarlyHints({ link: '</a.css>; rel=preload' });
        res.writeHead(200, { 'content-type': 'application/json', 'X-Custom': 'B' });
        res.write(Buffer.from([0xef, 0xbb, 0xbf, 0x22, 0xc3]));
        setTimeout(() => res.end(Buffer.from([0xbc, 0x22])), 5);
        return;
      }
      res.writeHead(req.url?.startsWith('/?teapot') ? 418 : 200, {
        'content-type': 'application/json',
        'X-Custom': 'A',
      });
      res.end(JSON.stringify({ RequestId: 'R', é: 'ü' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const undici = undiciTransport();
afterAll(() => undici.close());
const transports: [string, Transport][] = [
  ['undiciTransport', undici],
  ['fetchTransport', fetchTransport()],
];

describe.each(transports)('%s over a real socket', (_name, transport) => {
  it('sends method, query, form body and headers; returns status, lower-case headers and UTF-8 text', async () => {
    const res = await transport({
      method: 'POST',
      url: `${origin}/?A=1`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'ignored.example' },
      body: 'B=2%20x',
    });
    expect(res.status).toBe(200);
    expect(res.headers['x-custom']).toBe('A');
    expect(JSON.parse(res.body)).toEqual({ RequestId: 'R', é: 'ü' });
    const got = seen.at(-1);
    expect(got).toMatchObject({
      method: 'POST',
      url: '/?A=1',
      type: 'application/x-www-form-urlencoded',
      body: 'B=2%20x',
    });
    // The host is the origin's, exactly what a V3 signature covers.
    expect(got?.host).toBe(new URL(origin).host);
  });

  it('answers the final status after an informational one, the body decoded whole and without its BOM', async () => {
    const res = await transport({ method: 'GET', url: `${origin}/?split`, headers: {}, body: '' });
    expect(res.status).toBe(200);
    expect(res.headers['x-custom']).toBe('B');
    expect(res.headers.link).toBeUndefined();
    expect(res.body).toBe('"ü"');
  });

  it('an HTTP error status is an answer, not a throw', async () => {
    const res = await transport({ method: 'GET', url: `${origin}/?teapot`, headers: {}, body: '' });
    expect(res.status).toBe(418);
  });

  it('times out with a TransportError of code timeout', async () => {
    const err = await transport({
      method: 'GET',
      url: `${origin}/?hang`,
      headers: {},
      body: '',
      timeoutMs: 100,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err.code).toBe('timeout');
  });

  it('a refused connection is a TransportError of code network', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const err = await transport({
      method: 'GET',
      url: `http://127.0.0.1:${port}/`,
      headers: {},
      body: '',
    }).catch((e) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err.code).toBe('network');
    expect(err.message).toMatch(/ECONNREFUSED/);
  });
});
