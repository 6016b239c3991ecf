import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Company } from '../../../contract/profile.ts'
import { signInCitizen, type SignedInCitizen } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { idempotencyKey, inaccuracyReportInput } from '../v1/factories.ts'

let testApp: TestApp
let alice: SignedInCitizen
let bob: SignedInCitizen
beforeAll(async () => {
  testApp = await buildTestApp()
  alice = await signInCitizen(testApp.app)
  bob = await signInCitizen(testApp.app)
})
afterAll(() => testApp.close())

const company = { name: '包头市示例商贸有限公司', creditCode: '91150203MA0Q12345G', legalRepresentative: '王小明' }
const addCompany = (headers: Record<string, string>, key: string) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/me/companies', headers: { ...headers, 'idempotency-key': key }, payload: company })
const report = (headers: Record<string, string>, key: string) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/inaccuracy-reports', headers: { ...headers, 'idempotency-key': key }, payload: inaccuracyReportInput() })

describe('Idempotency-Key scoped per user', () => {
  it("never replays one citizen's stored answer to another citizen sending the same key and body", async () => {
    const key = idempotencyKey()
    const first = await addCompany(alice.headers, key)
    expect(first.statusCode, first.body).toBe(201)
    const replay = await addCompany(alice.headers, key)
    expect(replay.headers['idempotent-replayed']).toBe('true')

    const bobs = await addCompany(bob.headers, key)
    expect(bobs.statusCode, bobs.body).toBe(201)
    expect(bobs.headers['idempotent-replayed']).toBeUndefined()
    expect(bobs.json<Company>().id).not.toBe(first.json<Company>().id)
    const stored = await testApp.db.selectFrom('idempotency_keys').select('principal').where('key', '=', key).orderBy('principal').execute()
    expect(stored.map((row) => row.principal).sort()).toEqual([`citizen:${alice.me.id}`, `citizen:${bob.me.id}`].sort())
  })

  it('keeps anonymous keys apart from signed-in ones', async () => {
    const key = idempotencyKey()
    const before = (await testApp.countRows()).inaccuracy_reports ?? 0
    const anonymous = await report({}, key)
    const signedIn = await report(alice.headers, key)
    expect(signedIn.headers['idempotent-replayed']).toBeUndefined()
    expect(signedIn.json<{ reference: string }>().reference).not.toBe(anonymous.json<{ reference: string }>().reference)
    expect((await testApp.countRows()).inaccuracy_reports).toBe(before + 2)
    // A signed-in retry without the CSRF token counts as anonymous, and so replays the anonymous answer.
    const anonymousRetry = await report({ cookie: alice.headers.cookie }, key)
    expect(anonymousRetry.headers['idempotent-replayed']).toBe('true')
    expect(anonymousRetry.json()).toEqual(anonymous.json())
  })
})
