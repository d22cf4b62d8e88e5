// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every text
// and wasm asset of a build, for static hosts that serve precompressed files (nginx
// `gzip_static` / `brotli_static`, Caddy `precompressed`, Netlify and GitHub Pages do it
// themselves). Prints each asset's sizes. Usage: node scripts/precompress.mjs dist
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt']);

/** Every file under `dir`, recursively. */
async function files(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  return nested.flat();
}

const dist = process.argv[2];
if (!dist) {
  console.error('usage: node scripts/precompress.mjs <dist-dir>');
  process.exit(2);
}
const assets = (await files(dist)).filter((f) => COMPRESSIBLE.has(extname(f)));
if (assets.length === 0) {
  console.error(`no assets to compress in ${dist}: build it first (trunk build --release)`);
  process.exit(1);
}
for (const file of assets) {
  const body = await readFile(file);
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  const gz = gzipSync(body, { level: 9 });
  await writeFile(`${file}.br`, br);
  await writeFile(`${file}.gz`, gz);
  console.log(`${file.slice(dist.length + 1).padEnd(48)} ${String(body.length).padStart(9)} raw ${String(br.length).padStart(8)} br ${String(gz.length).padStart(8)} gz`);
}
