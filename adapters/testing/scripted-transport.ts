/**
 * A transport for tests that answers from a script, one entry per request, and records what it
 * was sent. An entry is a response, or a TransportError to throw (a network failure, a timeout).
 */
import { type HttpRequest, type HttpResponse, type Transport, TransportError } from '../transport';

export type ScriptEntry = HttpResponse | TransportError | ((req: HttpRequest) => HttpResponse);

export interface ScriptedTransport {
  readonly transport: Transport;
  readonly sent: HttpRequest[];
}

export const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const apiError = (status: number, code: string) =>
  json(status, { RequestId: 'R-err', Code: code, Message: `${code} happened` });

export function scriptedTransport(script: readonly ScriptEntry[]): ScriptedTransport {
  const sent: HttpRequest[] = [];
  const transport: Transport = async (req) => {
    sent.push(req);
    const entry = script[Math.min(sent.length, script.length) - 1];
    if (entry === undefined) throw new Error('empty script');
    if (entry instanceof TransportError) throw entry;
    return typeof entry === 'function' ? entry(req) : entry;
  };
  return { transport, sent };
}

export { TransportError };
