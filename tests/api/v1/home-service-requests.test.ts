import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HomeServiceInput, HomeServiceRequest, HomeServiceRequestList, StaffHomeServiceRequestList } from '../../../contract/appointments.ts'
import type { NotificationList } from '../../../contract/notifications.ts'
import { addCalendarDays, shanghaiToday } from '../../../contract/local-date.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { signInCitizen } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { HALL, ID_CARD, setSchedule, SOCIETY, staffHeaders } from './appointment-support.ts'
import { idempotencyKey } from './factories.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
  await setSchedule(testApp)
})
afterAll(() => testApp.close())

type Headers = Record<string, string>

function homeServiceInput(overrides: Partial<HomeServiceInput> = {}): HomeServiceInput {
  return {
    itemCode: ID_CARD,
    hallId: HALL,
    address: '包头市昆都仑区少先路街道某小区3号楼2单元501',
    reason: 'mobility',
    note: '老人卧床，需要携带便携式采集设备',
    preferredDates: [addCalendarDays(shanghaiToday(), 3), addCalendarDays(shanghaiToday(), 2)],
    contactName: '王秀英',
    contactPhone: '13800000000',
    ...overrides,
  }
}

const request = (headers: Headers, input: HomeServiceInput = homeServiceInput(), key = idempotencyKey()) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/me/home-service-requests', headers: { ...headers, 'idempotency-key': key }, payload: input })
const staffPost = (headers: Headers, id: string, action: 'confirm' | 'decline', payload: object) =>
  testApp.app.inject({ method: 'POST', url: `/api/v1/staff/home-service-requests/${id}/${action}`, headers, payload })

describe('上门服务', () => {
  it('a request is confirmed by staff with a time, and the citizen sees it and is notified', async () => {
    const citizen = await signInCitizen(testApp.app)
    const created = await request(citizen.headers)
    expect(created.statusCode, created.body).toBe(201)
    const requested = created.json<HomeServiceRequest>()
    expect(requested).toMatchObject({ status: 'requested', itemCode: ID_CARD, hallId: HALL, reason: 'mobility', visitAt: null })
    expect(requested.preferredDates).toEqual([...homeServiceInput().preferredDates].sort())

    const clerk = await staffHeaders(testApp, 'clerk')
    const queue = await testApp.app.inject({ method: 'GET', url: `/api/v1/staff/halls/${HALL}/home-service-requests`, query: { status: 'requested' }, headers: clerk })
    expect(queue.statusCode, queue.body).toBe(200)
    const listed = queue.json<StaffHomeServiceRequestList>().requests.find((entry) => entry.id === requested.id)
    expect(listed).toMatchObject({ contactName: '王*英', contactPhone: '138****0000', address: homeServiceInput().address })
    const full = await testApp.app.inject({ method: 'GET', url: `/api/v1/staff/home-service-requests/${requested.id}`, headers: clerk })
    expect(full.json<HomeServiceRequest>()).toMatchObject({ contactName: '王秀英', contactPhone: '13800000000' })

    const visitAt = new Date(Date.now() + 3 * 86_400_000).toISOString()
    const confirmed = await staffPost(clerk, requested.id, 'confirm', { visitAt, note: '工作人员将携带便携式采集设备上门' })
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    expectErrorBody(await staffPost(clerk, requested.id, 'decline', { reason: '重复处理' }), 409, 'HOME_SERVICE_NOT_OPEN')

    const seen = await testApp.app.inject({ method: 'GET', url: `/api/v1/me/home-service-requests/${requested.id}`, headers: citizen.headers })
    expect(seen.json<HomeServiceRequest>()).toMatchObject({ status: 'confirmed', visitAt: new Date(visitAt).toISOString(), staffNote: '工作人员将携带便携式采集设备上门' })
    const notices = await testApp.app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers: citizen.headers })
    expect(notices.statusCode, notices.body).toBe(200)
    expect(notices.json<NotificationList>().items).toEqual([
      expect.objectContaining({ kind: 'home_service', title: '上门服务已确认', link: `/appointments/home-service/${requested.id}` }),
    ])
    const audit = await testApp.db.selectFrom('audit_log').select('action').where('target', '=', `home-service-request:${requested.id}`).execute()
    expect(audit.map((row) => row.action)).toEqual(['home-service.read', 'home-service.confirm'])

    // the citizen may still cancel a confirmed visit
    const cancelled = await testApp.app.inject({ method: 'POST', url: `/api/v1/me/home-service-requests/${requested.id}/cancel`, headers: { ...citizen.headers, 'idempotency-key': idempotencyKey() } })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect(cancelled.json<HomeServiceRequest>().status).toBe('cancelled')
  })

  it('a decline carries its reason to the citizen', async () => {
    const citizen = await signInCitizen(testApp.app)
    const requested = (await request(citizen.headers, homeServiceInput({ reason: 'on_site_inspection' }))).json<HomeServiceRequest>()
    const supervisor = await staffHeaders(testApp, 'supervisor')
    const declined = await staffPost(supervisor, requested.id, 'decline', { reason: '该事项需本人到大厅现场采集指纹' })
    expect(declined.statusCode, declined.body).toBe(200)
    const list = await testApp.app.inject({ method: 'GET', url: '/api/v1/me/home-service-requests', headers: citizen.headers })
    expect(list.json<HomeServiceRequestList>().requests).toEqual([expect.objectContaining({ id: requested.id, status: 'declined', staffNote: '该事项需本人到大厅现场采集指纹' })])
    const notices = await testApp.db.selectFrom('notifications').select(['title', 'body']).where('citizen_id', '=', citizen.me.id).execute()
    expect(notices).toEqual([{ title: '上门服务未能安排', body: expect.stringContaining('该事项需本人到大厅现场采集指纹') }])
    const cancel = await testApp.app.inject({ method: 'POST', url: `/api/v1/me/home-service-requests/${requested.id}/cancel`, headers: { ...citizen.headers, 'idempotency-key': idempotencyKey() } })
    expectErrorBody(cancel, 409, 'HOME_SERVICE_NOT_OPEN')
  })

  it('only for items the hall offers it for, on dates from tomorrow; a retry with the same key makes one request', async () => {
    const citizen = await signInCitizen(testApp.app)
    expectErrorBody(await request(citizen.headers, homeServiceInput({ itemCode: SOCIETY })), 422, 'HOME_SERVICE_NOT_OFFERED')
    expectErrorBody(await request(citizen.headers, homeServiceInput({ preferredDates: [shanghaiToday()] })), 422, 'DATES_INVALID')
    const key = idempotencyKey()
    const first = await request(citizen.headers, homeServiceInput(), key)
    const again = await request(citizen.headers, homeServiceInput(), key)
    expect(again.json<HomeServiceRequest>().id).toBe(first.json<HomeServiceRequest>().id)
    const rows = await testApp.db.selectFrom('home_service_requests').select('id').where('citizen_id', '=', citizen.me.id).execute()
    expect(rows).toHaveLength(1)
  })

  it('another citizen’s request answers 404, and staff of another hall cannot see or decide it', async () => {
    const owner = await signInCitizen(testApp.app)
    const requested = (await request(owner.headers)).json<HomeServiceRequest>()
    const other = await signInCitizen(testApp.app)
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: `/api/v1/me/home-service-requests/${requested.id}`, headers: other.headers }), 404, 'NOT_FOUND')
    const cancel = await testApp.app.inject({ method: 'POST', url: `/api/v1/me/home-service-requests/${requested.id}/cancel`, headers: { ...other.headers, 'idempotency-key': idempotencyKey() } })
    expectErrorBody(cancel, 404, 'NOT_FOUND')

    const elsewhere = await staffHeaders(testApp, 'clerk', ['kunbei-street-station'])
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: `/api/v1/staff/halls/${HALL}/home-service-requests`, headers: elsewhere }), 404, 'HALL_NOT_FOUND')
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: `/api/v1/staff/home-service-requests/${requested.id}`, headers: elsewhere }), 404, 'NOT_FOUND')
    expectErrorBody(await staffPost(elsewhere, requested.id, 'confirm', { visitAt: new Date(Date.now() + 86_400_000).toISOString(), note: null }), 404, 'NOT_FOUND')
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: `/api/v1/staff/halls/${HALL}/home-service-requests`, headers: other.headers }), 401)
  })
})
