// The README compiles (#14): every ```ts and ```tsx block is type-checked, under strict (and
// exactOptionalPropertyTypes, as strict apps set it: the public shapes accept `undefined`), against
// the built declarations in dist/ (what a user gets from npm). What a snippet assumes (a `session`,
// a `navigate`) is declared in an HTML comment just before its block, which readers do not see:
//
//   <!-- prelude: declare const rid: string; -->
//
// Also checked: every image is an absolute URL to this repository's raw files (the npm registry's
// page shows no relative image) naming a file that exists here.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const readme = readFileSync('README.md', 'utf8');
const lines = readme.split('\n');
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
let failures = 0;
const fail = (message) => {
  failures += 1;
  console.log(`  ${message}`);
};

if (!existsSync('dist/index.d.ts')) {
  console.log('dist/ is missing: run `npm run build` first');
  process.exit(1);
}

// Blocks, with the line their code starts on and the prelude before them.
const blocks = [];
for (let index = 0; index < lines.length; index += 1) {
  const fence = /^(\s*)```(tsx?)\s*$/.exec(lines[index]);
  if (!fence) continue;
  const start = index + 1;
  let end = start;
  while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end += 1;
  const indent = fence[1].length;
  const code = lines.slice(start, end).map((line) => line.slice(indent)).join('\n');
  // The prelude: an HTML comment ending on the line just above the fence.
  let prelude = '';
  if (/-->\s*$/.test(lines[index - 1] ?? '')) {
    let open = index - 1;
    while (open > 0 && !lines[open].includes('<!--')) open -= 1;
    const comment = lines.slice(open, index).join('\n');
    const match = /<!--\s*prelude:([\s\S]*?)-->/.exec(comment);
    if (match) prelude = match[1].trim();
  }
  blocks.push({ line: start + 1, language: fence[2], code, prelude });
  index = end;
}

const dir = resolve('node_modules/.cache/rcou-readme');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const files = blocks.map((block) => {
  const file = join(dir, `readme-line-${block.line}.${block.language}`);
  const preludeLines = block.prelude ? block.prelude.split('\n').length : 0;
  // `export {}` keeps every block a module of its own, as a file of an app would be.
  writeFileSync(file, `${block.prelude}\n${block.code}\nexport {};\n`);
  return { file, block, offset: preludeLines + 1 };
});

const dist = resolve('dist');
const program = ts.createProgram(
  files.map(({ file }) => file),
  {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    // The package as npm installs it: its export map's declarations.
    paths: {
      'rocketchat-omnichannel-ui': [join(dist, 'index.d.ts')],
      'rocketchat-omnichannel-ui/testing': [join(dist, 'testing.d.ts')],
      'rocketchat-omnichannel-ui/locales': [join(dist, 'locales.d.ts')],
      'rocketchat-omnichannel-ui/styles.css': [join(dist, 'styles.css.d.ts')],
      'rocketchat-omnichannel-ui/themes/rocketchat.css': [join(dist, 'themes', 'rocketchat.css.d.ts')],
    },
  },
);

console.log(`README.md: ${blocks.length} TypeScript blocks (${blocks.filter((block) => block.prelude).length} with a prelude)`);
for (const { file, block, offset } of files) {
  const source = program.getSourceFile(file);
  const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
  for (const diagnostic of diagnostics) {
    const { line } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const where = line < offset - 1 ? `prelude of the block at line ${block.line}` : `README.md:${block.line + line - offset + 1}`;
    fail(`${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
  }
}

// Images: absolute URLs to the repository's raw files, each naming a file that is here.
const repository = /github\.com\/([^/]+\/[^/.]+)/.exec(manifest.repository?.url ?? '')?.[1];
const raw = `https://raw.githubusercontent.com/${repository}/main/`;
const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)|<img[^>]+src="([^"]+)"/g)].map((match) => match[1] ?? match[2]);
for (const image of images) {
  if (!image.startsWith(raw)) fail(`image ${image} is not under ${raw}: the npm registry's page would not show it`);
  else if (!existsSync(image.slice(raw.length))) fail(`image ${image} names ${image.slice(raw.length)}, which is not in the repository`);
}
console.log(`images: ${images.length}, all under ${raw}${failures ? '' : ' and present'}`);

rmSync(dir, { recursive: true, force: true });
console.log(failures === 0 ? 'README: every block compiles' : `README: ${failures} problems`);
process.exit(failures === 0 ? 0 : 1);
