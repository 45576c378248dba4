import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { vietnamToday } from '../core/dates.ts';
import { sessionFromToken } from '../features/auth/index.ts';
import { can, features, type Permission } from './features.ts';
import { newContext, runInContext } from './request-context.ts';
import { scopeOf } from './scope.ts';
import { SESSION_COOKIE } from './types.ts';

/** The element of index.html the web app reads the inlined data from (src/web/first-paint.ts). */
export const FIRST_PAINT_ID = 'first-paint';

/** JSON inside a <script> element: no "<" may close it early ("\u003c" is the same character to JSON). */
const inlineJson = (json: string) => json.replaceAll('<', '\\u003c');

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'private, no-cache',
  vary: 'Accept-Encoding',
};

/** A compressing stream as the caller accepts (brotli, else gzip, else none) and its content-encoding. */
function encoderFor(request: FastifyRequest) {
  const accepts = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepts))
    return {
      encoding: 'br',
      stream: zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6 } }),
    };
  if (/\bgzip\b/.test(accepts)) return { encoding: 'gzip', stream: zlib.createGzip() };
  return { encoding: null, stream: new PassThrough() };
}

/**
 * The pages the features paint on the server (`firstPaint` of their manifests): index.html of the built web app
 * with the page's HTML inside #root and its data inlined, so that a slow link shows the numbers as soon as the
 * page arrives, seconds before the app's scripts (which then take over: src/web/first-paint.ts). The caller's
 * session and right are checked as an API route would; without them, or when the page has nothing to paint
 * (an address outside the caller's jurisdiction, a malformed query), the plain index.html is sent and the app
 * says what is wrong. The logged-in user is inlined too, so the app's shell needs no round trip to draw itself.
 */
export function installFirstPaint(app: FastifyInstance, webRoot: string) {
  const index = path.join(webRoot, 'index.html');
  // A page of the web app, not of the API: left out of the OpenAPI document.
  for (const page of features().flatMap((f) => f.firstPaint ?? []))
    app.get(page.path, { schema: { hide: true } }, async (request, reply) => {
      const template = fs.readFileSync(index, 'utf8');
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await sessionFromToken(app.db, token) : null;
      if (!session || !can(session.user.role, page.permission as Permission))
        return reply.headers(HTML_HEADERS).send(template);
      // The app's scripts move to the end: found early, they would share the link with the page's own bytes.
      const scripts: string[] = [];
      const [head, body] = template
        .replace(/<(script type="module"[^>]*><\/script|link rel="modulepreload"[^>]*)>\s*/g, (tag) => {
          scripts.push(tag.trim());
          return '';
        })
        .split('</head>') as [string, string];
      // The head (its stylesheet) goes out at once: the browser fetches the styles while the page is computed.
      const { encoding, stream } = encoderFor(request);
      reply.headers(HTML_HEADERS);
      if (encoding) reply.header('content-encoding', encoding);
      void reply.send(stream);
      stream.write(`${head}</head>`);
      if ('flush' in stream) stream.flush();
      request.user = session.user;
      const ctx = newContext(app.db, scopeOf(request), vietnamToday);
      const query = request.query as Record<string, string | undefined>;
      const painted = await runInContext(ctx, () => page.render(ctx, query, request.lang)).catch(
        (error: unknown) => {
          request.log.debug({ error }, 'first paint refused');
          return null;
        },
      );
      const data = painted
        ? `<script type="application/json" id="${FIRST_PAINT_ID}">${inlineJson(
            `{"path":${JSON.stringify(request.url)},"me":${JSON.stringify(session.user)},"data":${painted.data}}`,
          )}</script>`
        : '';
      stream.end(
        body
          .replace(/<div id="root">[\s\S]*?<\/div>/, (root) =>
            painted ? `<div id="root">${painted.html}</div>` : root,
          )
          .replace('</body>', () => `${data}${scripts.join('')}</body>`),
      );
      return reply;
    });
}
