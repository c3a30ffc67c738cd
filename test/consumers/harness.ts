// What the consumer checks share: the packed tarball, fresh apps installed from the npm registry,
// child processes with their output kept for the failure message, and a page on loopback.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { serveStatic } from '../helpers/static-server';

export const REPO = resolve(import.meta.dirname, '../..');
/** npm's cache for the consumer apps: warm after the first run, so installs are mostly copies. */
export const NPM_CACHE = process.env.RCOU_NPM_CACHE ?? join(tmpdir(), 'rcou-npm-cache');

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the `npm pack` tarball of this checkout (test/consumers/global-setup.ts). */
    tarball: string;
  }
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; rejects with its output when it fails, so the test says why. */
export function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 240_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise({ stdout, stderr });
      else reject(new Error(`${command} ${args.join(' ')} (in ${options.cwd}) ended with ${signal ?? `exit code ${code}`}\n${stdout}\n${stderr}`));
    });
  });
}

export interface ConsumerApp {
  dir: string;
  /** Runs a binary of the app's node_modules/.bin, in the app. */
  bin(name: string, args: string[], env?: Record<string, string>): Promise<RunResult>;
  remove(): void;
}

/**
 * A fresh app in a temporary folder: the files of test/consumers/apps/<template>, a package.json
 * depending on the tarball and on `dependencies` only, and `npm install` from the registry. What
 * the package does not ship, export or declare is then missing, as it would be for a user.
 * `files` are written into the app beside the template's (what differs between two apps).
 */
export async function createApp(template: string, dependencies: Record<string, string>, files: Record<string, string> = {}): Promise<ConsumerApp> {
  const dir = mkdtempSync(join(tmpdir(), `rcou-consumer-${template}-`));
  cpSync(join(REPO, 'test/consumers/apps', template), dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const manifest = {
    name: `consumer-${template}`,
    private: true,
    type: 'module',
    dependencies: { 'rocketchat-omnichannel-ui': `file:${inject('tarball')}`, ...dependencies },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  try {
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', '--cache', NPM_CACHE], { cwd: dir });
  } catch (error) {
    // An install that fails (ERESOLVE on a peer) leaves no app for the caller to remove.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    bin: (name, args, env) => run(join(dir, 'node_modules/.bin', name), args, { cwd: dir, env }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A long-running process (a server), with its output kept for when it does not come up. */
export function startProcess(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    output: () => output,
    stop: () =>
      new Promise<void>((resolvePromise) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolvePromise();
        child.once('exit', () => resolvePromise());
        child.kill('SIGTERM');
      }),
  };
}

/** A port nobody listens on now, on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolvePromise) => server.close(resolvePromise));
  return port;
}

/** Resolves once `url` answers at all; rejects with `output()` after `timeoutMs`. */
export async function waitForHttp(url: string, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${output()}`);
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
    }
  }
}

/**
 * A built page on loopback, with `/api/` forwarded to `upstream` (the mock Rocket.Chat on its
 * own port) with `apiHeaders` added: the page and the API share an origin, as behind a host's
 * reverse proxy that adds the agent's credentials.
 */
export async function servePageWithApi(root: string, upstream: string, apiHeaders: Record<string, string> = {}): Promise<{ url: string; server: Server }> {
  const files = await serveStatic(root);
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    const target = path.startsWith('/api/') ? `${upstream}${path}` : `${files.url}${path}`;
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const passed = Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host');
      const headers = { ...Object.fromEntries(passed), ...(path.startsWith('/api/') ? apiHeaders : {}) };
      const answer = await fetch(target, { method: request.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined, redirect: 'manual' });
      // fetch has already decoded the body: its framing headers no longer describe it.
      const kept = [...answer.headers].filter(([name]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(name));
      response.writeHead(answer.status, Object.fromEntries(kept));
      response.end(Buffer.from(await answer.arrayBuffer()));
    })();
  });
  server.on('close', () => files.server.close());
  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}
