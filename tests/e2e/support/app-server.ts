// Runs the real server (as `npm start` does, minus the build) on a free loopback port with its own
// throwaway data directory, for browser tests and benchmarks.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..', '..', '..')

export interface AppServer {
  baseURL: string
  /** Milliseconds from spawn until the API answered its health check. */
  startupMs: number
  /** Everything the server wrote to stdout and stderr so far (its log lines). */
  output(): string
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * Starts the server and waits until /api/health answers.
 * @param options.command what to run; default `node server/src/server.ts` (the built app in dist/ must exist)
 * @param options.dataDir reuse a data directory (a warm start); default a fresh one, removed on stop
 */
export async function startAppServer(
  options: { command?: string[]; dataDir?: string; env?: Record<string, string> } = {},
): Promise<AppServer> {
  const [command, ...args] = options.command ?? [process.execPath, join(root, 'server', 'src', 'server.ts')]
  const port = await freePort()
  const ownDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kdl-data-'))
  const baseURL = `http://127.0.0.1:${port}`
  const started = performance.now()
  const child: ChildProcess = spawn(command!, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // E2E_STATIC_DIR: a build elsewhere than dist/ (e.g. while another build writes dist/).
      STATIC_DIR: process.env.E2E_STATIC_DIR ?? join(root, 'dist'),
      RATE_LIMIT_MAX: '10000',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`)
    try {
      const response = await fetch(`${baseURL}/api/health`)
      if (response.ok) break
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not answer within 90 s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const startupMs = performance.now() - started

  return {
    baseURL,
    startupMs,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
