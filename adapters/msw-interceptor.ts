/**
 * The process-wide msw interceptor the mock targets share. msw patches the global fetch once per
 * process, so every mock target registers a route under its own fake host and ONE catch-all
 * handler routes by host in code (msw rebuilds a matcher per handler per request, so a handler
 * per target would cost every request). msw also retains memory per intercepted request, so the
 * interceptor is recycled every `recycleEvery` requests, at a moment when none is in flight,
 * and disposed when the last route leaves.
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

/** A request as the emulator's gateway takes it: `url` is `/path?query`, headers lower-case. */
export interface RoutedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface RoutedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type Route = (req: RoutedRequest) => Promise<RoutedResponse>;

export const DEFAULT_RECYCLE_EVERY = 5_000;

const routes = new Map<string, Route>();
let server: ReturnType<typeof setupServer> | undefined;
let servedSinceListen = 0;
let inFlight = 0;
let recycleEvery = DEFAULT_RECYCLE_EVERY;
/** How many interceptors were started, for tests of recycling. */
let generation = 0;

/** An intercepted fetch Request as the gateway takes it (also used by the library's msw handlers). */
export async function routedRequestOf(request: Request, url = new URL(request.url)): Promise<RoutedRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // fetch may not set Host, but the V3 signature covers it: restore what the socket would carry.
  headers.host ??= url.host;
  // A bodiless request (every GET, the ECS SDK's POSTs) has no stream to read.
  const body = request.body === null ? '' : await request.text();
  return { method: request.method, url: url.pathname + url.search, headers, body };
}

export const mswResponseOf = (res: RoutedResponse) =>
  new HttpResponse(res.body, { status: res.status, headers: res.headers });

const catchAll = http.all('*', async ({ request }) => {
  const url = new URL(request.url);
  const route = routes.get(url.host);
  // No route: let msw treat it as unhandled, which `onUnhandledRequest: 'error'` turns into a failure.
  if (!route) return undefined;
  return mswResponseOf(await route(await routedRequestOf(request, url)));
});

function start(): void {
  const next = setupServer(catchAll);
  next.listen({ onUnhandledRequest: 'error' });
  server = next;
  servedSinceListen = 0;
  generation += 1;
}

function stop(): void {
  server?.close();
  server = undefined;
}

/** Registers a host (`mock-1.ebs-conformance.invalid`); the returned function unregisters it. */
export function addRoute(host: string, route: Route, options: { recycleEvery?: number } = {}): () => void {
  if (routes.has(host)) throw new Error(`an msw route for ${host} already exists`);
  if (options.recycleEvery !== undefined) recycleEvery = options.recycleEvery;
  routes.set(host, route);
  if (!server) start();
  return () => {
    routes.delete(host);
    if (routes.size === 0 && inFlight === 0) stop();
  };
}

/** Wraps one request: recycles the interceptor first when it is due and nothing is in flight. */
export async function intercepted<T>(send: () => Promise<T>): Promise<T> {
  if (server && inFlight === 0 && servedSinceListen >= recycleEvery) {
    stop();
    start();
  }
  inFlight += 1;
  servedSinceListen += 1;
  try {
    return await send();
  } finally {
    inFlight -= 1;
    if (inFlight === 0 && routes.size === 0) stop();
  }
}

export const interceptorGeneration = () => generation;
