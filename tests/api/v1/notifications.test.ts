import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NotificationList, UnreadCount } from '../../../contract/notifications.ts'
import { notifyCitizen, type CitizenNotice } from '../../../server/src/notifications/notify-citizen.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { signInCitizen, withoutCsrf, type SignedInCitizen } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
})
afterAll(() => testApp.close())

const list = (who: SignedInCitizen, query = '') => testApp.app.inject({ method: 'GET', url: `/api/v1/me/notifications${query}`, headers: who.headers })
const markRead = (who: SignedInCitizen, payload: object) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/me/notifications/read', headers: who.headers, payload })

async function notify(who: SignedInCitizen, notice: Partial<CitizenNotice> = {}): Promise<string> {
  return testApp.db.transaction().execute((trx) =>
    notifyCitizen(trx, { citizenId: who.me.id, kind: 'case_status', caseNumber: 'KDL-20261125-0001', title: '已受理', body: '您的申请已受理。', ...notice }),
  )
}

describe('my notifications', () => {
  it('needs a signed-in citizen', async () => {
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: '/api/v1/me/notifications' }), 401)
  })

  it('starts empty', async () => {
    const fresh = await signInCitizen(testApp.app)
    const response = await list(fresh)
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('private, no-store')
    expect(response.json<NotificationList>()).toEqual({ items: [], unreadCount: 0, nextCursor: null })
  })

  it('lists newest first with the unread count, page by page', async () => {
    const citizen = await signInCitizen(testApp.app)
    await notify(citizen, { title: '已提交', now: new Date('2026-11-25T01:00:00Z') })
    await notify(citizen, { kind: 'correction_requested', title: '需要补正材料', body: '共 2 项材料需要补正。', now: new Date('2026-11-25T02:00:00Z') })
    await notify(citizen, { kind: 'result_ready', title: '办理结果已出', caseNumber: null, now: new Date('2026-11-25T03:00:00Z') })

    const first = (await list(citizen, '?limit=2')).json<NotificationList>()
    expect(first.unreadCount).toBe(3)
    expect(first.items.map((item) => item.title)).toEqual(['办理结果已出', '需要补正材料'])
    expect(first.items[1]).toEqual({
      id: expect.any(String),
      kind: 'correction_requested',
      caseNumber: 'KDL-20261125-0001',
      link: '/me/cases/KDL-20261125-0001',
      title: '需要补正材料',
      body: '共 2 项材料需要补正。',
      createdAt: '2026-11-25T02:00:00.000Z',
      readAt: null,
    })
    expect(first.items[0]).toMatchObject({ caseNumber: null, link: null })
    expect(first.nextCursor).toEqual(expect.any(String))

    const second = (await list(citizen, `?limit=2&cursor=${first.nextCursor}`)).json<NotificationList>()
    expect(second.items.map((item) => item.title)).toEqual(['已提交'])
    expect(second.nextCursor).toBeNull()
    expect(second.unreadCount).toBe(3)
  })

  it('pages without skipping or repeating notifications stored at the same moment', async () => {
    const citizen = await signInCitizen(testApp.app)
    const now = new Date('2026-11-25T05:00:00Z')
    const ids = [await notify(citizen, { now }), await notify(citizen, { now }), await notify(citizen, { now })]
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: NotificationList = (await list(citizen, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json<NotificationList>()
      seen.push(...page.items.map((item) => item.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.toSorted()).toEqual(ids.toSorted())
  })

  it('refuses a malformed cursor and a page above 100', async () => {
    const citizen = await signInCitizen(testApp.app)
    expectErrorBody(await list(citizen, '?cursor=abc'), 400, 'VALIDATION_FAILED')
    expectErrorBody(await list(citizen, '?limit=101'), 400, 'VALIDATION_FAILED')
  })

  it('marks the given ones read, idempotently, keeping the first read time', async () => {
    const citizen = await signInCitizen(testApp.app)
    const first = await notify(citizen)
    await notify(citizen)
    const response = await markRead(citizen, { ids: [first] })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json<UnreadCount>()).toEqual({ unreadCount: 1 })
    const readAt = (await list(citizen)).json<NotificationList>().items.find((item) => item.id === first)!.readAt
    expect(readAt).toEqual(expect.any(String))

    expect((await markRead(citizen, { ids: [first] })).json<UnreadCount>()).toEqual({ unreadCount: 1 })
    expect((await list(citizen)).json<NotificationList>().items.find((item) => item.id === first)!.readAt).toBe(readAt)
  })

  it('marks all read', async () => {
    const citizen = await signInCitizen(testApp.app)
    await notify(citizen)
    await notify(citizen)
    expect((await markRead(citizen, { all: true })).json<UnreadCount>()).toEqual({ unreadCount: 0 })
    const page = (await list(citizen)).json<NotificationList>()
    expect(page.unreadCount).toBe(0)
    expect(page.items.every((item) => item.readAt !== null)).toBe(true)
  })

  it('refuses an empty id list, a body with both forms, and a write without the CSRF token', async () => {
    const citizen = await signInCitizen(testApp.app)
    const id = await notify(citizen)
    expectErrorBody(await markRead(citizen, { ids: [] }), 400, 'VALIDATION_FAILED')
    expectErrorBody(await markRead(citizen, { ids: [id], all: true }), 400, 'VALIDATION_FAILED')
    const noCsrf = await testApp.app.inject({ method: 'POST', url: '/api/v1/me/notifications/read', headers: withoutCsrf(citizen.headers), payload: { ids: [id] } })
    expectErrorBody(noCsrf, 403)
    expect((await list(citizen)).json<NotificationList>().unreadCount).toBe(1)
  })

  it('never shows or marks another citizen’s notifications (IDOR)', async () => {
    const owner = await signInCitizen(testApp.app)
    const other = await signInCitizen(testApp.app)
    const id = await notify(owner, { title: '您的办件已受理' })

    expect((await list(other)).json<NotificationList>()).toEqual({ items: [], unreadCount: 0, nextCursor: null })
    expect((await markRead(other, { ids: [id] })).json<UnreadCount>()).toEqual({ unreadCount: 0 })
    expect((await markRead(other, { all: true })).json<UnreadCount>()).toEqual({ unreadCount: 0 })

    const mine = (await list(owner)).json<NotificationList>()
    expect(mine.unreadCount).toBe(1)
    expect(mine.items).toEqual([expect.objectContaining({ id, readAt: null })])
  })

  it('stores a notification only when the caller’s transaction commits', async () => {
    const citizen = await signInCitizen(testApp.app)
    await expect(
      testApp.db.transaction().execute(async (trx) => {
        await notifyCitizen(trx, { citizenId: citizen.me.id, kind: 'case_status', title: '已受理', body: '' })
        throw new Error('the transition failed')
      }),
    ).rejects.toThrow('the transition failed')
    expect((await list(citizen)).json<NotificationList>().items).toEqual([])
  })
})
