import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditLogPage, StaffAccount, StaffMe } from '../../../contract/staff.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { cookiesFrom, createStaff, randomAddress, signedInStaff, signInCitizen, signInStaff, withoutCsrf, type SessionHeaders } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { idempotencyKey } from './factories.ts'

let testApp: TestApp
let admin: SessionHeaders
beforeAll(async () => {
  testApp = await buildTestApp()
  admin = (await signedInStaff(testApp.app, testApp.db, { username: 'admin', role: 'admin', password: 'admin-password-1' })).headers
})
afterAll(() => testApp.close())

let usernames = 0
/** A fresh clerk account (unique username) and its password. */
async function newClerk(): Promise<{ id: string; username: string; password: string }> {
  const username = `clerk${++usernames}`
  const password = `password-of-${username}`
  const id = await createStaff(testApp.db, { username, role: 'clerk', password, hallIds: ['kundulun-civic-centre'], departmentIds: ['public-security'] })
  return { id, username, password }
}

const staffSignIn = (username: string, password: string) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/staff/sessions', payload: { username, password }, remoteAddress: '10.9.8.7' })
const staffMe = (headers: Record<string, string>) => testApp.app.inject({ method: 'GET', url: '/api/v1/staff/me', headers })

async function auditEntries(target: string) {
  return testApp.db.selectFrom('audit_log').selectAll().where('target', '=', target).orderBy('id').execute()
}

describe('staff sign-in', () => {
  it('signs in with username and password: own cookies, role, halls and departments, audit-logged', async () => {
    const clerk = await newClerk()
    const response = await staffSignIn(clerk.username, clerk.password)
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json<StaffMe>()).toMatchObject({
      id: clerk.id,
      username: clerk.username,
      role: 'clerk',
      hallIds: ['kundulun-civic-centre'],
      departmentIds: ['public-security'],
    })
    expect(response.cookies.map((cookie) => [cookie.name, cookie.httpOnly ?? false, cookie.path])).toEqual([
      ['kdl_staff_session', true, '/api'],
      ['kdl_staff_csrf', false, '/'],
    ])
    expect((await staffMe({ cookie: cookiesFrom(response) })).json<StaffMe>().username).toBe(clerk.username)
    expect(await auditEntries(`staff_account:${clerk.id}`)).toEqual([
      expect.objectContaining({ staff_id: clerk.id, actor: clerk.username, action: 'staff.sign_in', detail: { address: '10.9.8.7' } }),
    ])
  })

  it('answers a wrong password and an unknown username alike', async () => {
    const clerk = await newClerk()
    const wrongPassword = expectErrorBody(await staffSignIn(clerk.username, 'not-the-password'), 401, 'STAFF_SIGN_IN_FAILED')
    const unknownUser = expectErrorBody(await staffSignIn('nobody.here', 'not-the-password'), 401, 'STAFF_SIGN_IN_FAILED')
    expect(unknownUser).toEqual(wrongPassword)
    expect(wrongPassword.message).toBe('用户名或密码错误')
  })

  it('locks an account for 15 minutes after 5 wrong passwords, refusing even the right one, and audit-logs it', async () => {
    const clerk = await newClerk()
    for (let attempt = 1; attempt <= 4; attempt++) expectErrorBody(await staffSignIn(clerk.username, 'wrong-password'), 401, 'STAFF_SIGN_IN_FAILED')
    const fifth = await staffSignIn(clerk.username, 'wrong-password')
    expect(expectErrorBody(fifth, 429, 'STAFF_ACCOUNT_LOCKED').message).toBe('登录失败次数过多，账号已临时锁定，请在 15 分钟后再试')
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(14 * 60)
    expectErrorBody(await staffSignIn(clerk.username, clerk.password), 429, 'STAFF_ACCOUNT_LOCKED')

    const actions = (await auditEntries(`staff_account:${clerk.id}`)).map((entry) => [entry.action, entry.detail])
    expect(actions.at(4)).toEqual(['staff.sign_in_failed', { address: '10.9.8.7', locked: true }])
    expect(actions.at(-1)).toEqual(['staff.sign_in_refused', { reason: 'locked', address: '10.9.8.7' }])

    // After the lock runs out the right password works, and the count starts again.
    await testApp.db.updateTable('staff_accounts').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', clerk.id).execute()
    expect((await staffSignIn(clerk.username, clerk.password)).statusCode).toBe(201)
    expect((await testApp.db.selectFrom('staff_accounts').select('failed_sign_ins').where('id', '=', clerk.id).executeTakeFirstOrThrow()).failed_sign_ins).toBe(0)
  })

  it('counts consecutive failures only: a successful sign-in starts the count again', async () => {
    const clerk = await newClerk()
    for (let attempt = 1; attempt <= 4; attempt++) await staffSignIn(clerk.username, 'wrong-password')
    expect((await staffSignIn(clerk.username, clerk.password)).statusCode).toBe(201)
    for (let attempt = 1; attempt <= 4; attempt++) expectErrorBody(await staffSignIn(clerk.username, 'wrong-password'), 401, 'STAFF_SIGN_IN_FAILED')
  })

  it('signs out: the session ends, the cookies are cleared, and it is audit-logged', async () => {
    const clerk = await newClerk()
    const { headers } = await signInStaff(testApp.app, clerk.username, clerk.password)
    const out = await testApp.app.inject({ method: 'DELETE', url: '/api/v1/staff/sessions/current', headers })
    expect(out.statusCode, out.body).toBe(204)
    expectErrorBody(await staffMe(headers), 401, 'AUTHENTICATION_REQUIRED')
    expect((await auditEntries(`staff_account:${clerk.id}`)).map((entry) => entry.action)).toEqual(['staff.sign_in', 'staff.sign_out'])
  })

  it('keeps staff and citizen sessions apart', async () => {
    const citizen = await signInCitizen(testApp.app)
    expectErrorBody(await staffMe(citizen.headers), 401, 'AUTHENTICATION_REQUIRED')
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: '/api/v1/me', headers: admin }), 401, 'AUTHENTICATION_REQUIRED')
    // Both at once in one browser: each side sees its own.
    const both = { cookie: `${citizen.headers.cookie}; ${admin.cookie}` }
    expect((await staffMe(both)).json<StaffMe>().username).toBe('admin')
    expect((await testApp.app.inject({ method: 'GET', url: '/api/v1/me', headers: both })).json<{ id: string }>().id).toBe(citizen.me.id)
  })
})

describe('roles', () => {
  it('refuses administrators\' operations to a clerk (403) and to a citizen (401)', async () => {
    const clerk = await newClerk()
    const { headers } = await signInStaff(testApp.app, clerk.username, clerk.password)
    expect(expectErrorBody(await testApp.app.inject({ method: 'GET', url: '/api/v1/staff/accounts', headers }), 403, 'FORBIDDEN').message).toBe('没有权限执行此操作')
    const citizen = await signInCitizen(testApp.app)
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: '/api/v1/staff/accounts', headers: citizen.headers }), 401, 'AUTHENTICATION_REQUIRED')
  })

  it('applies a new role at once, also to sessions already open', async () => {
    const clerk = await newClerk()
    const { headers } = await signInStaff(testApp.app, clerk.username, clerk.password)
    expect((await testApp.app.inject({ method: 'GET', url: '/api/v1/staff/audit-log', headers })).statusCode).toBe(403)
    await testApp.app.inject({ method: 'PATCH', url: `/api/v1/staff/accounts/${clerk.id}`, headers: admin, payload: { role: 'admin' } })
    expect((await testApp.app.inject({ method: 'GET', url: '/api/v1/staff/audit-log', headers })).statusCode).toBe(200)
  })
})

describe('account administration', () => {
  const create = (payload: object, headers: Record<string, string> = admin, key = idempotencyKey()) =>
    testApp.app.inject({ method: 'POST', url: '/api/v1/staff/accounts', headers: { ...headers, 'idempotency-key': key }, payload })
  const change = (id: string, payload: object) => testApp.app.inject({ method: 'PATCH', url: `/api/v1/staff/accounts/${id}`, headers: admin, payload })

  it('creates an account bound to halls and departments, hashed with argon2id, audit-logged without the password', async () => {
    const response = await create({
      username: 'li.na',
      displayName: '李娜',
      role: 'supervisor',
      hallIds: ['kundulun-civic-centre'],
      departmentIds: ['civil-affairs'],
      password: 'li-na-first-password',
    })
    expect(response.statusCode, response.body).toBe(201)
    const account = response.json<StaffAccount>()
    expect(account).toMatchObject({ username: 'li.na', role: 'supervisor', hallIds: ['kundulun-civic-centre'], departmentIds: ['civil-affairs'], disabled: false, lockedUntil: null })
    const row = await testApp.db.selectFrom('staff_accounts').select('password_hash').where('id', '=', account.id).executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^\$argon2id\$/)
    const [entry] = await auditEntries(`staff_account:${account.id}`)
    expect(entry).toMatchObject({ actor: 'admin', action: 'staff_account.create', detail: { username: 'li.na', role: 'supervisor' } })
    expect(JSON.stringify(entry)).not.toContain('li-na-first-password')
    expect((await staffSignIn('li.na', 'li-na-first-password')).statusCode).toBe(201)

    const listed = (await testApp.app.inject({ method: 'GET', url: '/api/v1/staff/accounts', headers: admin })).json<{ accounts: StaffAccount[] }>()
    expect(listed.accounts.map((candidate) => candidate.username)).toContain('li.na')
    expect(JSON.stringify(listed)).not.toContain('argon2')
  })

  it('refuses a taken username (409) and unknown halls or departments (422)', async () => {
    const base = { displayName: '重复', role: 'clerk', hallIds: [], departmentIds: [], password: 'some-long-password' }
    expectErrorBody(await create({ ...base, username: 'admin' }), 409, 'USERNAME_TAKEN')
    const unknown = expectErrorBody(await create({ ...base, username: 'new.person', hallIds: ['no-such-hall'], departmentIds: ['no-such-department'] }), 422, 'UNKNOWN_BINDING')
    expect(unknown.details).toEqual([
      { path: '/body/hallIds', message: '未知的办事大厅“no-such-hall”' },
      { path: '/body/departmentIds', message: '未知的部门“no-such-department”' },
    ])
  })

  it('disabling an account ends its sessions and refuses its sign-in; enabling it again lets it in', async () => {
    const clerk = await newClerk()
    const session = await signInStaff(testApp.app, clerk.username, clerk.password)
    expect((await change(clerk.id, { disabled: true })).json<StaffAccount>().disabled).toBe(true)
    expectErrorBody(await staffMe(session.headers), 401, 'AUTHENTICATION_REQUIRED')
    expect(expectErrorBody(await staffSignIn(clerk.username, clerk.password), 403, 'STAFF_ACCOUNT_DISABLED').message).toBe('该账号已停用，请联系系统管理员')
    // A wrong password gets the usual answer, so the refusal tells nothing to someone guessing.
    expectErrorBody(await staffSignIn(clerk.username, 'wrong-password'), 401, 'STAFF_SIGN_IN_FAILED')
    await change(clerk.id, { disabled: false })
    expect((await staffSignIn(clerk.username, clerk.password)).statusCode).toBe(201)
  })

  it('a new password lifts a lockout and ends the old sessions', async () => {
    const clerk = await newClerk()
    const session = await signInStaff(testApp.app, clerk.username, clerk.password)
    for (let attempt = 1; attempt <= 5; attempt++) await staffSignIn(clerk.username, 'wrong-password')
    const changed = await change(clerk.id, { password: 'brand-new-password' })
    expect(changed.json<StaffAccount>().lockedUntil).toBeNull()
    expectErrorBody(await staffMe(session.headers), 401, 'AUTHENTICATION_REQUIRED')
    expect((await staffSignIn(clerk.username, 'brand-new-password')).statusCode).toBe(201)
    const [update] = (await auditEntries(`staff_account:${clerk.id}`)).filter((entry) => entry.action === 'staff_account.update')
    expect(update!.detail).toEqual({ username: clerk.username, passwordReset: true })
  })

  it('changes role and bindings, audit-logged with what changed', async () => {
    const clerk = await newClerk()
    const response = await change(clerk.id, { role: 'supervisor', departmentIds: ['civil-affairs', 'public-security'], hallIds: [] })
    expect(response.json<StaffAccount>()).toMatchObject({ role: 'supervisor', departmentIds: ['civil-affairs', 'public-security'], hallIds: [] })
    const [update] = (await auditEntries(`staff_account:${clerk.id}`)).filter((entry) => entry.action === 'staff_account.update')
    expect(update).toMatchObject({ actor: 'admin', detail: { role: 'supervisor', departmentIds: ['civil-affairs', 'public-security'], hallIds: [] } })
  })

  it('keeps at least one active administrator, and nobody disables themselves', async () => {
    const { id } = await testApp.db.selectFrom('staff_accounts').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()
    const others = await testApp.db.selectFrom('staff_accounts').select('id').where('role', '=', 'admin').where('id', '!=', id).execute()
    for (const other of others) await change(other.id, { role: 'clerk' })
    expectErrorBody(await change(id, { role: 'clerk' }), 409, 'LAST_ADMIN')
    expectErrorBody(await change(id, { disabled: true }), 409, 'CANNOT_DISABLE_SELF')
  })

  it('answers 404 for an unknown account', async () => {
    expectErrorBody(await change('00000000-0000-4000-8000-000000000000', { displayName: '无' }), 404, 'NOT_FOUND')
  })

  it('replays a retried creation with the same Idempotency-Key instead of failing on the taken username', async () => {
    const key = idempotencyKey()
    const payload = { username: 'wang.fang', displayName: '王芳', role: 'clerk', hallIds: [], departmentIds: [], password: 'wang-fang-password' }
    const first = await create(payload, admin, key)
    const retry = await create(payload, admin, key)
    expect(retry.statusCode).toBe(201)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json()).toEqual(first.json())
  })

  it('refuses writes without the CSRF token of the staff session', async () => {
    expectErrorBody(await create({ username: 'no.csrf', displayName: '无', role: 'clerk', hallIds: [], departmentIds: [], password: 'no-csrf-password' }, withoutCsrf(admin)), 403, 'CSRF_TOKEN_INVALID')
  })
})

describe('the audit log', () => {
  it('lists staff actions newest first, page by page, to administrators', async () => {
    const first = (await testApp.app.inject({ method: 'GET', url: '/api/v1/staff/audit-log?limit=2', headers: admin })).json<AuditLogPage>()
    expect(first.entries).toHaveLength(2)
    expect(Number(first.entries[0]!.id)).toBeGreaterThan(Number(first.entries[1]!.id))
    const next = (await testApp.app.inject({ method: 'GET', url: `/api/v1/staff/audit-log?limit=2&before=${first.entries[1]!.id}`, headers: admin })).json<AuditLogPage>()
    expect(Number(next.entries[0]!.id)).toBeLessThan(Number(first.entries[1]!.id))
  })

  it('records a sign-in from the client address the request came from', async () => {
    const clerk = await newClerk()
    const address = randomAddress()
    await testApp.app.inject({ method: 'POST', url: '/api/v1/staff/sessions', payload: { username: clerk.username, password: clerk.password }, remoteAddress: address })
    expect((await auditEntries(`staff_account:${clerk.id}`))[0]!.detail).toEqual({ address })
  })
})
