// API documentation gate (#14): every export of src/index.ts (and the /testing and /locales
// entries) carries JSDoc, which is what an editor's hover shows; and no comment in dist/ points
// readers at a file the package does not ship. Prints the count and what is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const entries = ['src/index.ts', 'src/testing/index.ts', 'src/locales.ts'];
const program = ts.createProgram(entries, { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, jsx: ts.JsxEmit.ReactJSX, strict: true, noEmit: true, skipLibCheck: true, allowImportingTsExtensions: true });
const checker = program.getTypeChecker();

let failed = false;
for (const entry of entries) {
  const module = checker.getSymbolAtLocation(program.getSourceFile(resolve(entry)));
  const exports = checker.getExportsOfModule(module);
  const missing = exports
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return target.getDocumentationComment(checker).length === 0;
    })
    .map((symbol) => symbol.name);
  console.log(`${entry}: ${exports.length - missing.length} of ${exports.length} exports have JSDoc`);
  if (missing.length > 0) {
    failed = true;
    console.log(`  without: ${missing.join(', ')}`);
  }
}

// A comment naming `something/like/this.md` or `src/x.ts` sends a reader of node_modules to a
// file that is not there. URLs are fine; so are names of files the package ships.
const dist = resolve('dist');
if (!existsSync(dist)) {
  console.log('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const shipped = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((item) => (item.isDirectory() ? shipped(join(dir, item.name)) : [join(dir, item.name)]));
// What npm packs: `files` (dist) and the README, licence and manifest it always adds. A name
// may be relative to the package root or to dist/ (`styles.css`).
const isShipped = (path) => ['README.md', 'LICENSE', 'package.json'].includes(path) || existsSync(join(dist, path)) || (path.startsWith('dist/') && existsSync(resolve(path)));
const files = shipped(dist).filter((file) => /\.(js|d\.ts)$/.test(file));
const pointers = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (const comment of text.match(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g) ?? []) {
    const withoutUrls = comment.replace(/\bhttps?:\/\/\S+/g, '');
    for (const [path] of withoutUrls.matchAll(/\b[\w.-]+(?:\/[\w.-]+)*\.(?:md|tsx?|mjs|json|css)\b/g)) {
      if (!isShipped(path)) pointers.push(`${relative('.', file)}: ${path}`);
    }
  }
}
console.log(`comments in dist/ naming files that are not shipped: ${pointers.length}`);
for (const pointer of [...new Set(pointers)]) console.log(`  ${pointer}`);
process.exit(failed || pointers.length > 0 ? 1 : 0);
