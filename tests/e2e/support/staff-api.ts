// Staff as the end-to-end tests need them: the first administrator as an installation makes it
// (npm run staff:create-admin, in the data directory the server then opens), staff accounts made
// by that administrator, and requests to the staff API with a staff session (cookie + CSRF token),
// as the staff console will send them.
import { spawnSync } from 'node:child_process'
import { randomInt, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StaffMe } from '../../../contract/staff.ts'
import { startAppServer, type AppServer } from './app-server.ts'

const root = join(import.meta.dirname, '..', '..', '..')

export interface StaffCredentials {
  username: string
  password: string
}

/** A staff member's session against the API: their account id, cookies and the CSRF token. */
export interface StaffSession {
  id: string
  cookie: string
  csrfToken: string
}

/** Makes the first administrator in `dataDir` with `npm run staff:create-admin`'s script, before the server opens it. */
function createStaffAdmin(dataDir: string, admin: StaffCredentials & { displayName: string }): void {
  const created = spawnSync(process.execPath, [join(root, 'server', 'scripts', 'create-staff-admin.ts'), '--username', admin.username, '--display-name', admin.displayName], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, STAFF_ADMIN_PASSWORD: admin.password, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  })
  if (created.status !== 0) throw new Error(`create-staff-admin failed: ${created.stderr}${created.stdout}`)
}

/**
 * The real server on a data directory of its own whose first administrator is `admin` (at info
 * level, so the sign-in codes it logs can be read); stopping it removes the directory.
 */
export async function startAppServerWithAdmin(admin: StaffCredentials & { displayName: string }): Promise<AppServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kdl-e2e-'))
  createStaffAdmin(dataDir, admin)
  const server = await startAppServer({ dataDir, env: { LOG_LEVEL: 'info' } })
  return {
    ...server,
    async stop() {
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function staffSignIn(server: AppServer, { username, password }: StaffCredentials): Promise<StaffSession> {
  const response = await fetch(`${server.baseURL}/api/v1/staff/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!response.ok) throw new Error(`staff sign-in ${response.status}: ${await response.text()}`)
  const me = (await response.json()) as StaffMe
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ')
  return { id: me.id, cookie, csrfToken: me.csrfToken }
}

/** A staff API request; writes carry a fresh Idempotency-Key. Throws on any answer but 2xx. */
export async function staffRequest<Result>(server: AppServer, session: StaffSession, method: string, path: string, body?: unknown): Promise<Result> {
  const response = await fetch(`${server.baseURL}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...(method === 'GET' ? {} : { 'idempotency-key': randomUUID() }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} ${response.status}: ${text}`)
  return JSON.parse(text) as Result
}

/** A new staff member made by the administrator, signed in. */
export async function createStaff(
  server: AppServer,
  admin: StaffCredentials,
  account: { role: 'clerk' | 'supervisor'; displayName: string; hallIds?: string[]; departmentIds?: string[] },
): Promise<StaffSession> {
  const session = await staffSignIn(server, admin)
  const username = `${account.role}.${randomInt(0, 1_000_000)}`
  const password = `e2e-${randomUUID()}`
  await staffRequest(server, session, 'POST', '/api/v1/staff/accounts', {
    username,
    displayName: account.displayName,
    role: account.role,
    hallIds: account.hallIds ?? [],
    departmentIds: account.departmentIds ?? [],
    password,
  })
  return staffSignIn(server, { username, password })
}
