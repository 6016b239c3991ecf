import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { StaffMe } from '../../../contract/staff.ts'
import { buildApp } from '../../../server/src/app.ts'
import { loadConfig } from '../../../server/src/config.ts'
import { openDatabase } from '../../../server/src/db/database.ts'

const run = promisify(execFile)
const root = join(import.meta.dirname, '..', '..', '..')
let workDir: string

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'kdl-create-admin-'))
})
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

/** Runs `npm run staff:create-admin` against a PGlite database in the temporary DATA_DIR, with `input` on stdin. */
function createAdmin(args: string[], { password, input }: { password?: string; input?: string } = {}): Promise<{ code: number; output: string }> {
  const { DATABASE_URL: _notThisOne, STAFF_ADMIN_PASSWORD: _notThisEither, ...inherited } = process.env
  const env = { ...inherited, DATA_DIR: join(workDir, 'data'), NODE_ENV: 'test', LOG_LEVEL: 'silent', ...(password && { STAFF_ADMIN_PASSWORD: password }) }
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [join(root, 'server/scripts/create-staff-admin.ts'), ...args], { cwd: workDir, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    )
    child.stdin?.end(input ?? '')
  })
}

it('creates an administrator from STAFF_ADMIN_PASSWORD, who can then sign in; the creation is audit-logged', { timeout: 60_000 }, async () => {
  const { code, output } = await createAdmin(['--username', 'admin', '--display-name', '信息中心管理员'], { password: 'first-admin-password' })
  expect(output).toMatch(/已创建系统管理员 created administrator admin \([0-9a-f-]{36}\)/)
  expect(code).toBe(0)

  const db = openDatabase({ kind: 'pglite', dataDir: join(workDir, 'data', 'pglite') })
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', STATIC_DIR: join(workDir, 'no-static') }), db })
  try {
    const account = await db.selectFrom('staff_accounts').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow()
    expect(account).toMatchObject({ role: 'admin', display_name: '信息中心管理员', disabled_at: null })
    expect(account.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    const audit = await db.selectFrom('audit_log').selectAll().where('target', '=', `staff_account:${account.id}`).execute()
    expect(audit).toEqual([expect.objectContaining({ actor: 'cli:staff:create-admin', staff_id: null, action: 'staff_account.create' })])
    expect(JSON.stringify(audit)).not.toContain('first-admin-password')

    const signIn = await app.inject({ method: 'POST', url: '/api/v1/staff/sessions', payload: { username: 'admin', password: 'first-admin-password' } })
    expect(signIn.statusCode, signIn.body).toBe(201)
    expect(signIn.json<StaffMe>()).toMatchObject({ username: 'admin', role: 'admin', displayName: '信息中心管理员' })
  } finally {
    await app.close()
  }
})

it('reads the password from standard input, and refuses a taken username with exit code 1', { timeout: 60_000 }, async () => {
  const created = await createAdmin(['--username', 'second.admin'], { input: 'piped-admin-password\n' })
  expect(created.code, created.output).toBe(0)
  const again = await createAdmin(['--username', 'second.admin'], { input: 'piped-admin-password\n' })
  expect(again.output).toContain('用户名“second.admin”已被使用')
  expect(again.code).toBe(1)
})

it('refuses a missing username, an invalid one and a short password before touching the database', async () => {
  expect(await createAdmin([], { password: 'long-enough-password' })).toMatchObject({ code: 1, output: expect.stringContaining('用法 usage') })
  expect(await createAdmin(['--username', '1admin'], { password: 'long-enough-password' })).toMatchObject({ code: 1, output: expect.stringContaining('用户名无效') })
  expect(await createAdmin(['--username', 'third.admin'], { password: 'short' })).toMatchObject({ code: 1, output: expect.stringContaining('密码至少 10 个字符') })
})
