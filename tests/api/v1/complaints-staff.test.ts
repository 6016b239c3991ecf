import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ComplaintDetail, StaffComplaintDetail, StaffComplaintList } from '../../../contract/complaints.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { randomAddress, signInCitizen, signedInStaff } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { complaintInput, filedComplaint, realNameInput, uploadPhoto, type Headers } from './complaint-factories.ts'
import { idempotencyKey } from './factories.ts'

let testApp: TestApp
beforeAll(async () => {
  // Answers due in 3 working days rather than the default 5, so the tests show the setting counts.
  testApp = await buildTestApp({ COMPLAINT_ANSWER_WORKING_DAYS: '3' })
})
afterAll(() => testApp.close())
afterEach(() => {
  vi.useRealTimers()
})

const civicCentre = 'kundulun-civic-centre'
let staffCount = 0

async function staff(role: 'clerk' | 'supervisor' | 'admin', bindings: { hallIds?: string[]; departmentIds?: string[]; displayName?: string } = {}) {
  staffCount += 1
  const signedIn = await signedInStaff(testApp.app, testApp.db, { username: `complaints.${role}.${staffCount}`, role, password: 'complaints-test-password', ...bindings })
  return { id: signedIn.me.id, headers: { ...signedIn.headers } as Headers }
}

const queue = async (headers: Headers, status = 'open') => {
  const response = await testApp.app.inject({ method: 'GET', url: `/api/v1/staff/complaints?status=${status}`, headers })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<StaffComplaintList>()
}
const staffDetail = (headers: Headers, trackingNumber: string) => testApp.app.inject({ method: 'GET', url: `/api/v1/staff/complaints/${trackingNumber}`, headers })
const act = (headers: Headers, trackingNumber: string, action: 'assignment' | 'handling' | 'answer' | 'close', payload: object = {}) =>
  testApp.app.inject({ method: 'POST', url: `/api/v1/staff/complaints/${trackingNumber}/${action}`, headers, payload })
const rate = (headers: Headers, trackingNumber: string, payload: object) =>
  testApp.app.inject({ method: 'POST', url: `/api/v1/me/complaints/${trackingNumber}/rating`, headers: { ...headers, 'idempotency-key': idempotencyKey() }, payload })
const answerText = '经核实，窗口已按办事指南重新受理，并对相关人员进行了批评教育。'

describe('time limits in working days', () => {
  it('counts acknowledgement and answer across National Day and flags overdue complaints first in the queue', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-09-30T10:00:00+08:00'))
    const early = await filedComplaint(testApp.app, complaintInput({ concerns: { hallId: 'kunbei-street-station' } }))
    // 国庆 1–7 October 2026 are holidays: one working day after 30 September is 8 October; three
    // are 8, 9 and 10 October (a Saturday worked, 调休上班).
    expect(early.complaint.deadlines).toEqual({ acknowledgeBy: '2026-10-08', answerBy: '2026-10-10', workingDaysLeft: 3, overdue: null })

    vi.setSystemTime(new Date('2026-10-09T10:00:00+08:00'))
    const later = await filedComplaint(testApp.app, complaintInput({ concerns: { hallId: 'kunbei-street-station' } }))
    expect(later.complaint.deadlines).toMatchObject({ acknowledgeBy: '2026-10-10', answerBy: '2026-10-13' })
    const supervisor = await staff('supervisor', { hallIds: ['kunbei-street-station'] })
    let listed = await queue(supervisor.headers)
    expect(listed.complaints.map((complaint) => complaint.trackingNumber)).toEqual([early.trackingNumber, later.trackingNumber])
    expect(listed.complaints[0]!.deadlines.overdue).toBe('acknowledgement')
    expect(listed.overdueCount).toBe(1)

    vi.setSystemTime(new Date('2026-10-12T10:00:00+08:00'))
    const clerk = await staff('clerk', { hallIds: ['kunbei-street-station'] })
    const renewed = await staff('supervisor', { hallIds: ['kunbei-street-station'] })
    expect((await act(renewed.headers, later.trackingNumber, 'assignment', { handlerId: clerk.id })).statusCode).toBe(200)
    listed = await queue(renewed.headers)
    expect(listed.complaints[0]).toMatchObject({ trackingNumber: early.trackingNumber, deadlines: { overdue: 'answer', workingDaysLeft: -1 } })
    expect(listed.complaints[1]).toMatchObject({ trackingNumber: later.trackingNumber, status: 'assigned', deadlines: { overdue: null, workingDaysLeft: 1 } })
  })
})

describe('staff handling', () => {
  it('shows a real-name contact to the handler and supervisors only, and takes the complaint through answer, reopening once and closing', async () => {
    const citizen = await signInCitizen(testApp.app)
    const receipt = await filedComplaint(testApp.app, realNameInput({ concerns: { hallId: civicCentre } }), { headers: citizen.headers })
    const { trackingNumber } = receipt
    const supervisor = await staff('supervisor', { hallIds: [civicCentre] })
    const clerk = await staff('clerk', { hallIds: [civicCentre] })
    const otherClerk = await staff('clerk', { hallIds: [civicCentre] })
    const elsewhere = await staff('clerk', { hallIds: ['kunbei-street-station'] })

    expect((await staffDetail(supervisor.headers, trackingNumber)).json<StaffComplaintDetail>().complainant).toEqual({ anonymous: false, name: '王小明', phone: '13912345678', masked: false })
    expect((await staffDetail(clerk.headers, trackingNumber)).json<StaffComplaintDetail>().complainant).toEqual({ anonymous: false, name: '王*明', phone: '139****5678', masked: true })
    expectErrorBody(await staffDetail(elsewhere.headers, trackingNumber), 404)
    expectErrorBody(await act(clerk.headers, trackingNumber, 'assignment', { handlerId: clerk.id }), 403)
    expectErrorBody(await act(clerk.headers, trackingNumber, 'handling'), 403, 'FORBIDDEN')
    expectErrorBody(await act(supervisor.headers, trackingNumber, 'answer', { answer: answerText }), 409, 'COMPLAINT_STATUS_CONFLICT')

    const assigned = await act(supervisor.headers, trackingNumber, 'assignment', { handlerId: clerk.id, note: '请核实后答复' })
    expect(assigned.statusCode, assigned.body).toBe(200)
    expect(assigned.json<StaffComplaintDetail>()).toMatchObject({ status: 'assigned', handler: { id: clerk.id } })
    expect((await staffDetail(clerk.headers, trackingNumber)).json<StaffComplaintDetail>().complainant).toMatchObject({ phone: '13912345678', masked: false })
    expect((await staffDetail(otherClerk.headers, trackingNumber)).json<StaffComplaintDetail>().complainant).toMatchObject({ masked: true })
    expectErrorBody(await act(otherClerk.headers, trackingNumber, 'answer', { answer: answerText }), 403)

    expect((await act(clerk.headers, trackingNumber, 'handling', { note: '已联系窗口核实' })).json<StaffComplaintDetail>().status).toBe('handling')
    const answered = await act(clerk.headers, trackingNumber, 'answer', { answer: answerText })
    expect(answered.json<StaffComplaintDetail>()).toMatchObject({ status: 'answered', answer: { text: answerText } })
    const notices = await testApp.db.selectFrom('notifications').select(['kind', 'body', 'link']).where('citizen_id', '=', citizen.me.id).execute()
    expect(notices).toEqual([{ kind: 'complaint_answered', body: expect.stringContaining(trackingNumber), link: `/complaints/${trackingNumber}` }])

    const reopened = await rate(citizen.headers, trackingNumber, { satisfied: false, comment: '问题没有解决', reopen: true })
    expect(reopened.statusCode, reopened.body).toBe(200)
    expect(reopened.json<ComplaintDetail>()).toMatchObject({ status: 'reopened', rating: { satisfied: false }, canRate: false, canReopen: false })
    expectErrorBody(await rate(citizen.headers, trackingNumber, { satisfied: true }), 409, 'COMPLAINT_NOT_ANSWERED')

    await act(clerk.headers, trackingNumber, 'answer', { answer: `${answerText}（再次答复）` })
    const again = await testApp.app.inject({ method: 'GET', url: `/api/v1/me/complaints/${trackingNumber}`, headers: citizen.headers })
    expect(again.json<ComplaintDetail>()).toMatchObject({ status: 'answered', rating: null, canRate: true, canReopen: false })
    expectErrorBody(await rate(citizen.headers, trackingNumber, { satisfied: false, reopen: true }), 422, 'REOPEN_NOT_ALLOWED')
    const closed = await rate(citizen.headers, trackingNumber, { satisfied: true, comment: '满意' })
    expect(closed.json<ComplaintDetail>()).toMatchObject({ status: 'closed', rating: { satisfied: true, comment: '满意' } })
    expect(closed.json<ComplaintDetail>().timeline.map((step) => step.status)).toEqual(['received', 'assigned', 'handling', 'answered', 'reopened', 'answered', 'closed'])
    expectErrorBody(await rate(citizen.headers, trackingNumber, { satisfied: true }), 409, 'ALREADY_RATED')
    expectErrorBody(await act(supervisor.headers, trackingNumber, 'close'), 409, 'COMPLAINT_STATUS_CONFLICT')

    const staffView = (await staffDetail(supervisor.headers, trackingNumber)).json<StaffComplaintDetail>()
    expect(staffView.timeline.map((step) => step.actor)).toContain('市民')
    const audit = await testApp.db.selectFrom('audit_log').select('action').where('target', '=', `complaint:${trackingNumber}`).execute()
    expect(new Set(audit.map((entry) => entry.action))).toEqual(new Set(['complaint.read', 'complaint.assign', 'complaint.handling', 'complaint.answer']))
  })

  it('offers a supervisor the staff of their halls and departments to assign to, and clerks nothing', async () => {
    const supervisor = await staff('supervisor', { hallIds: ['shaoxianlu-street-station'] })
    const sameHall = await staff('clerk', { hallIds: ['shaoxianlu-street-station'] })
    const otherHall = await staff('clerk', { hallIds: ['youyidajie-street-station'] })
    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/staff/complaints/handlers', headers: supervisor.headers })
    expect(response.statusCode, response.body).toBe(200)
    const ids = response.json<{ handlers: { id: string }[] }>().handlers.map((handler) => handler.id)
    expect(ids).toEqual(expect.arrayContaining([supervisor.id, sameHall.id]))
    expect(ids).not.toContain(otherHall.id)
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: '/api/v1/staff/complaints/handlers', headers: sameHall.headers }), 403)
  })

  it('hides an anonymous complainant from every staff member, also when a signed-in citizen sent it', async () => {
    const citizen = await signInCitizen(testApp.app)
    const photoId = (await uploadPhoto(testApp.app, { headers: citizen.headers })).json<{ photoId: string }>().photoId
    const receipt = await filedComplaint(testApp.app, complaintInput({ photoIds: [photoId] }), { headers: citizen.headers })
    const admin = await staff('admin')
    const response = await staffDetail(admin.headers, receipt.trackingNumber)
    expect(response.json<StaffComplaintDetail>().complainant).toEqual({ anonymous: true })
    expect(response.body).not.toContain(citizen.me.id)
    expect(response.body).not.toContain(citizen.phone)
    expect(response.body).not.toContain(citizen.phone.slice(-4))

    const photo = await testApp.app.inject({ method: 'GET', url: `/api/v1/complaints/${receipt.trackingNumber}/photos/${photoId}`, headers: admin.headers })
    expect(photo.statusCode).toBe(200)
    expect(photo.headers['cache-control']).toBe('private, no-store')
    const elsewhere = await staff('clerk', { hallIds: ['kunbei-street-station'] })
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: `/api/v1/complaints/${receipt.trackingNumber}/photos/${photoId}`, headers: elsewhere.headers }), 404)
  })

  it('keeps a complaint naming a clerk from that clerk until it is assigned to them', async () => {
    const receipt = await filedComplaint(testApp.app, complaintInput({ concerns: { hallId: civicCentre, windowId: 'kundulun-civic-centre-w07', staffName: '周琳' } }))
    const named = await staff('clerk', { hallIds: [civicCentre], displayName: '周琳' })
    expectErrorBody(await staffDetail(named.headers, receipt.trackingNumber), 404)
    expect((await queue(named.headers, 'all')).complaints.map((complaint) => complaint.trackingNumber)).not.toContain(receipt.trackingNumber)
    const supervisor = await staff('supervisor', { hallIds: [civicCentre] })
    await act(supervisor.headers, receipt.trackingNumber, 'assignment', { handlerId: named.id })
    expect((await staffDetail(named.headers, receipt.trackingNumber)).statusCode).toBe(200)
  })

  it('lets the anonymous complainant rate through the query code, and closes on satisfied', async () => {
    const receipt = await filedComplaint(testApp.app, complaintInput({ concerns: {} }))
    const supervisor = await staff('supervisor', { departmentIds: ['public-security'] })
    await act(supervisor.headers, receipt.trackingNumber, 'assignment', { handlerId: supervisor.id })
    expect((await act(supervisor.headers, receipt.trackingNumber, 'answer', { answer: answerText })).statusCode).toBe(200)
    const rateByCode = (queryCode: string) =>
      testApp.app.inject({
        method: 'POST',
        url: '/api/v1/complaint-lookups/rating',
        headers: { 'idempotency-key': idempotencyKey() },
        payload: { trackingNumber: receipt.trackingNumber, queryCode, satisfied: true },
        remoteAddress: randomAddress(),
      })
    expectErrorBody(await rateByCode('ABCDEFGHJK'), 404, 'COMPLAINT_LOOKUP_FAILED')
    const rated = await rateByCode(receipt.queryCode)
    expect(rated.statusCode, rated.body).toBe(200)
    expect(rated.json<ComplaintDetail>()).toMatchObject({ status: 'closed', rating: { satisfied: true } })
  })
})
