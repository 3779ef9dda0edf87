/**
 * The raw msw limit, measured beside the mock target: the global fetch intercepted by one
 * trivial catch-all handler that answers the captured responses in turn, with no other work.
 * Run it only while no mock target is open: both would patch the same global fetch.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import type { HttpRequest } from '../adapters';
import { type ReplayedExchange, replayRate } from './replayed-traffic';

export async function rawMswRate(
  traffic: readonly ReplayedExchange[],
  total: number,
  concurrency: number,
): Promise<number> {
  let next = 0;
  const server = setupServer(
    http.all('*', () => {
      const r = (traffic[next] as ReplayedExchange).response;
      next = (next + 1) % traffic.length;
      return new HttpResponse(r.body, { status: r.status, headers: r.headers });
    }),
  );
  server.listen({ onUnhandledRequest: 'error' });
  const send = async (req: HttpRequest) => {
    const { host: _host, ...headers } = req.headers;
    const res = await fetch(req.url, {
      method: req.method,
      headers,
      body: req.body === '' ? undefined : req.body,
    });
    return res.text();
  };
  try {
    return await replayRate(traffic, total, concurrency, send);
  } finally {
    server.close();
  }
}
