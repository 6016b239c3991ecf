import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseReceipt } from '../../../contract/applications.ts'
import { addCalendarDays, shanghaiToday } from '../../../contract/local-date.ts'
import type { FollowUpList, FollowUpTask, Rating, RatingList } from '../../../contract/ratings.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { signedInStaff, withoutCsrf } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { citizenHeaders, formApplication, publishFormItem, submit, uploadId } from './application-factories.ts'
import { idempotencyKey } from './factories.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
  await publishFormItem(testApp)
})
afterAll(() => testApp.close())

type Headers = Record<string, string>

/** A new citizen's case of the test item (department public-security), moved to `status`. */
async function caseOf(status: 'completed' | 'approved' = 'completed'): Promise<{ headers: Headers; caseNumber: string }> {
  const headers = await citizenHeaders(testApp.app)
  const response = await submit(testApp.app, headers, formApplication([await uploadId(testApp.app, headers)]))
  expect(response.statusCode, response.body).toBe(201)
  const { caseNumber } = response.json<CaseReceipt>()
  await testApp.db.updateTable('cases').set({ status }).where('case_number', '=', caseNumber).execute()
  return { headers, caseNumber }
}

const rateCase = (headers: Headers, caseNumber: string, payload: object, key = idempotencyKey()) =>
  testApp.app.inject({ method: 'POST', url: `/api/v1/me/cases/${caseNumber}/rating`, headers: { ...headers, 'idempotency-key': key }, payload })
const rateHall = (headers: Headers, payload: object, key = idempotencyKey()) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/me/hall-ratings', headers: { ...headers, 'idempotency-key': key }, payload })
const myRatings = async (headers: Headers) => {
  const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/me/ratings', headers })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<RatingList>().ratings
}
const followUps = (headers: Headers) => testApp.app.inject({ method: 'GET', url: '/api/v1/staff/follow-ups', headers })
const recordOutcome = (headers: Headers, id: string, outcome = '已电话回访申请人，窗口已加强业务培训。') =>
  testApp.app.inject({ method: 'POST', url: `/api/v1/staff/follow-ups/${id}/outcome`, headers, payload: { outcome } })

let staffCount = 0
function staff(role: 'clerk' | 'supervisor' | 'admin', bindings: { departmentIds?: string[]; hallIds?: string[] } = {}) {
  staffCount += 1
  return signedInStaff(testApp.app, testApp.db, { username: `ratings.${role}.${staffCount}`, role, password: 'ratings-test-password', ...bindings }).then((signedIn) => ({
    ...signedIn.headers,
  }))
}

describe('POST /api/v1/me/cases/{caseNumber}/rating', () => {
  it('rates the citizen’s own completed case on the five-level scale and lists it under 我的评价', async () => {
    const { headers, caseNumber } = await caseOf()
    const response = await rateCase(headers, caseNumber, { level: 4, comment: '窗口工作人员态度很好' })
    expect(response.statusCode, response.body).toBe(201)
    const rating = response.json<Rating>()
    expect(rating).toMatchObject({
      target: { kind: 'case', caseNumber, itemName: expect.any(String) },
      level: 4,
      levelName: '满意',
      comment: '窗口工作人员态度很好',
      followUp: null,
    })
    expect(await myRatings(headers)).toEqual([rating])
  })

  it('rates a case once: a retry with the same key answers the first rating; another rating is refused', async () => {
    const { headers, caseNumber } = await caseOf()
    const key = idempotencyKey()
    const first = await rateCase(headers, caseNumber, { level: 5 }, key)
    expect(first.statusCode, first.body).toBe(201)
    const replay = await rateCase(headers, caseNumber, { level: 5 }, key)
    expect(replay.statusCode).toBe(201)
    expect(replay.headers['idempotent-replayed']).toBe('true')
    expect(replay.json()).toEqual(first.json())
    expectErrorBody(await rateCase(headers, caseNumber, { level: 1 }), 409, 'ALREADY_RATED')
    expect(await myRatings(headers)).toHaveLength(1)
    expect((await myRatings(headers))[0]!.level).toBe(5)
  })

  it('answers 404 for another citizen’s case as for one that does not exist, and stores nothing', async () => {
    const { caseNumber } = await caseOf()
    const other = await citizenHeaders(testApp.app)
    const before = await testApp.countRows()
    const foreign = expectErrorBody(await rateCase(other, caseNumber, { level: 1, comment: '差' }), 404, 'NOT_FOUND')
    const missing = expectErrorBody(await rateCase(other, 'KDL-20200101-9999', { level: 1, comment: '差' }), 404, 'NOT_FOUND')
    expect(foreign).toEqual(missing)
    expect(await testApp.countRows()).toEqual(before)
  })

  it('rates a case that staff took to 已办结 through its lifecycle, and not one step before', async () => {
    const headers = await citizenHeaders(testApp.app)
    const submitted = await submit(testApp.app, headers, formApplication([await uploadId(testApp.app, headers)]))
    const { caseNumber } = submitted.json<CaseReceipt>()
    const clerk = await staff('clerk', { departmentIds: ['public-security'] })
    const steps = [
      { action: 'accept', note: '材料齐全，予以受理。' },
      { action: 'start_review' },
      { action: 'approve', note: '符合条件。' },
      { action: 'issue_result', delivery: { method: 'pickup', place: '一楼12号窗口', hours: '工作日9:00-17:00' } },
    ]
    for (const step of steps) {
      const moved = await testApp.app.inject({ method: 'POST', url: `/api/v1/staff/cases/${caseNumber}/transitions`, headers: { ...clerk, 'idempotency-key': idempotencyKey() }, payload: step })
      expect(moved.statusCode, moved.body).toBe(200)
    }
    expectErrorBody(await rateCase(headers, caseNumber, { level: 5 }), 422, 'CASE_NOT_COMPLETED')
    const completed = await testApp.app.inject({ method: 'POST', url: `/api/v1/staff/cases/${caseNumber}/transitions`, headers: { ...clerk, 'idempotency-key': idempotencyKey() }, payload: { action: 'complete' } })
    expect(completed.statusCode, completed.body).toBe(200)
    const rated = await rateCase(headers, caseNumber, { level: 5 })
    expect(rated.statusCode, rated.body).toBe(201)
  })

  it('refuses a case that is not completed yet', async () => {
    const { headers, caseNumber } = await caseOf('approved')
    const body = expectErrorBody(await rateCase(headers, caseNumber, { level: 5 }), 422, 'CASE_NOT_COMPLETED')
    expect(body.message).toBe('办件办结后才能评价')
  })

  it('refuses levels outside 1..5, a comment over 500 characters and unknown fields', async () => {
    const { headers, caseNumber } = await caseOf()
    for (const payload of [{ level: 0 }, { level: 6 }, { level: 3.5 }, { level: '5' }, {}, { level: 3, comment: '好'.repeat(501) }, { level: 3, citizenId: 'x' }]) {
      expectErrorBody(await rateCase(headers, caseNumber, payload), 400, 'VALIDATION_FAILED')
    }
    const atLimit = await rateCase(headers, caseNumber, { level: 3, comment: '好'.repeat(500) })
    expect(atLimit.statusCode, atLimit.body).toBe(201)
  })

  it('keeps a comment with markup exactly as text (JSON, never HTML)', async () => {
    const { headers, caseNumber } = await caseOf()
    const comment = '<script>alert(1)</script><img src=x onerror=alert(2)> & "引号"'
    const response = await rateCase(headers, caseNumber, { level: 3, comment })
    expect(response.statusCode, response.body).toBe(201)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(response.json<Rating>().comment).toBe(comment)
    expect((await myRatings(headers))[0]!.comment).toBe(comment)
  })

  it('needs a session and its CSRF token', async () => {
    const { headers, caseNumber } = await caseOf()
    expectErrorBody(await rateCase({}, caseNumber, { level: 5 }), 401)
    expectErrorBody(await rateCase(withoutCsrf(headers as { cookie: string; 'x-csrf-token': string }), caseNumber, { level: 5 }), 403, 'CSRF_TOKEN_INVALID')
  })
})

describe('POST /api/v1/me/hall-ratings', () => {
  const today = () => shanghaiToday()

  it('rates a visit to a hall today or earlier, once per hall and day', async () => {
    const headers = await citizenHeaders(testApp.app)
    const response = await rateHall(headers, { hallId: 'kundulun-civic-centre', visitDate: today(), level: 5 })
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json<Rating>()).toMatchObject({
      target: { kind: 'hall', hallId: 'kundulun-civic-centre', hallName: expect.stringContaining('昆都仑'), visitDate: today() },
      level: 5,
      levelName: '非常满意',
      comment: null,
      followUp: null,
    })
    expectErrorBody(await rateHall(headers, { hallId: 'kundulun-civic-centre', visitDate: today(), level: 1 }), 409, 'ALREADY_RATED')
    const yesterday = await rateHall(headers, { hallId: 'kundulun-civic-centre', visitDate: addCalendarDays(today(), -1), level: 4 })
    expect(yesterday.statusCode, yesterday.body).toBe(201)
    const otherHall = await rateHall(headers, { hallId: 'shaoxianlu-street-station', visitDate: today(), level: 4 })
    expect(otherHall.statusCode, otherHall.body).toBe(201)
    expect(await myRatings(headers)).toHaveLength(3)
  })

  it('refuses a visit in the future, a hall that does not exist and a date that is not one', async () => {
    const headers = await citizenHeaders(testApp.app)
    expectErrorBody(await rateHall(headers, { hallId: 'kundulun-civic-centre', visitDate: addCalendarDays(today(), 1), level: 5 }), 422, 'VISIT_DATE_IN_FUTURE')
    expectErrorBody(await rateHall(headers, { hallId: 'no-such-hall', visitDate: today(), level: 5 }), 422, 'HALL_NOT_FOUND')
    expectErrorBody(await rateHall(headers, { hallId: 'kundulun-civic-centre', visitDate: '2026-02-30', level: 5 }), 400, 'VALIDATION_FAILED')
    expectErrorBody(await rateHall(headers, { hallId: 'kundulun-civic-centre', visitDate: today(), level: 0 }), 400, 'VALIDATION_FAILED')
    expect(await myRatings(headers)).toEqual([])
  })
})

describe('follow-ups (回访整改) of ratings of 不满意 or worse', () => {
  it('opens a follow-up for 不满意 and 非常不满意 only, which the department’s supervisor sees, open first', async () => {
    const supervisor = await staff('supervisor', { departmentIds: ['public-security'] })
    const before = (await followUps(supervisor)).json<FollowUpList>().followUps.length

    const ratedAt: Record<number, string> = {}
    for (const level of [5, 4, 3, 2, 1]) {
      const { headers, caseNumber } = await caseOf()
      const rating = (await rateCase(headers, caseNumber, { level, comment: `等级${level}` })).json<Rating>()
      expect(rating.followUp === null, `level ${level}`).toBe(level > 2)
      if (rating.followUp) expect(rating.followUp).toMatchObject({ status: 'open', outcome: null, closedAt: null })
      ratedAt[level] = caseNumber
    }
    const list = (await followUps(supervisor)).json<FollowUpList>().followUps
    expect(list).toHaveLength(before + 2)
    const mine = list.filter((task) => task.target.kind === 'case' && [ratedAt[2], ratedAt[1]].includes(task.target.caseNumber))
    expect(mine.map((task) => task.level).sort()).toEqual([1, 2])
    expect(mine[0]).toMatchObject({ status: 'open', departmentId: 'public-security', hallId: null, outcome: null, closedBy: null })
    // No data of the citizen in the task.
    expect(JSON.stringify(list)).not.toMatch(/1380000|150203199001011232|王小明/)
  })

  it('a supervisor records the outcome: audit-logged, the citizen sees it and is notified; closed tasks come after open ones', async () => {
    const supervisor = await staff('supervisor', { departmentIds: ['public-security'] })
    const { headers, caseNumber } = await caseOf()
    const rating = (await rateCase(headers, caseNumber, { level: 1, comment: '等了两个小时' })).json<Rating>()
    const id = rating.followUp!.id

    const response = await recordOutcome(supervisor, id)
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json<FollowUpTask>()).toMatchObject({ id, status: 'closed', outcome: '已电话回访申请人，窗口已加强业务培训。', closedBy: expect.any(String) })
    expectErrorBody(await recordOutcome(supervisor, id, '再次填写的结果内容'), 409, 'FOLLOW_UP_CLOSED')

    const [seen] = await myRatings(headers)
    expect(seen!.followUp).toMatchObject({ id, status: 'closed', outcome: '已电话回访申请人，窗口已加强业务培训。', closedAt: expect.any(String) })

    const audit = await testApp.db.selectFrom('audit_log').selectAll().where('action', '=', 'follow-up.close').where('target', '=', `follow-up:${id}`).execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.detail).toMatchObject({ caseNumber, departmentId: 'public-security', level: 1 })

    const citizenId = (await testApp.db.selectFrom('cases').select('citizen_id').where('case_number', '=', caseNumber).executeTakeFirstOrThrow()).citizen_id
    const notices = await testApp.db.selectFrom('notifications').selectAll().where('citizen_id', '=', citizenId).where('kind', '=', 'follow_up_outcome').execute()
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ case_number: caseNumber })
    expect(notices[0]!.body).toContain('已加强业务培训')

    // Another low rating, still open, is listed before the closed one.
    const other = await caseOf()
    await rateCase(other.headers, other.caseNumber, { level: 2 })
    const list = (await followUps(supervisor)).json<FollowUpList>().followUps
    const statuses = list.map((task) => task.status)
    expect(statuses.indexOf('closed')).toBeGreaterThan(statuses.lastIndexOf('open'))
  })

  it('only supervisors and administrators of the department: a clerk gets 403, another department’s supervisor 404', async () => {
    const { headers, caseNumber } = await caseOf()
    const id = (await rateCase(headers, caseNumber, { level: 2 })).json<Rating>().followUp!.id
    const clerk = await staff('clerk', { departmentIds: ['public-security'], hallIds: ['kundulun-civic-centre'] })
    expectErrorBody(await followUps(clerk), 403, 'FORBIDDEN')
    expectErrorBody(await recordOutcome(clerk, id), 403, 'FORBIDDEN')
    const elsewhere = await staff('supervisor', { departmentIds: ['civil-affairs'] })
    expectErrorBody(await recordOutcome(elsewhere, id), 404, 'NOT_FOUND')
    expect((await followUps(elsewhere)).json<FollowUpList>().followUps.some((task) => task.id === id)).toBe(false)
    expectErrorBody(await recordOutcome(headers, id), 401)
    const admin = await staff('admin')
    expect((await followUps(admin)).json<FollowUpList>().followUps.some((task) => task.id === id)).toBe(true)
    expect((await recordOutcome(admin, id)).statusCode).toBe(200)
  })

  it('a low hall rating goes to the hall’s supervisors, not to a department’s', async () => {
    const headers = await citizenHeaders(testApp.app)
    const rating = (await rateHall(headers, { hallId: 'shaoxianlu-street-station', visitDate: shanghaiToday(), level: 1, comment: '排队太久' })).json<Rating>()
    const id = rating.followUp!.id
    const hallSupervisor = await staff('supervisor', { hallIds: ['shaoxianlu-street-station'] })
    const departmentSupervisor = await staff('supervisor', { departmentIds: ['public-security'], hallIds: ['kundulun-civic-centre'] })
    const seen = (await followUps(hallSupervisor)).json<FollowUpList>().followUps.find((task) => task.id === id)
    expect(seen).toMatchObject({ hallId: 'shaoxianlu-street-station', departmentId: null, comment: '排队太久', target: { kind: 'hall', visitDate: shanghaiToday() } })
    expectErrorBody(await recordOutcome(departmentSupervisor, id), 404)
    expect((await recordOutcome(hallSupervisor, id, '已约谈大厅负责人，增开周末窗口。')).statusCode).toBe(200)
    expect((await myRatings(headers))[0]!.followUp).toMatchObject({ status: 'closed', outcome: '已约谈大厅负责人，增开周末窗口。' })
  })

  it('refuses an empty outcome', async () => {
    const supervisor = await staff('supervisor', { departmentIds: ['public-security'] })
    const { headers, caseNumber } = await caseOf()
    const id = (await rateCase(headers, caseNumber, { level: 1 })).json<Rating>().followUp!.id
    expectErrorBody(await recordOutcome(supervisor, id, '     '), 400, 'VALIDATION_FAILED')
    expectErrorBody(await recordOutcome(supervisor, id, 'x'.repeat(1001)), 400, 'VALIDATION_FAILED')
  })
})
