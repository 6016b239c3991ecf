import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { NotificationItem, NotificationList } from '../../contract/notifications.ts'
import AppTabBar from '../../src/components/app/AppTabBar.vue'
import { db } from '../../src/db/app-db.ts'
import NotificationsPage from '../../src/pages/NotificationsPage.vue'
import { mountPage } from './support/mount-page.ts'

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const CHROME_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36'
const WECHAT_UA = `${CHROME_UA} MicroMessenger/8.0.54.2760(0x28003633) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64`

function notification(overrides: Partial<NotificationItem> = {}): NotificationItem {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    kind: 'case_status',
    caseNumber: 'KDL-20261125-0001',
    link: '/me/cases/KDL-20261125-0001',
    title: '办件已受理',
    body: '“居民身份证申领”：申请已受理，办理时限自受理之日起计算',
    createdAt: '2026-11-25T02:00:00.000Z',
    readAt: null,
    ...overrides,
  }
}

const unread = notification()
const read = notification({ id: '22222222-2222-4222-8222-222222222222', kind: 'correction_requested', title: '需要补正材料', body: '需要补正2项内容', createdAt: '2026-11-24T02:00:00.000Z', readAt: '2026-11-24T03:00:00.000Z' })

interface Served {
  list?: () => Response | Promise<Response>
  read?: (body: unknown) => Response
}

function serve({ list = () => json(200, { items: [unread, read], unreadCount: 1, nextCursor: null } satisfies NotificationList), read: onRead = () => json(200, { unreadCount: 0 }) }: Served = {}) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    if (url.startsWith('/api/v1/me/notifications/read')) return onRead(JSON.parse(String(init?.body)))
    if (url.startsWith('/api/v1/me/notifications')) return list()
    if (url === '/api/v1/push/vapid-public-key') return json(200, { publicKey: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM' })
    if (url === '/api/v1/me/push-subscriptions') return new Response(null, { status: 204 })
    if (url.startsWith('/api/v1/me/cases')) return json(404, { statusCode: 404, code: 'NOT_FOUND', error: 'Not Found', message: '未找到该办件' })
    return json(404, { statusCode: 404, code: 'NOT_FOUND', error: 'Not Found', message: 'not found' })
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

const signIn = () => localStorage.setItem('session.citizen', JSON.stringify({ id: 'citizen-1', maskedPhone: '138****0000' }))

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  localStorage.clear()
  document.body.innerHTML = ''
  // @ts-expect-error test cleanup of the stubbed service worker container
  delete navigator.serviceWorker
})

describe('the unread badge on 我的', () => {
  test('shows the unread count from the server, also to screen readers', async () => {
    signIn()
    serve({ list: () => json(200, { items: [unread], unreadCount: 3, nextCursor: null }) })
    const { wrapper } = await mountPage(AppTabBar, '/')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="tab-me"] .van-badge').text()).toBe('3'))
    // Screen readers hear the words, not the badge's number: its visible digit is hidden from them.
    expect(wrapper.get('[data-testid="tab-me"] .app-visually-hidden').text()).toBe('我的，3条未读消息')
    expect(wrapper.get('[data-testid="tab-me"] .van-badge__wrapper').attributes('aria-hidden')).toBe('true')
    expect(wrapper.get('[data-testid="tab-home"]').find('.van-badge').exists()).toBe(false)
  })

  test('asks nothing and shows no badge when nobody is signed in', async () => {
    const fetchMock = serve()
    const { wrapper } = await mountPage(AppTabBar, '/')
    await flushPromises()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(fetchMock).not.toHaveBeenCalled()
    expect(wrapper.find('[data-testid="tab-me"] .van-badge').exists()).toBe(false)
    expect(wrapper.find('[data-testid="tab-me"] .app-visually-hidden').exists()).toBe(false)
  })

  test('asks again when the app comes back to the foreground, and the badge goes when all are read', async () => {
    signIn()
    let count = 2
    serve({ list: () => json(200, { items: [], unreadCount: count, nextCursor: null }) })
    const { wrapper } = await mountPage(AppTabBar, '/')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="tab-me"] .van-badge').text()).toBe('2'))

    count = 0
    const later = Date.now() + 60_000
    vi.spyOn(Date, 'now').mockReturnValue(later)
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible')
    document.dispatchEvent(new Event('visibilitychange'))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="tab-me"] .van-badge').exists()).toBe(false))
  })

  test('shows 99+ above 99', async () => {
    signIn()
    serve({ list: () => json(200, { items: [], unreadCount: 120, nextCursor: null }) })
    const { wrapper } = await mountPage(AppTabBar, '/')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="tab-me"] .van-badge').text()).toBe('99+'))
  })
})

describe('the notification centre', () => {
  test('lists notifications newest first, unread ones marked', async () => {
    signIn()
    serve()
    const { wrapper } = await mountPage(NotificationsPage, '/me/notifications')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="notifications-list"]').exists()).toBe(true))
    const items = wrapper.findAll('[data-testid^="notification-"][data-unread]')
    expect(items.map((item) => item.attributes('data-unread'))).toEqual(['true', 'false'])
    expect(items[0]!.text()).toContain('办件已受理')
    expect(items[0]!.text()).toContain('未读')
    expect(items[0]!.text()).toContain('2026年11月25日 10:00')
    expect(items[0]!.classes()).toContain('notification-item--unread')
    expect(items[1]!.text()).not.toContain('未读')
    expect(wrapper.get('[data-testid="notifications-unread-count"]').text()).toBe('1条未读')
  })

  test('a notification about something else than a case opens what it is about: a complaint', async () => {
    signIn()
    const answered = notification({ id: '33333333-3333-4333-8333-333333333333', kind: 'complaint_answered', caseNumber: null, link: '/complaints/TS-20261125-0001', title: '您的投诉建议已答复' })
    serve({ list: () => json(200, { items: [answered], unreadCount: 1, nextCursor: null } satisfies NotificationList) })
    const { wrapper, router } = await mountPage(NotificationsPage, '/me/notifications')
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="notification-${answered.id}"]`).exists()).toBe(true))
    await wrapper.get(`[data-testid="notification-${answered.id}"]`).trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/complaints/TS-20261125-0001'), { timeout: 10_000 })
  })

  test('tapping a notification marks it read and opens its case', async () => {
    signIn()
    const reads: unknown[] = []
    serve({ read: (body) => (reads.push(body), json(200, { unreadCount: 0 })) })
    const { wrapper, router } = await mountPage(NotificationsPage, '/me/notifications')
    await vi.waitFor(() => expect(wrapper.find(`[data-testid="notification-${unread.id}"]`).exists()).toBe(true))
    await wrapper.get(`[data-testid="notification-${unread.id}"]`).trigger('click')
    // The case page's code loads on the way: give it time.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/me/cases/KDL-20261125-0001'), { timeout: 10_000 })
    expect(reads).toEqual([{ ids: [unread.id] }])
    const kept = await db.notifications.get(unread.id)
    expect((kept?.notification as NotificationItem).readAt).not.toBeNull()
  })

  test('全部标为已读 marks every one read', async () => {
    signIn()
    const reads: unknown[] = []
    serve({ read: (body) => (reads.push(body), json(200, { unreadCount: 0 })) })
    const { wrapper } = await mountPage(NotificationsPage, '/me/notifications')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="notifications-mark-all"]').exists()).toBe(true))
    await wrapper.get('[data-testid="notifications-mark-all"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.findAll('[data-unread="true"]')).toHaveLength(0))
    expect(reads).toEqual([{ all: true }])
    expect(wrapper.find('[data-testid="notifications-unread-count"]').exists()).toBe(false)
  })

  test('offline, the notifications kept on the phone are shown, never another citizen’s', async () => {
    signIn()
    await db.notifications.bulkPut([
      { id: unread.id, ownerId: 'citizen-1', notification: unread, createdAt: unread.createdAt },
      { id: 'other', ownerId: 'citizen-2', notification: notification({ id: 'other', title: '别人的消息' }), createdAt: unread.createdAt },
    ])
    serve({ list: () => Promise.reject(new TypeError('Failed to fetch')) })
    const { wrapper } = await mountPage(NotificationsPage, '/me/notifications')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="notifications-offline"]').exists()).toBe(true))
    expect(wrapper.text()).toContain('办件已受理')
    expect(wrapper.text()).not.toContain('别人的消息')
  })

  test('offline with nothing kept on the phone, says the list could not be loaded rather than that there is none', async () => {
    signIn()
    serve({ list: () => Promise.reject(new TypeError('Failed to fetch')) })
    const { wrapper } = await mountPage(NotificationsPage, '/me/notifications')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="notifications-unavailable"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="notifications-empty"]').exists()).toBe(false)
  })

  test('keeps what it loaded for reading offline later', async () => {
    signIn()
    serve()
    const { wrapper } = await mountPage(NotificationsPage, '/me/notifications')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="notifications-list"]').exists()).toBe(true))
    await vi.waitFor(async () => expect((await db.notifications.where('ownerId').equals('citizen-1').primaryKeys()).toSorted()).toEqual([unread.id, read.id].toSorted()))
  })

  test('asks to sign in when nobody is', async () => {
    const fetchMock = serve()
    const { wrapper } = await mountPage(NotificationsPage, '/me/notifications')
    await flushPromises()
    expect(wrapper.find('[data-testid="notifications-sign-in"]').exists()).toBe(true)
    expect(fetchMock.mock.calls.filter(([url]) => String(url).startsWith('/api/v1/me/notifications'))).toHaveLength(0)
  })
})

describe('the push switch', () => {
  function pushCapableBrowser(userAgent: string) {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(userAgent)
    vi.stubGlobal('PushManager', class {})
    const requestPermission = vi.fn(async () => 'granted' as NotificationPermission)
    vi.stubGlobal('Notification', { permission: 'default', requestPermission })
    const subscription = {
      endpoint: 'https://push.example.com/send/abc',
      options: { applicationServerKey: null },
      toJSON: () => ({ endpoint: 'https://push.example.com/send/abc', expirationTime: null, keys: { p256dh: 'p'.repeat(87), auth: 'a'.repeat(22) } }),
      unsubscribe: vi.fn(async () => true),
    }
    const pushManager = { getSubscription: vi.fn(async () => null), subscribe: vi.fn(async () => subscription) }
    Object.defineProperty(navigator, 'serviceWorker', { value: { ready: Promise.resolve({ pushManager }) }, configurable: true })
    return { requestPermission, pushManager }
  }

  test('is offered where the browser can push, and subscribes with the server’s key when switched on', async () => {
    signIn()
    const { requestPermission, pushManager } = pushCapableBrowser(CHROME_UA)
    const fetchMock = serve()
    const { wrapper } = await mountPage(NotificationsPage, '/me/notifications')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="notification-push-switch"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="notification-push-switch"]').attributes('aria-labelledby')).toBe('notification-push-label')
    await wrapper.get('[data-testid="notification-push-switch"]').trigger('click')
    await vi.waitFor(() => expect(fetchMock.mock.calls.some(([url, init]) => url === '/api/v1/me/push-subscriptions' && init?.method === 'PUT')).toBe(true))
    expect(requestPermission).toHaveBeenCalled()
    const [options] = pushManager.subscribe.mock.calls[0] as unknown as [PushSubscriptionOptionsInit]
    expect(options.userVisibleOnly).toBe(true)
    expect((options.applicationServerKey as Uint8Array).byteLength).toBe(65)
    const put = fetchMock.mock.calls.find(([url, init]) => url === '/api/v1/me/push-subscriptions' && init?.method === 'PUT')!
    expect(JSON.parse(String(put[1]!.body))).toEqual({ endpoint: 'https://push.example.com/send/abc', expirationTime: null, keys: { p256dh: 'p'.repeat(87), auth: 'a'.repeat(22) } })
  })

  test('is not shown in WeChat, where the list works the same', async () => {
    signIn()
    pushCapableBrowser(WECHAT_UA)
    serve()
    const { wrapper } = await mountPage(NotificationsPage, '/me/notifications')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="notifications-list"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="notification-push"]').exists()).toBe(false)
  })

  test('is not shown where the browser has no PushManager', async () => {
    signIn()
    serve()
    const { wrapper } = await mountPage(NotificationsPage, '/me/notifications')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="notifications-list"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="notification-push"]').exists()).toBe(false)
  })
})
