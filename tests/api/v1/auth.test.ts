import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Me, SignInCodeSent } from '../../../contract/auth.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { cookiesFrom, logSms, randomAddress, randomMobile, requestCode, signInCitizen, withoutCsrf } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { idempotencyKey, inaccuracyReportInput } from './factories.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
})
afterAll(() => testApp.close())

const sendCode = (phone: string, remoteAddress = randomAddress()) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/auth/codes', payload: { phone }, remoteAddress })
const signIn = (phone: string, code: string) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/auth/sessions', payload: { phone, code }, remoteAddress: randomAddress() })
const getMe = (headers: Record<string, string>) => testApp.app.inject({ method: 'GET', url: '/api/v1/me', headers })

/** Moves a number's stored codes into the past, as if `seconds` had gone by. */
async function age(phone: string, seconds: number) {
  const codes = await testApp.db.selectFrom('sign_in_codes').select(['id', 'created_at', 'expires_at']).where('phone', '=', phone).execute()
  for (const code of codes) {
    await testApp.db
      .updateTable('sign_in_codes')
      .set({ created_at: new Date(code.created_at.getTime() - seconds * 1000), expires_at: new Date(code.expires_at.getTime() - seconds * 1000) })
      .where('id', '=', code.id)
      .execute()
  }
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

describe('signing in with a one-time code', () => {
  it('sends a six-digit code and signs in with it: session cookies, masked phone, CSRF token', async () => {
    const phone = randomMobile()
    const sent = await sendCode(phone)
    expect(sent.statusCode, sent.body).toBe(202)
    expect(sent.json<SignInCodeSent>()).toEqual({ expiresInSeconds: 300, resendAfterSeconds: 60 })
    const code = logSms(testApp.app).lastCodeTo(phone)!
    expect(code).toMatch(/^\d{6}$/)

    const response = await signIn(phone, code)
    expect(response.statusCode, response.body).toBe(201)
    const me = response.json<Me>()
    expect(me.maskedPhone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`)
    expect(JSON.stringify(me)).not.toContain(phone)

    const session = response.cookies.find((cookie) => cookie.name === 'kdl_session')!
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api' })
    expect(session.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const csrf = response.cookies.find((cookie) => cookie.name === 'kdl_csrf')!
    expect(csrf).toMatchObject({ value: me.csrfToken, path: '/', sameSite: 'Lax' })
    expect(csrf.httpOnly).toBeFalsy()
    // NODE_ENV=test and no https PUBLIC_URL: not Secure (see the COOKIE_SECURE tests below).
    expect(session.secure).toBeFalsy()

    const who = await getMe({ cookie: cookiesFrom(response) })
    expect(who.statusCode, who.body).toBe(200)
    expect(who.json<Me>()).toMatchObject({ id: me.id, maskedPhone: me.maskedPhone, csrfToken: me.csrfToken })
    expect(who.headers['cache-control']).toBe('private, no-store')
  })

  it('stores only hashes of codes and session tokens', async () => {
    const { phone, headers } = await signInCitizen(testApp.app)
    const token = headers.cookie.match(/kdl_session=([^;]+)/)![1]!
    const code = logSms(testApp.app).lastCodeTo(phone)!
    const codes = await testApp.db.selectFrom('sign_in_codes').selectAll().where('phone', '=', phone).execute()
    expect(codes).toHaveLength(1)
    expect(JSON.stringify(codes)).not.toContain(code)
    const sessions = await testApp.db.selectFrom('citizen_sessions').select('token_hash').execute()
    expect(sessions.map((session) => session.token_hash)).not.toContain(token)
  })

  it('answers a new and a known number alike, and creates the citizen only at the first sign-in', async () => {
    const known = (await signInCitizen(testApp.app)).phone
    await age(known, 61)
    const unknown = randomMobile()
    const [forKnown, forUnknown] = [await sendCode(known), await sendCode(unknown)]
    expect(forKnown.statusCode).toBe(forUnknown.statusCode)
    expect(forKnown.body).toBe(forUnknown.body)
    expect(await testApp.db.selectFrom('citizens').select('id').where('phone', '=', unknown).executeTakeFirst()).toBeUndefined()
  })

  it('signs the same citizen in again on a later sign-in', async () => {
    const first = await signInCitizen(testApp.app)
    await age(first.phone, 61)
    const second = await signInCitizen(testApp.app, first.phone)
    expect(second.me.id).toBe(first.me.id)
    expect(second.headers.cookie).not.toBe(first.headers.cookie)
  })

  it('refuses a code used once already', async () => {
    const phone = randomMobile()
    const code = await requestCode(testApp.app, phone)
    expect((await signIn(phone, code)).statusCode).toBe(201)
    expectErrorBody(await signIn(phone, code), 400, 'SIGN_IN_CODE_EXPIRED')
  })

  it('refuses an expired code (after five minutes)', async () => {
    const phone = randomMobile()
    const code = await requestCode(testApp.app, phone)
    await age(phone, 301)
    const body = expectErrorBody(await signIn(phone, code), 400, 'SIGN_IN_CODE_EXPIRED')
    expect(body.message).toBe('验证码已失效，请重新获取验证码')
  })

  it('counts wrong codes and spends the code at the fifth, so even the right one fails then', async () => {
    const phone = randomMobile()
    const code = await requestCode(testApp.app, phone)
    for (const left of [4, 3, 2, 1]) {
      expect(expectErrorBody(await signIn(phone, wrong(code)), 400, 'SIGN_IN_CODE_INCORRECT').message).toBe(`验证码不正确，还可以再试 ${left} 次`)
    }
    expectErrorBody(await signIn(phone, wrong(code)), 400, 'SIGN_IN_CODE_EXPIRED')
    expectErrorBody(await signIn(phone, code), 400, 'SIGN_IN_CODE_EXPIRED')
  })

  it('lets only the newest code of a number work', async () => {
    const phone = randomMobile()
    const first = await requestCode(testApp.app, phone)
    await age(phone, 61)
    const second = await requestCode(testApp.app, phone)
    // The older code is checked against the newest one (one in a million, both are the same).
    if (first !== second) expectErrorBody(await signIn(phone, first), 400, 'SIGN_IN_CODE_INCORRECT')
    expect((await signIn(phone, second)).statusCode).toBe(201)
  })

  it('refuses a code for a number that never asked for one', async () => {
    expectErrorBody(await signIn(randomMobile(), '123456'), 400, 'SIGN_IN_CODE_EXPIRED')
  })

  it('refuses numbers that are not mainland mobile numbers', async () => {
    for (const phone of ['12800000000', '1380000000', '+8613800000000', '04725990563']) {
      expectErrorBody(await sendCode(phone), 400, 'VALIDATION_FAILED')
    }
  })
})

describe('limits on sending codes', () => {
  it('sends one code per number per minute and says when to retry', async () => {
    const phone = randomMobile()
    await requestCode(testApp.app, phone)
    const again = await sendCode(phone)
    const body = expectErrorBody(again, 429, 'SIGN_IN_CODE_RATE_LIMITED')
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(50)
    expect(body.message).toMatch(/^验证码已发送，请在 \d+ 秒后再重新获取$/)
    await age(phone, 61)
    expect((await sendCode(phone)).statusCode).toBe(202)
  })

  it('sends at most five codes per number per hour, from any address', async () => {
    const phone = randomMobile()
    for (let sent = 0; sent < 5; sent++) {
      expect((await sendCode(phone)).statusCode).toBe(202)
      await age(phone, 61)
    }
    const refused = await sendCode(phone)
    expect(expectErrorBody(refused, 429, 'SIGN_IN_CODE_RATE_LIMITED').message).toMatch(/^该号码获取验证码过于频繁/)
    await age(phone, 3600)
    expect((await sendCode(phone)).statusCode).toBe(202)
  })

  it('sends at most twenty codes per client address per hour, whatever the numbers', async () => {
    const address = randomAddress()
    for (let sent = 0; sent < 20; sent++) expect((await sendCode(randomMobile(), address)).statusCode).toBe(202)
    const rowsBefore = await testApp.countRows()
    const refused = await sendCode(randomMobile(), address)
    expect(expectErrorBody(refused, 429, 'SIGN_IN_CODE_RATE_LIMITED').message).toMatch(/^获取验证码过于频繁/)
    expect(await testApp.countRows()).toEqual(rowsBefore)
    expect((await sendCode(randomMobile(), randomAddress())).statusCode).toBe(202)
  })

  it('keeps the limit under concurrent requests for one number', async () => {
    const phone = randomMobile()
    const responses = await Promise.all(Array.from({ length: 5 }, () => sendCode(phone)))
    expect(responses.map((response) => response.statusCode).sort()).toEqual([202, 429, 429, 429, 429])
  })
})

describe('sessions', () => {
  it('signs out: the session stops working and the cookies are cleared', async () => {
    const { headers } = await signInCitizen(testApp.app)
    const out = await testApp.app.inject({ method: 'DELETE', url: '/api/v1/auth/sessions/current', headers })
    expect(out.statusCode, out.body).toBe(204)
    expect(out.cookies.filter((cookie) => cookie.value === '').map((cookie) => cookie.name).sort()).toEqual(['kdl_csrf', 'kdl_session'])
    const after = await getMe(headers)
    expectErrorBody(after, 401, 'AUTHENTICATION_REQUIRED')
    // A cookie naming no live session is cleared as well.
    expect(after.cookies.find((cookie) => cookie.name === 'kdl_session')?.value).toBe('')
  })

  it('signing out one session leaves the citizen signed in elsewhere', async () => {
    const phone = randomMobile()
    const phoneSession = await signInCitizen(testApp.app, phone)
    await age(phone, 61)
    const laptopSession = await signInCitizen(testApp.app, phone)
    await testApp.app.inject({ method: 'DELETE', url: '/api/v1/auth/sessions/current', headers: phoneSession.headers })
    expect((await getMe(laptopSession.headers)).statusCode).toBe(200)
  })

  it('slides the expiry forward while the session is used, and re-sends the cookies', async () => {
    const { me, headers } = await signInCitizen(testApp.app)
    const lastWeek = new Date(Date.now() - 7 * 24 * 3600_000)
    await testApp.db
      .updateTable('citizen_sessions')
      .set({ last_seen_at: lastWeek, expires_at: new Date(lastWeek.getTime() + 30 * 24 * 3600_000) })
      .where('citizen_id', '=', me.id)
      .execute()
    const response = await getMe(headers)
    const expiresAt = new Date(response.json<Me>().sessionExpiresAt).getTime()
    expect(expiresAt).toBeGreaterThan(Date.now() + 29.9 * 24 * 3600_000)
    expect(response.cookies.find((cookie) => cookie.name === 'kdl_session')?.expires?.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600_000)
  })

  it('ends a session unused for its lifetime', async () => {
    const { me, headers } = await signInCitizen(testApp.app)
    await testApp.db.updateTable('citizen_sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('citizen_id', '=', me.id).execute()
    expectErrorBody(await getMe(headers), 401, 'AUTHENTICATION_REQUIRED')
  })

  it('refuses a forged or malformed session cookie', async () => {
    expectErrorBody(await getMe({ cookie: `kdl_session=${'A'.repeat(43)}` }), 401, 'AUTHENTICATION_REQUIRED')
    expectErrorBody(await getMe({ cookie: 'kdl_session=not-a-token' }), 401, 'AUTHENTICATION_REQUIRED')
  })
})

describe('CSRF protection of state-changing requests', () => {
  const profile = { name: '王小明', idNumber: null, phone: null, address: null }
  const saveProfile = (headers: Record<string, string>) => testApp.app.inject({ method: 'PUT', url: '/api/v1/me/profile', headers, payload: profile })

  it('refuses a write with the session cookie but without the X-CSRF-Token header, and writes nothing', async () => {
    const { headers } = await signInCitizen(testApp.app)
    const before = await testApp.countRows()
    const body = expectErrorBody(await saveProfile(withoutCsrf(headers)), 403, 'CSRF_TOKEN_INVALID')
    expect(body.message).toBe('页面已过期，请刷新页面后重试')
    expect(await testApp.countRows()).toEqual(before)
  })

  it("refuses another session's token, and accepts the session's own", async () => {
    const victim = await signInCitizen(testApp.app)
    const attacker = await signInCitizen(testApp.app)
    expectErrorBody(await saveProfile({ ...victim.headers, 'x-csrf-token': attacker.me.csrfToken }), 403, 'CSRF_TOKEN_INVALID')
    expect((await saveProfile(victim.headers)).statusCode).toBe(200)
  })

  it('needs no token for reads', async () => {
    const { headers } = await signInCitizen(testApp.app)
    expect((await getMe(withoutCsrf(headers))).statusCode).toBe(200)
  })

  it('keeps anonymous writes working, and a signed-in write without a token counts as anonymous', async () => {
    const report = (headers: Record<string, string>) =>
      testApp.app.inject({ method: 'POST', url: '/api/v1/inaccuracy-reports', headers: { 'idempotency-key': idempotencyKey(), ...headers }, payload: inaccuracyReportInput() })
    expect((await report({})).statusCode).toBe(201)
    const { headers } = await signInCitizen(testApp.app)
    expect((await report(withoutCsrf(headers))).statusCode).toBe(201)
    expect((await report(headers)).statusCode).toBe(201)
  })

  it('refuses sign-out without the token, so another site cannot sign a citizen out', async () => {
    const { headers } = await signInCitizen(testApp.app)
    expectErrorBody(await testApp.app.inject({ method: 'DELETE', url: '/api/v1/auth/sessions/current', headers: withoutCsrf(headers) }), 403, 'CSRF_TOKEN_INVALID')
    expect((await getMe(headers)).statusCode).toBe(200)
  })
})

describe('COOKIE_SECURE', () => {
  it('marks the cookies Secure when set, and by default in production', async () => {
    for (const env of [{ COOKIE_SECURE: 'true' }, { NODE_ENV: 'production' }, { PUBLIC_URL: 'https://zwfw.example.gov.cn' }] as Array<Record<string, string>>) {
      const secureApp = await buildTestApp({ ...env, SEED_DEMO: 'false' })
      try {
        const phone = randomMobile()
        const code = await requestCode(secureApp.app, phone)
        const response = await secureApp.app.inject({ method: 'POST', url: '/api/v1/auth/sessions', payload: { phone, code } })
        expect(response.cookies.map((cookie) => [cookie.name, cookie.secure]), JSON.stringify(env)).toEqual([
          ['kdl_session', true],
          ['kdl_csrf', true],
        ])
      } finally {
        await secureApp.close()
      }
    }
  })
})
