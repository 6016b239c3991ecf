import { createECDH, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseReceipt } from '../../../contract/applications.ts'
import type { StaffCaseTransition } from '../../../contract/case-lifecycle.ts'
import type { NotificationItem, NotificationList } from '../../../contract/notifications.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { signedInStaff, type SignedInStaff } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { citizenHeaders, formApplication, publishFormItem, submit, uploadId } from './application-factories.ts'
import { idempotencyKey } from './factories.ts'

// The applicant is told when staff move their case: the notification is written with the
// transition, and pushed to their browser after the staff request answered.

let testApp: TestApp
let clerk: SignedInStaff
let supervisor: SignedInStaff
let pushService: Server
let pushServiceOrigin: string
const pushesArrived: string[] = []

beforeAll(async () => {
  pushService = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      pushesArrived.push(request.url ?? '')
      response.statusCode = 201
      response.end()
    })
  })
  await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve))
  pushServiceOrigin = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}`
  testApp = await buildTestApp({ PUSH_ALLOW_HTTP_ENDPOINTS: 'true' })
  await publishFormItem(testApp)
  const password = 'notification-cases-password'
  clerk = await signedInStaff(testApp.app, testApp.db, { username: 'notify.clerk', displayName: '李窗口', role: 'clerk', password, departmentIds: ['public-security'] })
  supervisor = await signedInStaff(testApp.app, testApp.db, { username: 'notify.supervisor', displayName: '王科长', role: 'supervisor', password, departmentIds: ['public-security'] })
})
afterAll(async () => {
  await testApp.close()
  await new Promise((resolve) => pushService.close(resolve))
})

async function submittedCase(): Promise<{ headers: Record<string, string>; caseNumber: string }> {
  const headers = await citizenHeaders(testApp.app)
  const response = await submit(testApp.app, headers, formApplication([await uploadId(testApp.app, headers)]))
  expect(response.statusCode, response.body).toBe(201)
  return { headers, caseNumber: response.json<CaseReceipt>().caseNumber }
}

function transition(staff: SignedInStaff, caseNumber: string, body: StaffCaseTransition) {
  return testApp.app.inject({ method: 'POST', url: `/api/v1/staff/cases/${caseNumber}/transitions`, headers: { ...staff.headers, 'idempotency-key': idempotencyKey() }, payload: body })
}

async function moved(staff: SignedInStaff, caseNumber: string, body: StaffCaseTransition): Promise<void> {
  const response = await transition(staff, caseNumber, body)
  expect(response.statusCode, response.body).toBe(200)
}

async function notificationsOf(headers: Record<string, string>): Promise<NotificationList> {
  const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<NotificationList>()
}

const latest = async (headers: Record<string, string>): Promise<NotificationItem | undefined> => (await notificationsOf(headers)).items[0]

describe('notifications of case transitions', () => {
  it('tells the applicant each step: acceptance, the correction request with its count, the approval, the result and how to collect it', async () => {
    const { headers, caseNumber } = await submittedCase()
    expect((await notificationsOf(headers)).items).toEqual([])

    await moved(clerk, caseNumber, { action: 'accept' })
    expect(await latest(headers)).toMatchObject({ kind: 'case_status', caseNumber, title: '办件已受理', readAt: null })
    expect((await latest(headers))!.body).toContain('测试')

    await moved(clerk, caseNumber, {
      action: 'request_correction',
      items: [
        { materialId: 'household-register', need: '户口簿照片不清晰，请重新拍摄' },
        { fieldKey: 'phone', need: '联系电话无法接通，请核对' },
      ],
    })
    const correction = await latest(headers)
    expect(correction).toMatchObject({ kind: 'correction_requested', caseNumber, title: '需要补正材料' })
    expect(correction!.body).toContain('需要补正2项内容')
    expect(correction!.body).toContain('“居民户口簿”')
    expect(correction!.body).toContain('“联系电话”')

    // The applicant's own answer is no news to them.
    const answered = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/me/cases/${caseNumber}/correction-response`,
      headers: { ...headers, 'idempotency-key': idempotencyKey() },
      payload: { materials: [{ materialId: 'household-register', uploadIds: [await uploadId(testApp.app, headers)] }], values: { phone: '13900000001' } },
    })
    expect(answered.statusCode, answered.body).toBe(200)
    expect((await notificationsOf(headers)).items).toHaveLength(2)

    await moved(clerk, caseNumber, { action: 'start_review' })
    expect(await latest(headers)).toMatchObject({ title: '办件审查中' })
    await moved(clerk, caseNumber, { action: 'approve' })
    expect(await latest(headers)).toMatchObject({ title: '审批通过' })
    await moved(clerk, caseNumber, { action: 'issue_result', delivery: { method: 'pickup', place: '昆都仑区政务服务中心一楼12号窗口', hours: '工作日9:00-12:00' } })
    const result = await latest(headers)
    expect(result).toMatchObject({ kind: 'result_ready', caseNumber, title: '办理结果已出具' })
    expect(result!.body).toContain('请到昆都仑区政务服务中心一楼12号窗口领取（工作日9:00-12:00）')

    const all = await notificationsOf(headers)
    expect(all.items.map((item) => item.title)).toEqual(['办理结果已出具', '审批通过', '办件审查中', '需要补正材料', '办件已受理'])
    expect(all.unreadCount).toBe(5)
  })

  it('says how a posted result travels', async () => {
    const { headers, caseNumber } = await submittedCase()
    await moved(clerk, caseNumber, { action: 'accept' })
    await moved(clerk, caseNumber, { action: 'start_review' })
    await moved(clerk, caseNumber, { action: 'approve' })
    await moved(clerk, caseNumber, { action: 'issue_result', delivery: { method: 'post', carrier: '中国邮政EMS', trackingNumber: '1234567890123' } })
    expect((await latest(headers))!.body).toContain('已由中国邮政EMS寄出，运单号1234567890123')
  })

  it('tells the applicant of a refusal with its reasons', async () => {
    const { headers, caseNumber } = await submittedCase()
    await moved(supervisor, caseNumber, {
      action: 'not_accept',
      reasons: ['申请事项不属于本部门职权范围'],
      legalBasis: [{ name: '中华人民共和国行政许可法', article: '第三十二条第一款第（二）项' }],
    })
    const refusal = await latest(headers)
    expect(refusal).toMatchObject({ kind: 'case_status', title: '办件不予受理' })
    expect(refusal!.body).toContain('申请事项不属于本部门职权范围')
  })

  it('writes nothing when the transition is refused', async () => {
    const { headers, caseNumber } = await submittedCase()
    await moved(clerk, caseNumber, { action: 'accept' })
    await moved(clerk, caseNumber, { action: 'start_review' })
    expectErrorBody(await transition(clerk, caseNumber, { action: 'reject', reasons: ['材料不符'], legalBasis: [{ name: '中华人民共和国行政许可法', article: '第三十八条' }] }), 403)
    expect((await notificationsOf(headers)).items.map((item) => item.title)).toEqual(['办件审查中', '办件已受理'])
  })

  it('pushes to the applicant’s browser once the staff request has answered, without anyone draining by hand', async () => {
    const { headers, caseNumber } = await submittedCase()
    const ecdh = createECDH('prime256v1')
    ecdh.generateKeys()
    const endpoint = `${pushServiceOrigin}/push/${randomBytes(6).toString('hex')}`
    const subscribed = await testApp.app.inject({
      method: 'PUT',
      url: '/api/v1/me/push-subscriptions',
      headers,
      payload: { endpoint, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') } },
    })
    expect(subscribed.statusCode).toBe(204)

    await moved(clerk, caseNumber, { action: 'accept' })
    const path = new URL(endpoint).pathname
    await expect.poll(() => pushesArrived.filter((arrived) => arrived === path).length, { timeout: 5000 }).toBe(1)
  })
})
