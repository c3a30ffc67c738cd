// `npm run build` (after vite build): dist/themes/rocketchat.css, Rocket.Chat's look for the
// package's components, generated from @rocket.chat/fuselage-tokens. Refuses to write a theme
// whose colours miss WCAG AA contrast. `node scripts/build-theme.mjs <file>` writes elsewhere.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { contrastProblems, rocketChatTheme } from './rocketchat-theme.mjs';

const problems = contrastProblems();
if (problems.length > 0) {
  console.error(`themes/rocketchat.css not written: too little contrast\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const { version } = JSON.parse(readFileSync('node_modules/@rocket.chat/fuselage-tokens/package.json', 'utf8'));
const file = process.argv[2] ?? 'dist/themes/rocketchat.css';
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, rocketChatTheme(version));
// As for styles.css: TypeScript 6 checks side-effect imports, so the theme's import needs a declaration.
writeFileSync(`${file}.d.ts`, '// The stylesheet, imported for its effect: it exports nothing.\nexport {};\n');
console.log(`wrote ${file} and its .d.ts (fuselage-tokens ${version})`);
