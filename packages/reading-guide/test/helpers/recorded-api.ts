/**
 * A platform's API on 127.0.0.1, answering with recorded responses: each
 * route is a method and a path, with the file it answers with and any
 * headers (GitHub's `link` for its next page). Every request is kept, with
 * its time and headers, so a test can check what the importer asked for
 * and how politely.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

export interface Route {
  method?: 'GET' | 'POST';
  /** The path; with a query, only a request with that very query matches. */
  path: string;
  /** What it answers with: a recorded file, or a text. */
  file?: string;
  body?: string;
  headers?: (origin: string) => Record<string, string>;
  status?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface RecordedApi {
  origin: string;
  requests: RecordedRequest[];
  close: () => Promise<void>;
}

export async function recordedApi(routes: Route[]): Promise<RecordedApi> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({ method: request.method!, url: request.url!, headers: request.headers, body, at: performance.now() });
      const url = new URL(request.url!, 'http://127.0.0.1');
      const route = routes.find((candidate) => (candidate.path.includes('?') ? `${url.pathname}${url.search}` : url.pathname) === candidate.path && (candidate.method ?? 'GET') === request.method);
      if (!route) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not recorded');
        return;
      }
      const { port } = server.address() as AddressInfo;
      response.writeHead(route.status ?? 200, { 'content-type': route.file?.endsWith('.md') ? 'text/markdown; charset=utf-8' : 'application/json; charset=utf-8', ...route.headers?.(`http://127.0.0.1:${port}`) });
      response.end(route.file ? readFileSync(route.file) : (route.body ?? ''));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  };
}
