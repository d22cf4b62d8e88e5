// Cuts the Python interpreter out of the learner's first download (src/interpreter/load.rs).
//
// Trunk has built `dist/` from cargo's release wasm with the `split` feature, linked with
// `--emit-relocs` (scripts/build sets both). This replaces Trunk's JS and wasm in `dist/` with
//   loopscope-H.js, loopscope-H_bg.wasm   the app, without what only the interpreter reaches,
//   loopscope-split-H.js                  the loader (wasm_split_cli_support's `__wasm_split.js`),
//   loopscope-python-H.wasm               the interpreter, fetched when a learner first edits code,
// where H is a hash of cargo's wasm (so a name never changes its content: cache them forever),
// runs wasm-opt on both wasm files and rewrites index.html's names and integrity hashes. Every
// URL stays relative to the page.
// Usage: node scripts/split-wasm.mjs <cargo's loopscope.wasm> <dist-dir>
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync, cpSync, renameSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [input, dist] = process.argv.slice(2);
if (!input || !dist) {
  console.error('usage: node scripts/split-wasm.mjs <cargo-release.wasm> <dist-dir>');
  process.exit(2);
}

const wasm = readFileSync(input);
if (!wasm.includes(Buffer.from('__wasm_split_placeholder__'))) {
  console.error(`${input} has no split point: build it with the cargo feature "split" (scripts/build)`);
  process.exit(1);
}
const hash = createHash('sha256').update(wasm).digest('hex').slice(0, 16);
const name = `loopscope-${hash}`;
const loaderName = `loopscope-split-${hash}.js`;
const work = mkdtempSync(join(tmpdir(), 'loopscope-split-'));
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });

// 1. Split: the main module (for wasm-bindgen), the interpreter's module and the loader.
run('wasm-split-cli', [input, work, '--out-name', name]);
const chunks = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${name}.wasm`);
let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
const modules = [];
for (const chunk of chunks) {
  const renamed = `loopscope-${chunk.replace(/^split_/, '').replace(/\.wasm$/, '')}-${hash}.wasm`;
  loader = loader.replaceAll(`"./${chunk}"`, `"./${renamed}"`);
  renameSync(join(work, chunk), join(work, renamed));
  modules.push(renamed);
}
if (chunks.length === 0 || loader.includes('./split_')) {
  console.error(`the split left the loader naming a module it did not rename: ${join(work, '__wasm_split.js')}`);
  process.exit(1);
}

// 2. wasm-bindgen on the main module, keeping the exports the interpreter's module imports.
const bindgen = join(work, 'bindgen');
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
  '--out-name', name, '--out-dir', bindgen, join(work, `${name}.wasm`)]);
const mainJs = join(bindgen, `${name}.js`);
let js = readFileSync(mainJs, 'utf8');
const importOfLoader = /from (["'])\.\/__wasm_split\.js\1/g;
if (!importOfLoader.test(js)) {
  console.error(`${mainJs} does not import ./__wasm_split.js: the splitter's output changed`);
  process.exit(1);
}
js = js.replaceAll(importOfLoader, `from "./${loaderName}"`);
writeFileSync(mainJs, js);
writeFileSync(join(bindgen, loaderName), loader);

// 3. wasm-opt, as Trunk does for a build without the split (`data-wasm-opt="z"`).
const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
const optimize = (from, to) => run('wasm-opt', ['-Oz', ...features, from, '-o', to]);
optimize(join(bindgen, `${name}_bg.wasm`), join(bindgen, `${name}_bg.wasm`));
for (const chunk of modules) {
  optimize(join(work, chunk), join(bindgen, chunk));
}

// 4. Into dist/: Trunk's JS and wasm out, ours in; index.html names ours.
const indexPath = join(dist, 'index.html');
let index = readFileSync(indexPath, 'utf8');
const trunkName = index.match(/\.\/(loopscope-[0-9a-f]+)\.js/)?.[1];
if (!trunkName) {
  console.error(`${indexPath} names no loopscope-….js: run trunk build first`);
  process.exit(1);
}
for (const f of [`${trunkName}.js`, `${trunkName}_bg.wasm`]) {
  rmSync(join(dist, f), { force: true });
  rmSync(join(dist, `${f}.br`), { force: true });
  rmSync(join(dist, `${f}.gz`), { force: true });
}
for (const f of readdirSync(bindgen)) {
  cpSync(join(bindgen, f), join(dist, f), { recursive: true });
}
index = index.replaceAll(trunkName, name);
// The loader is imported by the main JS: fetch it alongside.
index = index.replace(/<link rel="modulepreload" href="\.\/[^"]+\.js"[^>]*>/,
  (link) => `${link}<link rel="modulepreload" href="./${loaderName}" crossorigin="anonymous">`);
// Subresource integrity of every file index.html names.
index = index.replace(/<link\b[^>]*>/g, (tag) => {
  const file = tag.match(/href="\.\/([^"]+)"/)?.[1];
  if (!file || !/\.(js|wasm|css)$/.test(file) || !existsSync(join(dist, file))) return tag;
  const sri = createHash('sha384').update(readFileSync(join(dist, file))).digest('base64');
  return tag.replace(/\s+integrity="[^"]*"/, '').replace(/\s*\/?>$/, (end) => ` integrity="sha384-${sri}"${end}`);
});
writeFileSync(indexPath, index);
rmSync(work, { recursive: true, force: true });

const size = (f) => readFileSync(join(dist, f)).length;
console.log(`split: ${name}_bg.wasm ${size(`${name}_bg.wasm`)} bytes (first download); ` +
  modules
    .map((f) => `${f} ${size(f)} bytes`).join(", ") + " (fetched when first needed)");
