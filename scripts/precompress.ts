/**
 * After `vite build`: writes a brotli (.br) and a gzip (.gz) copy beside every text asset of dist/web, so the
 * server sends phones the compressed bytes without compressing on each request (@fastify/static preCompressed).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = new URL('../dist/web/', import.meta.url).pathname;
const TEXT = /\.(js|css|html|svg|json|txt)$/;
let before = 0;
let after = 0;
for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
  const file = path.join(entry.parentPath, entry.name);
  if (!entry.isFile() || !TEXT.test(file)) continue;
  const bytes = fs.readFileSync(file);
  if (bytes.length < 1024) continue;
  const br = zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  fs.writeFileSync(`${file}.br`, br);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
  before += bytes.length;
  after += br.length;
}
if (process.env.SAFEADAPT_LOG !== '0')
  console.log(`precompressed: ${Math.round(before / 1024)} kB → ${Math.round(after / 1024)} kB (brotli)`);
