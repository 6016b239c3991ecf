import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL whose user may create databases; each test app makes its own. */
    testDatabaseUrl: string
  }
}

const postgresRoot = '/usr/lib/postgresql'

/** The newest installed PostgreSQL's bin directory, installing Debian's package when none is. */
function postgresBinDir(): string {
  const find = () =>
    existsSync(postgresRoot)
      ? readdirSync(postgresRoot)
          .filter((version) => existsSync(join(postgresRoot, version, 'bin', 'initdb')))
          .sort((a, b) => Number(b) - Number(a))[0]
      : undefined
  let version = find()
  if (!version) {
    // Debian's package installs the binaries without starting a cluster.
    execFileSync('apt-get', ['update'], { stdio: 'inherit' })
    execFileSync('apt-get', ['install', '-y', 'postgresql'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    version = find()
  }
  if (!version) throw new Error(`No PostgreSQL binaries in ${postgresRoot} after installing the postgresql package`)
  return join(postgresRoot, version, 'bin')
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * Uses TEST_DATABASE_URL when set; otherwise starts a throwaway PostgreSQL on 127.0.0.1 in a
 * temporary directory and stops and removes it after the run, failed or not.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const existing = process.env.TEST_DATABASE_URL
  if (existing) {
    project.provide('testDatabaseUrl', existing)
    return undefined
  }

  const bin = postgresBinDir()
  const dir = mkdtempSync(join(tmpdir(), 'kdl-postgres-'))
  const dataDir = join(dir, 'data')
  // PostgreSQL refuses to run as root: run its tools as the `postgres` user, owning the directory.
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chownSync(dir, uid, gid)
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, tool), args, { stdio: 'pipe' })

  const stop = () => {
    try {
      run('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  try {
    run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
    const port = await freePort()
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c max_connections=200`
    run('pg_ctl', ['start', '-D', dataDir, '-w', '-l', join(dir, 'postgres.log'), '-o', options])
    project.provide('testDatabaseUrl', `postgres://postgres@127.0.0.1:${port}/postgres`)
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return stop
}
