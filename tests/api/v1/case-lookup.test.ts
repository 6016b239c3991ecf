import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseReceipt } from '../../../contract/applications.ts'
import { CASE_LOOKUP_FAILED_MESSAGE, CASE_LOOKUP_LIMITS, type CaseLookupResult } from '../../../contract/case-lookup.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { randomAddress, signInCitizen } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { formApplication, publishFormItem, submit, uploadId } from './application-factories.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
  await publishFormItem(testApp)
})
afterAll(() => testApp.close())

/** A new citizen's case; the form's phone is 13800000000 and ID number 150203199001011232 unless given. */
async function submittedCase(values: Record<string, string> = {}): Promise<{ caseNumber: string; accountPhone: string }> {
  const signedIn = await signInCitizen(testApp.app)
  const headers = { ...signedIn.headers }
  const application = formApplication([await uploadId(testApp.app, headers)])
  const response = await submit(testApp.app, headers, { ...application, values: { ...application.values, ...values } })
  expect(response.statusCode, response.body).toBe(201)
  return { caseNumber: response.json<CaseReceipt>().caseNumber, accountPhone: signedIn.phone }
}

const lookUp = (payload: object, remoteAddress = randomAddress()) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/case-lookups', payload, remoteAddress })

describe('POST /api/v1/case-lookups', () => {
  it('answers the progress for the last 4 digits of the form’s phone or of the account’s mobile, or the last 6 of the ID number', async () => {
    const { caseNumber, accountPhone } = await submittedCase()
    for (const verification of ['0000', accountPhone.slice(-4), '011232']) {
      const response = await lookUp({ caseNumber, verification })
      expect(response.statusCode, `${verification}: ${response.body}`).toBe(200)
      expect(response.headers['cache-control']).toBe('no-store')
      const result = response.json<CaseLookupResult>()
      expect(result).toEqual({
        caseNumber,
        itemName: expect.any(String),
        handlingBody: '包头市公安局昆都仑区分局',
        status: 'submitted',
        submittedAt: expect.any(String),
        promisedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        timeline: [{ at: result.submittedAt, status: 'submitted' }],
      })
    }
  })

  it('reads a final x of the ID number as X', async () => {
    const { caseNumber } = await submittedCase({ idNumber: '11010519491231002X' })
    expect((await lookUp({ caseNumber, verification: '31002x' })).statusCode).toBe(200)
    expect((await lookUp({ caseNumber, verification: '31002X' })).statusCode).toBe(200)
  })

  it('shows no personal data: no name, phone, ID number, staff or notes', async () => {
    const { caseNumber, accountPhone } = await submittedCase()
    const body = (await lookUp({ caseNumber, verification: '0000' })).body
    for (const personal of ['王小明', '13800000000', '150203199001011232', accountPhone, '申请人', 'actor', 'note', 'values']) {
      expect(body).not.toContain(personal)
    }
  })

  it('answers one and the same 404 for a wrong verification and for a case that does not exist', async () => {
    const { caseNumber } = await submittedCase()
    const wrong = await lookUp({ caseNumber, verification: '1234' })
    const wrongId = await lookUp({ caseNumber, verification: '011231' })
    const missing = await lookUp({ caseNumber: 'KDL-20200101-9999', verification: '0000' })
    for (const response of [wrong, wrongId, missing]) {
      const body = expectErrorBody(response, 404, 'CASE_LOOKUP_FAILED')
      expect(body.message).toBe(CASE_LOOKUP_FAILED_MESSAGE)
    }
    expect(wrong.body).toBe(missing.body)
    expect(wrongId.body).toBe(missing.body)
    expect(Object.keys(wrong.headers).sort()).toEqual(Object.keys(missing.headers).sort())
  })

  it('refuses verifications of the wrong shape and takes nothing from the URL', async () => {
    const { caseNumber } = await submittedCase()
    for (const verification of ['000', '00000', 'abcd', '12345y', '']) {
      expectErrorBody(await lookUp({ caseNumber, verification }), 400, 'VALIDATION_FAILED')
    }
    expectErrorBody(await lookUp({ caseNumber }), 400, 'VALIDATION_FAILED')
    const get = await testApp.app.inject({ method: 'GET', url: `/api/v1/case-lookups?caseNumber=${caseNumber}&verification=0000` })
    expect(get.statusCode).toBe(404)
  })

  it(`allows ${CASE_LOOKUP_LIMITS.perAddress} tries per address per ${CASE_LOOKUP_LIMITS.perAddressWindowMinutes} minutes, then 429 with Retry-After`, async () => {
    const { caseNumber } = await submittedCase()
    const address = randomAddress()
    const others = await Promise.all(Array.from({ length: CASE_LOOKUP_LIMITS.perAddress }, () => submittedCase()))
    for (const other of others) expect((await lookUp({ caseNumber: other.caseNumber, verification: '0000' }, address)).statusCode).toBe(200)
    const refused = await lookUp({ caseNumber, verification: '0000' }, address)
    const body = expectErrorBody(refused, 429, 'CASE_LOOKUP_RATE_LIMITED')
    expect(body.message).toMatch(/请在 \d+ 分钟后再试/)
    const retryAfter = Number(refused.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(CASE_LOOKUP_LIMITS.perAddressWindowMinutes * 60)
    // Another address is not held back.
    expect((await lookUp({ caseNumber, verification: '0000' })).statusCode).toBe(200)
    // Once the window has passed, the address may try again.
    await testApp.db.updateTable('case_lookup_attempts').set({ at: new Date(Date.now() - 16 * 60_000) }).execute()
    expect((await lookUp({ caseNumber, verification: '0000' }, address)).statusCode).toBe(200)
  })

  it(`refuses a case number after ${CASE_LOOKUP_LIMITS.failuresPerCaseNumber} wrong tries in an hour, from any address, also a number that does not exist`, async () => {
    const { caseNumber } = await submittedCase()
    for (const number of [caseNumber, 'KDL-20200101-8888']) {
      for (let attempt = 0; attempt < CASE_LOOKUP_LIMITS.failuresPerCaseNumber; attempt++) {
        expectErrorBody(await lookUp({ caseNumber: number, verification: String(1000 + attempt) }), 404, 'CASE_LOOKUP_FAILED')
      }
      const refused = await lookUp({ caseNumber: number, verification: '0000' })
      expectErrorBody(refused, 429, 'CASE_LOOKUP_RATE_LIMITED')
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(CASE_LOOKUP_LIMITS.perAddressWindowMinutes * 60)
    }
    // Another case is not held back.
    const other = await submittedCase()
    expect((await lookUp({ caseNumber: other.caseNumber, verification: '0000' })).statusCode).toBe(200)
  })

  it('right answers do not count against the case number', async () => {
    const { caseNumber } = await submittedCase()
    for (let attempt = 0; attempt < CASE_LOOKUP_LIMITS.failuresPerCaseNumber + 2; attempt++) {
      expect((await lookUp({ caseNumber, verification: '0000' })).statusCode).toBe(200)
    }
  })
})
