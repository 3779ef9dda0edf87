/**
 * A response body to an Outcome. JSON is the fast path (no XML work); XML is reshaped after the
 * operation's response schema (xml.ts) so both formats decode to identical objects. Error bodies
 * are `{RequestId, HostId, Code, Message, Recommend}` in JSON or `<Error>` in XML. A body that is
 * neither, or an error without a Code, is an `undecodable` failure: data, never a throw.
 */
import type { z } from 'zod';
import type { Outcome } from './target';
import { parseXmlDocument, shapeLike } from './xml';

export interface Decoded {
  /** The body in the JSON shape, when it parsed at all. */
  readonly decoded?: unknown;
  readonly outcome: Outcome;
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const undecodable = (message: string): Outcome => ({ kind: 'failure', reason: 'undecodable', message });

function firstNonSpace(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t' && c !== '\ufeff') return c;
  }
  return '';
}

/** Parses by what the body is, not by what was asked for: servers answer errors in their own way. */
function parseBody(text: string, successSchema: z.ZodType | undefined, isError: boolean): Parsed {
  const first = firstNonSpace(text);
  if (first === '{') {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (err) {
      return { ok: false, message: `malformed JSON: ${(err as Error).message}` };
    }
  }
  if (first === '<') {
    try {
      const { content } = parseXmlDocument(text);
      // Error bodies have fixed string fields; only success bodies need the schema.
      return { ok: true, value: !isError && successSchema ? shapeLike(successSchema, content) : content };
    } catch (err) {
      return { ok: false, message: `malformed XML: ${(err as Error).message}` };
    }
  }
  return { ok: false, message: first === '' ? 'empty body' : 'body is neither JSON nor XML' };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function decodeResponse(
  response: { readonly status: number; readonly body: string },
  successSchema?: z.ZodType,
): Decoded {
  const { status } = response;
  const isError = status >= 400;
  if (!isError && (status < 200 || status >= 300))
    return { outcome: { kind: 'failure', reason: 'unexpected-status', message: `HTTP ${status}` } };
  const parsed = parseBody(response.body, successSchema, isError);
  if (!parsed.ok) return { outcome: undecodable(`HTTP ${status}: ${parsed.message}`) };
  const body = parsed.value;
  if (!isRecord(body))
    return { decoded: body, outcome: undecodable(`HTTP ${status}: body is not an object`) };
  if (!isError) return { decoded: body, outcome: { kind: 'success', body } };
  const code = str(body.Code);
  if (!code) return { decoded: body, outcome: undecodable(`HTTP ${status}: error body has no Code`) };
  return {
    decoded: body,
    outcome: {
      kind: 'error',
      httpStatus: status,
      code,
      message: str(body.Message) ?? '',
      requestId: str(body.RequestId),
    },
  };
}
