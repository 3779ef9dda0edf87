import { createServer, type IncomingMessage, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A hostile endpoint for redaction tests: it forwards every call to a real emulator, notes every
 * signature the client sent, and echoes the whole request (URL, Authorization, the STS token
 * header, body) back inside each response, as servers do in error messages. It also drops the
 * RequestId of every CreateDisk answer, so the run's first sequence finds a nonconformance and
 * writes its trace.
 */
export interface EchoProxy {
  readonly url: string;
  /** Every signature value the client sent, as sent (V1 decoded from its parameter, V3 hex). */
  readonly signatures: ReadonlySet<string>;
  close(): Promise<void>;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function signaturesIn(url: URL, body: string, authorization: string | undefined): string[] {
  const found = [url.searchParams.get('Signature'), new URLSearchParams(body).get('Signature')];
  const v3 = /Signature=([0-9a-f]+)/.exec(authorization ?? '')?.[1];
  return [...found, v3].filter((s): s is string => typeof s === 'string' && s.length > 0);
}

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

function bend(text: string, action: string | null, echo: string): string {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    if (action === 'CreateDisk') delete json.RequestId;
    return JSON.stringify({ ...json, Echo: echo });
  } catch {
    const bent = action === 'CreateDisk' ? text.replace(/<RequestId>[^<]*<\/RequestId>/, '') : text;
    return bent.replace(/(<\?xml[^>]*>\s*)?(<[A-Za-z]+[^>]*>)/, `$1$2<Echo>${escapeXml(echo)}</Echo>`);
  }
}

function forward(upstream: string, req: IncomingMessage, body: string) {
  const to = new URL(upstream);
  return new Promise<{ status: number; contentType: string; text: string }>((done, fail) => {
    const out = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      async (res) => {
        done({
          status: res.statusCode ?? 502,
          contentType: res.headers['content-type'] ?? 'application/json',
          text: await readBody(res),
        });
      },
    );
    out.on('error', fail);
    out.end(body);
  });
}

export async function startEchoProxy(upstream: string): Promise<EchoProxy> {
  const signatures = new Set<string>();
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', upstream);
    const authorization = req.headers.authorization;
    for (const s of signaturesIn(url, body, authorization)) signatures.add(s);
    // Forwarded as sent, Host included: a V3 signature covers it.
    const answer = await forward(upstream, req, body);
    const action = url.searchParams.get('Action') ?? new URLSearchParams(body).get('Action');
    const echo = `${req.method} ${req.url}\nAuthorization: ${authorization ?? ''}\nx-acs-security-token: ${req.headers['x-acs-security-token'] ?? ''}\n${body}`;
    const text = url.pathname.startsWith('/_emulator/') ? answer.text : bend(answer.text, action, echo);
    res.writeHead(answer.status, { 'content-type': answer.contentType });
    res.end(text);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    signatures,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
