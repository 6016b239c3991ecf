import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUERY_CODE_ALPHABET, type ComplaintDetail, type ComplaintList, type ComplaintReceipt } from '../../../contract/complaints.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { randomAddress, signInCitizen, withoutCsrf } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { pdfBytes } from './application-factories.ts'
import { complaintInput, fileComplaint, filedComplaint, lookUp, realNameInput, uploadPhoto } from './complaint-factories.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
})
afterAll(() => testApp.close())

const complaintCount = async () => Number((await testApp.db.selectFrom('complaints').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)

describe('POST /api/v1/complaints without signing in (anonymous)', () => {
  it('files the complaint and answers a tracking number and a query code that opens it, and nothing else does', async () => {
    const receipt = await filedComplaint(testApp.app)
    expect(receipt.trackingNumber).toMatch(/^TS-\d{8}-\d{4}$/)
    expect(receipt.queryCode).toHaveLength(10)
    expect([...receipt.queryCode].every((character) => QUERY_CODE_ALPHABET.includes(character))).toBe(true)
    expect(receipt.complaint).toMatchObject({ status: 'received', statusName: '已收到', anonymous: true, contact: null, categoryName: '要求提供指南以外的材料' })
    expect(receipt.complaint.concerns.hall).toEqual({ id: 'kundulun-civic-centre', name: '昆都仑区市民大厅' })

    const stored = await testApp.db.selectFrom('complaints').select(['query_code_hash', 'citizen_id']).where('tracking_number', '=', receipt.trackingNumber).executeTakeFirstOrThrow()
    expect(stored.query_code_hash).not.toContain(receipt.queryCode)
    expect(stored.citizen_id).toBeNull()

    const found = await lookUp(testApp.app, receipt.trackingNumber, receipt.queryCode.toLowerCase())
    expect(found.statusCode, found.body).toBe(200)
    expect(found.headers['cache-control']).toBe('no-store')
    expect(found.json<ComplaintDetail>()).toMatchObject({ trackingNumber: receipt.trackingNumber, description: receipt.complaint.description })

    const wrongCode = expectErrorBody(await lookUp(testApp.app, receipt.trackingNumber, 'ABCDEFGHJK'), 404, 'COMPLAINT_LOOKUP_FAILED')
    const unknownNumber = expectErrorBody(await lookUp(testApp.app, 'TS-20000101-0001', receipt.queryCode), 404, 'COMPLAINT_LOOKUP_FAILED')
    expect(wrongCode).toEqual(unknownNumber)

    const signedIn = await signInCitizen(testApp.app)
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: `/api/v1/me/complaints/${receipt.trackingNumber}`, headers: signedIn.headers }), 404)
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: `/api/v1/me/complaints/${receipt.trackingNumber}` }), 401)
  })
})
