/**
 * A transport for credential tests: the emulator's gateway in-process, accepting the given
 * credentials (STS ones included), and a log of the SecurityToken each request was signed with.
 */
import type { Credentials } from '../credentials';
import { inProcessEmulator } from '../in-process';
import type { Transport } from '../transport';

export interface GatewayTransport {
  readonly transport: Transport;
  /** The SecurityToken of each request, in order (`(none)` when it carried none). */
  readonly tokens: string[];
}

export function gatewayTransport(accepted: readonly Credentials[]): GatewayTransport {
  const emulator = inProcessEmulator({ gateway: { credentials: [...accepted] } });
  const tokens: string[] = [];
  const transport: Transport = async (req) => {
    const params = new URLSearchParams(req.body || req.url.slice(req.url.indexOf('?') + 1));
    tokens.push(params.get('SecurityToken') ?? req.headers['x-acs-security-token'] ?? '(none)');
    const start = req.url.indexOf('/', req.url.indexOf('//') + 2);
    const res = await emulator.gateway({
      method: req.method,
      url: req.url.slice(start),
      headers: { ...req.headers, host: 'gw.test' },
      body: Buffer.from(req.body, 'utf8'),
    });
    return { status: res.status, headers: res.headers, body: res.body };
  };
  return { transport, tokens };
}
