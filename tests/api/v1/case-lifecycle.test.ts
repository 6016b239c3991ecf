import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ApplicationError, CaseDetail, CaseList, CaseReceipt, StaffCaseList } from '../../../contract/applications.ts'
import type { StaffCaseTransition } from '../../../contract/case-lifecycle.ts'
import { addCalendarDays, shanghaiToday } from '../../../contract/local-date.ts'
import { bundledWorkingDayCalendar as calendar } from '../../../contract/working-days/working-days.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { signedInStaff, signInCitizen, type SignedInStaff } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { citizenHeaders, formApplication, publishFormItem, submit, uploadId } from './application-factories.ts'
import { idempotencyKey } from './factories.ts'

// The test item (application-factories.ts) is handled by public-security (包头市公安局昆都仑区分局):
// 法定办结时限 60日 (calendar days), 承诺办结时限 20个工作日.

let testApp: TestApp
let clerk: SignedInStaff
let supervisor: SignedInStaff
let admin: SignedInStaff
let otherClerk: SignedInStaff

const password = 'case-lifecycle-password'
const department = '包头市公安局昆都仑区分局'
const legalBasis = [{ name: '中华人民共和国行政许可法', article: '第三十八条第二款', text: '行政机关依法作出不予行政许可的书面决定的，应当说明理由。' }]

beforeAll(async () => {
  testApp = await buildTestApp()
  await publishFormItem(testApp)
  clerk = await signedInStaff(testApp.app, testApp.db, { username: 'case.clerk', displayName: '李窗口', role: 'clerk', password, departmentIds: ['public-security'] })
  supervisor = await signedInStaff(testApp.app, testApp.db, { username: 'case.supervisor', displayName: '王科长', role: 'supervisor', password, departmentIds: ['public-security'] })
  admin = await signedInStaff(testApp.app, testApp.db, { username: 'case.admin', displayName: '赵管理', role: 'admin', password })
  otherClerk = await signedInStaff(testApp.app, testApp.db, { username: 'case.civil', displayName: '钱民政', role: 'clerk', password, departmentIds: ['civil-affairs'] })
})
afterAll(() => testApp.close())

interface SubmittedCase {
  headers: Record<string, string>
  caseNumber: string
}

async function submittedCase(headers?: Record<string, string>): Promise<SubmittedCase> {
  const citizen = headers ?? (await citizenHeaders(testApp.app))
  const response = await submit(testApp.app, citizen, formApplication([await uploadId(testApp.app, citizen)]))
  expect(response.statusCode, response.body).toBe(201)
  return { headers: citizen, caseNumber: response.json<CaseReceipt>().caseNumber }
}

function transition(staff: SignedInStaff, caseNumber: string, body: StaffCaseTransition | Record<string, unknown>, key?: string) {
  return testApp.app.inject({
    method: 'POST',
    url: `/api/v1/staff/cases/${caseNumber}/transitions`,
    headers: { ...staff.headers, ...(key !== undefined && { 'idempotency-key': key }) },
    payload: body,
  })
}

async function moved(staff: SignedInStaff, caseNumber: string, body: StaffCaseTransition): Promise<CaseDetail> {
  const response = await transition(staff, caseNumber, body)
  expect(response.statusCode, response.body).toBe(200)
  return response.json<CaseDetail>()
}

function answerCorrection(headers: Record<string, string>, caseNumber: string, body: unknown, key = idempotencyKey()) {
  return testApp.app.inject({ method: 'POST', url: `/api/v1/me/cases/${caseNumber}/correction-response`, headers: { ...headers, 'idempotency-key': key }, payload: body as object })
}

async function myCase(headers: Record<string, string>, caseNumber: string): Promise<CaseDetail> {
  const response = await testApp.app.inject({ method: 'GET', url: `/api/v1/me/cases/${caseNumber}`, headers })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<CaseDetail>()
}

const correctionItems = [
  { materialId: 'household-register', need: '户口簿照片不清晰，请重新拍摄户主页和本人页' },
  { fieldKey: 'phone', need: '联系电话无法接通，请核对' },
]

describe('a case through correction and approval', () => {
  it('moves step by step, each recorded with the actor as 姓名（部门）, the role and what the applicant is told', async () => {
    const { headers, caseNumber } = await submittedCase()
    const today = shanghaiToday()

    const accepted = await moved(clerk, caseNumber, { action: 'accept' })
    expect(accepted).toMatchObject({ status: 'accepted', acceptedOn: today, availableActions: ['start_review', 'request_correction'] })

    await moved(clerk, caseNumber, { action: 'start_review', note: '正在核对户籍信息' })
    const asked = await moved(clerk, caseNumber, { action: 'request_correction', items: correctionItems })
    expect(asked.status).toBe('correction_requested')
    expect(asked.correction).toMatchObject({
      items: [
        { materialId: 'household-register', need: correctionItems[0]!.need, name: '居民户口簿' },
        { fieldKey: 'phone', need: correctionItems[1]!.need, name: '联系电话' },
      ],
      requestedBy: `李窗口（${department}）`,
      afterAcceptance: true,
      answeredAt: null,
    })

    // The applicant sees the request, every item at once, and that the clock stands still.
    const seen = await myCase(headers, caseNumber)
    expect(seen.correction?.items).toHaveLength(2)
    expect(seen.availableActions).toEqual(['resubmit'])
    expect(seen.deadlines.promised).toMatchObject({ paused: true, dueDate: null, workingDaysLeft: 20 })
    expect(seen.nextSteps).toBe('请按补正告知一次性补齐以下2项内容，并在“我的办件”中提交。补正期间办理时限暂停计算，提交补正后继续计算。')

    const newUpload = await uploadId(testApp.app, headers)
    const answered = await answerCorrection(headers, caseNumber, { materials: [{ materialId: 'household-register', uploadIds: [newUpload] }], values: { phone: '13900000001' } })
    expect(answered.statusCode, answered.body).toBe(200)
    const resubmitted = answered.json<CaseDetail>()
    expect(resubmitted).toMatchObject({ status: 'resubmitted', correction: null, values: expect.objectContaining({ phone: '13900000001', name: '王小明' }) })
    expect(resubmitted.materials.find((material) => material.materialId === 'household-register')?.files.map((file) => file.uploadId)).toEqual([newUpload])
    expect(resubmitted.deadlines.promised).toMatchObject({ paused: false, dueDate: calendar.addWorkingDays(today, 20) })

    await moved(clerk, caseNumber, { action: 'start_review' })
    const approved = await moved(clerk, caseNumber, { action: 'approve' })
    expect(approved.deadlines.promised).toMatchObject({ stoppedOn: today, overdue: false, workingDaysLeft: null })
    const issued = await moved(clerk, caseNumber, { action: 'issue_result', delivery: { method: 'post', carrier: '中国邮政EMS', trackingNumber: '1234567890123' } })
    expect(issued.result).toMatchObject({ delivery: { method: 'post', carrier: '中国邮政EMS', trackingNumber: '1234567890123' } })
    expect(issued.nextSteps).toBe('办理结果已出具（邮寄），领取方式见办理结果。')
    const completed = await moved(supervisor, caseNumber, { action: 'complete' })
    expect(completed.availableActions).toEqual([])

    const timeline = (await myCase(headers, caseNumber)).timeline
    expect(timeline.map(({ status, action, actor, actorRole }) => ({ status, action, actor, actorRole }))).toEqual([
      { status: 'submitted', action: null, actor: '申请人', actorRole: 'applicant' },
      { status: 'accepted', action: 'accept', actor: `李窗口（${department}）`, actorRole: 'clerk' },
      { status: 'under_review', action: 'start_review', actor: `李窗口（${department}）`, actorRole: 'clerk' },
      { status: 'correction_requested', action: 'request_correction', actor: `李窗口（${department}）`, actorRole: 'clerk' },
      { status: 'resubmitted', action: 'resubmit', actor: '申请人', actorRole: 'applicant' },
      { status: 'under_review', action: 'start_review', actor: `李窗口（${department}）`, actorRole: 'clerk' },
      { status: 'approved', action: 'approve', actor: `李窗口（${department}）`, actorRole: 'clerk' },
      { status: 'result_issued', action: 'issue_result', actor: `李窗口（${department}）`, actorRole: 'clerk' },
      { status: 'completed', action: 'complete', actor: `王科长（${department}）`, actorRole: 'supervisor' },
    ])
    expect(timeline[2]!.note).toBe('正在核对户籍信息')
    expect(timeline[3]!.note).toBe('请一次性补正以下2项内容：“居民户口簿”、“联系电话”')
    expect(timeline[7]!.note).toBe('办理结果已由中国邮政EMS寄出，运单号1234567890123')

    const audit = await testApp.db.selectFrom('audit_log').select(['action', 'staff_id']).where('target', '=', `case:${caseNumber}`).orderBy('id').execute()
    expect(audit.map((entry) => entry.action)).toEqual(['case.accept', 'case.start_review', 'case.request_correction', 'case.start_review', 'case.approve', 'case.issue_result', 'case.complete'])
  })

  it('accepts the answer to a correction requested before acceptance, and only then starts the deadlines', async () => {
    const { headers, caseNumber } = await submittedCase()
    const asked = await moved(clerk, caseNumber, { action: 'request_correction', items: [{ fieldKey: 'phone', need: '请填写本人手机号' }] })
    expect(asked).toMatchObject({ acceptedOn: null, correction: { afterAcceptance: false } })
    expect(asked.deadlines.promised).toMatchObject({ startDate: null, paused: false, dueDate: null })
    const answered = await answerCorrection(headers, caseNumber, { materials: [], values: { phone: '13900000002' } })
    expect(answered.statusCode, answered.body).toBe(200)
    // Never accepted: the way on is acceptance (or not), not the review.
    expect((await transition(clerk, caseNumber, { action: 'start_review' })).statusCode).toBe(409)
    const accepted = await moved(clerk, caseNumber, { action: 'accept' })
    expect(accepted.deadlines.promised).toMatchObject({ startDate: shanghaiToday(), pausedDays: 0, dueDate: calendar.addWorkingDays(shanghaiToday(), 20) })
  })
})

describe('roles: 窗口无否决权', () => {
  it('refuses a clerk’s 不予受理 with 403 and changes nothing; a supervisor’s goes through with reasons and legal basis', async () => {
    const { headers, caseNumber } = await submittedCase()
    const before = await testApp.countRows()
    const refused = await transition(clerk, caseNumber, { action: 'not_accept', reasons: ['申请材料不齐全'], legalBasis })
    expect(expectErrorBody(refused, 403, 'CASE_ACTION_FORBIDDEN').message).toBe('不予受理须由审批科长或系统管理员决定（窗口无否决权）')
    expect(await testApp.countRows()).toEqual(before)
    expect((await myCase(headers, caseNumber)).status).toBe('submitted')

    const notAccepted = await moved(supervisor, caseNumber, { action: 'not_accept', reasons: ['申请事项不属于本部门职权范围'], legalBasis })
    expect(notAccepted).toMatchObject({ status: 'not_accepted', availableActions: [] })
    const seen = await myCase(headers, caseNumber)
    expect(seen.refusal).toMatchObject({ kind: 'not_accepted', reasons: ['申请事项不属于本部门职权范围'], legalBasis, decidedBy: `王科长（${department}）` })
    expect(seen.timeline.at(-1)).toMatchObject({ actorRole: 'supervisor', note: '不予受理：申请事项不属于本部门职权范围' })
  })

  it('refuses a clerk’s 不予许可; a supervisor or an administrator of no department may reject', async () => {
    for (const decider of [supervisor, admin]) {
      const { headers, caseNumber } = await submittedCase()
      await moved(clerk, caseNumber, { action: 'accept' })
      await moved(clerk, caseNumber, { action: 'start_review' })
      expectErrorBody(await transition(clerk, caseNumber, { action: 'reject', reasons: ['不符合法定条件'], legalBasis }), 403, 'CASE_ACTION_FORBIDDEN')
      const rejected = await moved(decider, caseNumber, { action: 'reject', reasons: ['不符合法定条件'], legalBasis })
      expect(rejected.status).toBe('rejected')
      expect(rejected.deadlines.promised).toMatchObject({ stoppedOn: shanghaiToday(), overdue: false })
      const seen = await myCase(headers, caseNumber)
      expect(seen.refusal).toMatchObject({ kind: 'rejected', legalBasis })
      expect(seen.timeline.at(-1)!.actor).toBe(decider === admin ? '赵管理（系统管理员）' : `王科长（${department}）`)
    }
  })

  it('needs reasons and a legal basis for a refusal (400)', async () => {
    const { caseNumber } = await submittedCase()
    expectErrorBody(await transition(supervisor, caseNumber, { action: 'not_accept', reasons: ['材料不全'], legalBasis: [] }), 400)
    expectErrorBody(await transition(supervisor, caseNumber, { action: 'not_accept', legalBasis }), 400)
  })
})

describe('illegal transitions', () => {
  it.each([
    ['approve', { action: 'approve' }],
    ['complete', { action: 'complete' }],
    ['issue_result', { action: 'issue_result', delivery: { method: 'pickup', place: '12号窗口', hours: '工作日9:00-17:00' } }],
  ] as const)('refuses %s on a submitted case with 409 naming its status, and changes nothing', async (_, body) => {
    const { headers, caseNumber } = await submittedCase()
    const before = await testApp.countRows()
    const refused = await transition(supervisor, caseNumber, body)
    expect(expectErrorBody(refused, 409, 'CASE_TRANSITION_NOT_ALLOWED').message).toMatch(/^办件当前状态为“已提交（待受理）”，不能/)
    expect(await testApp.countRows()).toEqual(before)
    expect((await myCase(headers, caseNumber)).timeline).toHaveLength(1)
  })

  it('refuses to accept twice, to move a closed case, and a correction answer when none is pending', async () => {
    const { headers, caseNumber } = await submittedCase()
    await moved(clerk, caseNumber, { action: 'accept' })
    expect(expectErrorBody(await transition(clerk, caseNumber, { action: 'accept' }), 409).message).toBe('办件当前状态为“已受理”，不能受理')
    expectErrorBody(await answerCorrection(headers, caseNumber, { materials: [], values: {} }), 409, 'CASE_TRANSITION_NOT_ALLOWED')
    await moved(clerk, caseNumber, { action: 'start_review' })
    await moved(supervisor, caseNumber, { action: 'reject', reasons: ['不符合条件'], legalBasis })
    expect(expectErrorBody(await transition(admin, caseNumber, { action: 'approve' }), 409).message).toBe('办件当前状态为“不予许可”，不能审批通过')
  })

  it('refuses a correction item that the case’s guide does not have (422) and one of nothing (400)', async () => {
    const { caseNumber } = await submittedCase()
    const unknown = await transition(clerk, caseNumber, { action: 'request_correction', items: [{ materialId: 'no-such-material', need: '请补充' }] })
    expect(expectErrorBody(unknown, 422, 'CORRECTION_ITEM_UNKNOWN').message).toContain('no-such-material')
    expectErrorBody(await transition(clerk, caseNumber, { action: 'request_correction', items: [] }), 400)
  })
})

describe('answering a correction', () => {
  async function awaitingCorrection() {
    const submitted = await submittedCase()
    await moved(clerk, submitted.caseNumber, { action: 'accept' })
    await moved(clerk, submitted.caseNumber, { action: 'request_correction', items: correctionItems })
    return submitted
  }

  it('needs every requested item answered and nothing else, checks the new values, and changes nothing when refused', async () => {
    const { headers, caseNumber } = await awaitingCorrection()
    const before = await testApp.countRows()
    const missing = await answerCorrection(headers, caseNumber, { materials: [], values: { phone: '13900000001', name: '王大明' } })
    expect(expectErrorBody(missing, 422, 'CORRECTION_INCOMPLETE')).toBeDefined()
    expect(missing.json<ApplicationError>().fieldErrors).toEqual([
      { fieldKey: 'materials.household-register', message: '请上传补正材料“居民户口簿”' },
      { fieldKey: 'name', message: '该项不在补正告知中，无需修改' },
    ])
    const invalid = await answerCorrection(headers, caseNumber, { materials: [{ materialId: 'household-register', uploadIds: [await uploadId(testApp.app, headers)] }], values: { phone: '123' } })
    expectErrorBody(invalid, 422, 'APPLICATION_INVALID')
    expect(invalid.json<ApplicationError>().fieldErrors?.map((error) => error.fieldKey)).toEqual(['phone'])
    expect((await testApp.countRows()).case_events).toBe(before.case_events)
    expect((await myCase(headers, caseNumber)).status).toBe('correction_requested')
  })

  it('refuses another citizen’s upload', async () => {
    const { headers, caseNumber } = await awaitingCorrection()
    const strangersUpload = await uploadId(testApp.app, await citizenHeaders(testApp.app))
    const refused = await answerCorrection(headers, caseNumber, { materials: [{ materialId: 'household-register', uploadIds: [strangersUpload] }], values: { phone: '13900000001' } })
    expectErrorBody(refused, 422, 'APPLICATION_INVALID')
    expect(refused.json<ApplicationError>().fieldErrors).toEqual([{ fieldKey: 'materials.household-register', message: '“居民户口簿”的文件已失效或无法使用，请重新上传' }])
  })

  it('happens once when retried with the same key', async () => {
    const { headers, caseNumber } = await awaitingCorrection()
    const body = { materials: [{ materialId: 'household-register', uploadIds: [await uploadId(testApp.app, headers)] }], values: { phone: '13900000001' } }
    const key = idempotencyKey()
    const first = await answerCorrection(headers, caseNumber, body, key)
    const retry = await answerCorrection(headers, caseNumber, body, key)
    expect(first.statusCode, first.body).toBe(200)
    expect(retry.statusCode).toBe(200)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json()).toEqual(first.json())
    expect((await myCase(headers, caseNumber)).timeline.filter((entry) => entry.action === 'resubmit')).toHaveLength(1)
  })
})

describe('idempotent staff transitions', () => {
  it('runs a retried transition once and answers the first result', async () => {
    const { headers, caseNumber } = await submittedCase()
    const key = idempotencyKey()
    const first = await transition(clerk, caseNumber, { action: 'accept' }, key)
    const retry = await transition(clerk, caseNumber, { action: 'accept' }, key)
    expect(first.statusCode, first.body).toBe(200)
    expect(retry.statusCode).toBe(200)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json()).toEqual(first.json())
    expect((await myCase(headers, caseNumber)).timeline.filter((entry) => entry.action === 'accept')).toHaveLength(1)
    // The same key for another transition is a mistake, not a replay.
    expectErrorBody(await transition(clerk, caseNumber, { action: 'start_review' }, key), 422, 'IDEMPOTENCY_KEY_REUSED')
  })
})

describe('who sees a case (IDOR)', () => {
  it('answers 404 to another citizen, reading or answering', async () => {
    const { caseNumber } = await submittedCase()
    await moved(clerk, caseNumber, { action: 'request_correction', items: [{ fieldKey: 'phone', need: '请核对' }] })
    const stranger = await citizenHeaders(testApp.app)
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: `/api/v1/me/cases/${caseNumber}`, headers: stranger }), 404)
    expectErrorBody(await answerCorrection(stranger, caseNumber, { materials: [], values: { phone: '13900000009' } }), 404)
    const list = (await testApp.app.inject({ method: 'GET', url: '/api/v1/me/cases', headers: stranger })).json<CaseList>()
    expect(list.cases).toEqual([])
  })

  it('answers 404 to staff of another department, reading or moving, and leaves the case out of their queue', async () => {
    const { headers, caseNumber } = await submittedCase()
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: `/api/v1/staff/cases/${caseNumber}`, headers: otherClerk.headers }), 404)
    expectErrorBody(await transition(otherClerk, caseNumber, { action: 'accept' }), 404)
    expect((await myCase(headers, caseNumber)).status).toBe('submitted')
    const queue = (await testApp.app.inject({ method: 'GET', url: '/api/v1/staff/cases?pageSize=100', headers: otherClerk.headers })).json<StaffCaseList>()
    expect(queue.cases.map((entry) => entry.caseNumber)).not.toContain(caseNumber)
    expect(queue.total).toBe(0)
  })

  it('needs the CSRF token and a staff session to move a case', async () => {
    const { caseNumber } = await submittedCase()
    expectErrorBody(await testApp.app.inject({ method: 'POST', url: `/api/v1/staff/cases/${caseNumber}/transitions`, headers: { cookie: clerk.headers.cookie }, payload: { action: 'accept' } }), 403)
    const citizen = await signInCitizen(testApp.app)
    expectErrorBody(await testApp.app.inject({ method: 'POST', url: `/api/v1/staff/cases/${caseNumber}/transitions`, headers: citizen.headers, payload: { action: 'accept' } }), 401)
  })
})

describe('the staff queue', () => {
  it('lists the department’s cases by due date, filters by status, pages', async () => {
    const waiting = await submittedCase()
    const acceptedFirst = await submittedCase()
    await moved(clerk, acceptedFirst.caseNumber, { action: 'accept' })
    const paused = await submittedCase()
    await moved(clerk, paused.caseNumber, { action: 'accept' })
    await moved(clerk, paused.caseNumber, { action: 'request_correction', items: [{ fieldKey: 'phone', need: '请核对' }] })

    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/staff/cases?status=accepted&status=submitted&status=correction_requested&pageSize=100', headers: clerk.headers })
    expect(response.statusCode, response.body).toBe(200)
    const queue = response.json<StaffCaseList>()
    const numbers = queue.cases.map((entry) => entry.caseNumber)
    // Running due dates first; cases without one (not accepted, paused) after them.
    expect(numbers.indexOf(acceptedFirst.caseNumber)).toBeLessThan(numbers.indexOf(waiting.caseNumber))
    expect(numbers.indexOf(acceptedFirst.caseNumber)).toBeLessThan(numbers.indexOf(paused.caseNumber))
    const entry = queue.cases.find((candidate) => candidate.caseNumber === acceptedFirst.caseNumber)!
    expect(entry).toMatchObject({ departmentId: 'public-security', status: 'accepted', acceptedOn: shanghaiToday() })
    expect(entry.deadlines.statutory).toMatchObject({ dueDate: addCalendarDays(shanghaiToday(), 60), overdue: false })
    expect(JSON.stringify(queue)).not.toContain('150203199001011232')

    const onlyAccepted = (await testApp.app.inject({ method: 'GET', url: '/api/v1/staff/cases?status=accepted', headers: clerk.headers })).json<StaffCaseList>()
    expect(onlyAccepted.cases.every((candidate) => candidate.status === 'accepted')).toBe(true)
    const pageOne = (await testApp.app.inject({ method: 'GET', url: '/api/v1/staff/cases?pageSize=1&page=2', headers: admin.headers })).json<StaffCaseList>()
    expect(pageOne).toMatchObject({ page: 2, pageSize: 1 })
    expect(pageOne.cases).toHaveLength(1)
    expect(pageOne.total).toBeGreaterThanOrEqual(3)
  })
})

describe('deadlines from acceptance with a correction pause (National Day 2026)', () => {
  afterEach(() => vi.useRealTimers())

  /** Sets the clock to 10:00 in Shanghai on `day`; sessions are signed in afresh after each jump. */
  const at = (day: string) => vi.setSystemTime(new Date(`${day}T02:00:00Z`))

  it('counts 20 working days from acceptance, stands still while the correction is pending and moves on by the days it was', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    at('2026-09-28')
    const citizen = await signInCitizen(testApp.app)
    const { caseNumber } = await submittedCase(citizen.headers)
    const staffNow = () => signedInStaff(testApp.app, testApp.db, { username: 'case.clerk', role: 'clerk', password })
    await moved(await staffNow(), caseNumber, { action: 'accept' })

    at('2026-09-30')
    await moved(await staffNow(), caseNumber, { action: 'request_correction', items: [{ fieldKey: 'phone', need: '请核对' }] })

    at('2026-10-08')
    const headers = (await signInCitizen(testApp.app, citizen.phone)).headers
    expect((await myCase(headers, caseNumber)).deadlines.promised).toMatchObject({ startDate: '2026-09-28', paused: true, dueDate: null, workingDaysLeft: 18 })

    at('2026-10-09')
    const answered = await answerCorrection((await signInCitizen(testApp.app, citizen.phone)).headers, caseNumber, { materials: [], values: { phone: '13900000003' } })
    expect(answered.statusCode, answered.body).toBe(200)
    // 2026-10-30 without the correction; pending over 10月8日 and 9日: two working days later.
    expect(answered.json<CaseDetail>().deadlines).toMatchObject({
      promised: { dueDate: '2026-11-03', pausedDays: 2, paused: false, workingDaysLeft: 18, estimated: false },
      statutory: { dueDate: '2026-12-06', pausedDays: 9 },
    })

    at('2026-11-04')
    const late = await myCase((await signInCitizen(testApp.app, citizen.phone)).headers, caseNumber)
    expect(late.deadlines.promised).toMatchObject({ dueDate: '2026-11-03', workingDaysLeft: -1, overdue: true })
    expect(late.deadlines.statutory).toMatchObject({ overdue: false })
  })
})
