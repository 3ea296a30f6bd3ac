/**
 * Serves a built site the way GitHub Pages does, for the browser tests:
 * under a base path, `/dir` redirected to `/dir/`, `/dir/` answered with
 * `/dir/index.html`, and anything missing answered with `404.html` and a 404
 * status. (`astro preview` allows one preview per machine and is not a model
 * of the host the guide is published to.)
 *
 *   node packages/reading-guide/test/helpers/github-pages-server.ts <dist> <port> [base]
 *
 * Port 0 picks a free port; the first line printed gives the address.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { lookup } from 'mrmime';

const [root = 'dist', portText = '4329', baseArgument = '/'] = process.argv.slice(2);
const base = baseArgument.endsWith('/') ? baseArgument : `${baseArgument}/`;
const folder = path.resolve(root);

async function fileAt(relative: string): Promise<string | undefined> {
  const file = path.join(folder, relative);
  if (!file.startsWith(folder)) return undefined;
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? file : undefined;
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const pathname = decodeURIComponent(url.pathname);
  const send = (file: string, status: number) => {
    response.writeHead(status, { 'content-type': lookup(file) ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  };
  const notFound = async () => {
    const page = await fileAt('404.html');
    if (page) send(page, 404);
    else response.writeHead(404).end('Not found');
  };
  if (!`${pathname}/`.startsWith(base)) return notFound();
  const relative = pathname.slice(base.length);
  const direct = relative === '' || relative.endsWith('/') ? await fileAt(path.join(relative, 'index.html')) : await fileAt(relative);
  if (direct) return send(direct, 200);
  if (!relative.endsWith('/') && (await fileAt(path.join(relative, 'index.html')))) {
    response.writeHead(301, { location: `${pathname}/${url.search}` }).end();
    return;
  }
  return notFound();
});

server.listen(Number(portText), '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`Serving ${folder} at http://127.0.0.1:${port}${base}`);
});
