/**
 * A tiny node:http server for tests that re-verifies every request's signature with its own code
 * (node:crypto only, nothing from api/protocol), so a signer bug cannot hide behind a verifier
 * that shares it. It answers JSON: the parameters it recovered, or a SignatureDoesNotMatch error.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly method: string;
  readonly rawUrl: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Query and form body merged (body wins), decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly signature: 'v1' | 'v3' | 'none';
  readonly verified: boolean;
}

const strict = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sorted = (o: Record<string, string>) => Object.keys(o).sort();
const canonical = (o: Record<string, string>) =>
  sorted(o)
    .map((k) => `${strict(k)}=${strict(o[k] as string)}`)
    .join('&');

function verifyV1(method: string, params: Record<string, string>, secret: string): boolean {
  const { Signature, ...rest } = params;
  const toSign = `${method}&${strict('/')}&${strict(canonical(rest))}`;
  return createHmac('sha1', `${secret}&`).update(toSign).digest('base64') === Signature;
}

function verifyV3(
  method: string,
  query: Record<string, string>,
  headers: Record<string, string>,
  body: string,
  secret: string,
): boolean {
  const m = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$/.exec(
    headers.authorization ?? '',
  );
  if (!m) return false;
  const signed = (m[2] as string).split(';');
  const payloadHash = createHash('sha256').update(body).digest('hex');
  if (headers['x-acs-content-sha256'] !== payloadHash) return false;
  const request = [
    method,
    '/',
    canonical(query),
    signed.map((h) => `${h}:${(headers[h] ?? '').trim()}\n`).join(''),
    signed.join(';'),
    payloadHash,
  ].join('\n');
  const toSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(request).digest('hex')}`;
  return createHmac('sha256', secret).update(toSign).digest('hex') === m[3];
}

const formValues = (text: string) => Object.fromEntries(new URLSearchParams(text));

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export interface VerifyingServer {
  readonly origin: string;
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startVerifyingServer(secret: string): Promise<VerifyingServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer(async (req, res) => {
    const rawUrl = req.url ?? '/';
    const body = await readBody(req);
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
    );
    const query = formValues(rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : '');
    const form = headers['content-type']?.startsWith('application/x-www-form-urlencoded')
      ? formValues(body)
      : {};
    const params = { ...query, ...form };
    const method = req.method ?? '';
    const signature = headers.authorization ? 'v3' : params.Signature ? 'v1' : 'none';
    const verified =
      signature === 'v3'
        ? verifyV3(method, query, headers, body, secret)
        : signature === 'v1' && verifyV1(method, params, secret);
    received.push({ method, rawUrl, headers, body, params, signature, verified });
    res.setHeader('content-type', 'application/json');
    if (!verified) {
      res.statusCode = 400;
      res.end(JSON.stringify({ RequestId: 'R-bad', Code: 'SignatureDoesNotMatch', Message: 'mismatch' }));
    } else res.end(JSON.stringify({ RequestId: `R-${received.length}`, Echo: params }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
