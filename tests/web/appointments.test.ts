// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { HallSchedule } from '../../contract/appointment-slots.ts'
import type { CatalogueEntry } from '../../contract/guides.ts'
import type { AvailableSlot, BookingDetail, HomeServiceRequest, SlotAvailability } from '../../contract/appointments.ts'
import { db } from '../../src/db/app-db.ts'
import { deletePersonalData } from '../../src/db/personal-data.ts'
import AppointmentsPage from '../../src/pages/AppointmentsPage.vue'
import BookingDetailPage from '../../src/pages/BookingDetailPage.vue'
import BookingPage from '../../src/pages/BookingPage.vue'
import GuidePage from '../../src/pages/GuidePage.vue'
import HomeServicePage from '../../src/pages/HomeServicePage.vue'
import { OWNER, profile } from './support/application-factory.ts'
import { emptyCatalogueChanges, makeServiceItem } from './support/guide-factory.ts'
import { makeHall } from './support/hall-factory.ts'
import { mountPage } from './support/mount-page.ts'

// Wednesday 25 November 2026, 10:00 in Kundulun.
const NOW = new Date('2026-11-25T02:00:00.000Z')
const ITEM = makeServiceItem({ name: '居民身份证换领' })
const HALL = makeHall()

const open: Array<{ unmount: () => void }> = []

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await Promise.all(db.tables.map((table) => table.clear()))
  localStorage.setItem('session.citizen', JSON.stringify(OWNER))
})

afterEach(() => {
  for (const wrapper of open.splice(0)) wrapper.unmount()
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  localStorage.clear()
  document.body.innerHTML = ''
})

const CATALOGUE_ENTRY: CatalogueEntry = {
  code: ITEM.code,
  basicCode: ITEM.basicCode,
  name: '居民身份证换领',
  audiences: ['individual'],
  departmentId: 'public-security',
  themeIds: [],
  keywords: ['身份证'],
  pinyin: ['ju min shen fen zheng huan ling'],
  initials: ['jmsfzhl'],
  caseType: null,
  visitsRequired: 1,
  popularity: 1,
  version: 1,
  updatedAt: '2026-11-20T00:00:00.000Z',
  offlineBytes: 1000,
}

function slot(overrides: Partial<AvailableSlot>): AvailableSlot {
  return { date: '2026-11-25', start: '14:00', end: '14:30', kind: 'regular', capacity: 6, remaining: 3, remainingPriority: 4, ...overrides }
}

/** Wednesday: regular and lunch slots (the item may not use flexible ones); Saturday: weekend slots. */
const SLOTS: AvailableSlot[] = [
  slot({ start: '12:00', end: '12:30', kind: 'lunch', capacity: 2, remaining: 2, remainingPriority: 2 }),
  slot({ start: '14:00', end: '14:30' }),
  slot({ start: '14:30', end: '15:00', remaining: 0, remainingPriority: 1 }),
  slot({ start: '15:00', end: '15:30', remaining: 0, remainingPriority: 0 }),
  slot({ date: '2026-11-28', start: '09:00', end: '09:30', kind: 'rest_day', capacity: 4, remaining: 4, remainingPriority: 4 }),
]

const SCHEDULE: HallSchedule = {
  hallId: HALL.id,
  slotMinutes: 30,
  bookingCutoffMinutes: 60,
  horizonDays: 14,
  services: [
    {
      id: 'general',
      name: '综合受理',
      windowId: null,
      itemCodes: null,
      capacity: 6,
      priorityReserved: 1,
      regular: HALL.openingHours.regular,
      flexible: null,
      lunch: { starts: '12:00', ends: '14:00', capacity: 2 },
      restDays: { weekend: HALL.openingHours.weekend, holidays: [], capacity: 4, itemCodes: [ITEM.code] },
    },
  ],
  exceptions: [],
  homeService: null,
  updatedAt: '2026-11-20T00:00:00.000Z',
}

function makeBooking(overrides: Partial<BookingDetail> = {}): BookingDetail {
  return {
    id: '6f1c2a4e-0000-4000-8000-000000000001',
    code: 'K7QM-3XPD',
    status: 'booked',
    itemCode: ITEM.code,
    itemName: '居民身份证换领',
    hallId: HALL.id,
    hallName: HALL.name,
    hallAddress: HALL.address,
    serviceName: '综合受理',
    windowNumber: null,
    date: '2026-11-28',
    start: '09:00',
    end: '09:30',
    kind: 'rest_day',
    priorityGroup: null,
    createdAt: '2026-11-25T01:00:00.000Z',
    changeableUntil: '2026-11-28T00:00:00.000Z',
    cancelledAt: null,
    checkedInAt: null,
    qrSvg: '<svg></svg>',
    ...overrides,
  }
}

interface Sent {
  method: string
  url: string
  body: unknown
  headers: Record<string, string>
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

/** The API as the booking pages use it; `answer` decides each write's response. */
function serve(
  options: { slots?: AvailableSlot[]; bookings?: BookingDetail[]; requests?: HomeServiceRequest[]; answer?: (sent: Sent) => Response; signedIn?: boolean; homeService?: string[] } = {},
) {
  const sent: Sent[] = []
  const slotReads: string[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input)
    const method = init?.method ?? 'GET'
    if (method !== 'GET') {
      const write = { method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined, headers: (init?.headers ?? {}) as Record<string, string> }
      sent.push(write)
      return options.answer ? options.answer(write) : json({ code: 'NOT_FOUND', message: '没有找到' }, 404)
    }
    if (url === '/api/v1/me') {
      if (options.signedIn === false) return json({ code: 'UNAUTHENTICATED', message: '请先登录' }, 401)
      return json({ ...OWNER, csrfToken: 'token', sessionExpiresAt: '2026-12-25T00:00:00.000Z' })
    }
    if (url === `/api/v1/items/${ITEM.code}`) return json(ITEM)
    if (url.startsWith('/api/v1/catalogue/changes')) return json({ ...emptyCatalogueChanges, changed: [CATALOGUE_ENTRY] })
    if (url === '/api/v1/halls') return json({ halls: [HALL] })
    if (url === `/api/v1/halls/${HALL.id}/appointment-schedule`) return json({ ...SCHEDULE, homeService: options.homeService ? { itemCodes: options.homeService } : null })
    if (url === '/api/v1/me/profile') return json(profile)
    if (url === '/api/v1/me/companies') return json({ companies: [] })
    if (url.startsWith(`/api/v1/halls/${HALL.id}/slots?`)) {
      slotReads.push(url)
      const answer: SlotAvailability = {
        hallId: HALL.id,
        itemCode: ITEM.code,
        serviceId: 'general',
        serviceName: '综合受理',
        from: '2026-11-25',
        to: '2026-12-08',
        bookingCutoffMinutes: 60,
        slots: options.slots ?? SLOTS,
      }
      return json(answer)
    }
    if (url === '/api/v1/me/bookings') return json({ bookings: options.bookings ?? [] })
    if (url === '/api/v1/me/home-service-requests') return json({ requests: options.requests ?? [] })
    const booking = options.bookings?.find((candidate) => url === `/api/v1/me/bookings/${candidate.id}`)
    if (booking) return json(booking)
    const request = options.requests?.find((candidate) => url === `/api/v1/me/home-service-requests/${candidate.id}`)
    if (request) return json(request)
    return json({ code: 'NOT_FOUND', message: '没有找到' }, 404)
  })
  vi.stubGlobal('fetch', fetch)
  return { fetch, sent, slotReads }
}

async function openBooking() {
  const mounted = await mountPage(BookingPage, `/appointments/book?item=${ITEM.code}`)
  open.push(mounted.wrapper)
  await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="slot-date-2026-11-25"]').exists()).toBe(true))
  return mounted
}

const byTestId = (testId: string) => document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)
const kindTabs = () => [...document.querySelectorAll('[data-testid^="slot-kind-"]')].map((tab) => tab.textContent!.trim())

test('the guide\'s item is prefilled, the one hall taking it chosen, and only the kinds of slot offered on the date are tabs', async () => {
  serve()
  const { wrapper } = await openBooking()
  expect(wrapper.get('[data-testid="booking-item-name"]').text()).toBe('居民身份证换领')
  expect((wrapper.get(`[data-testid="booking-hall-${HALL.id}"] input`).element as HTMLInputElement).checked).toBe(true)

  // Wednesday: 常规 and 午间不间断; no 早晚弹性办 (the item is not on the hall's flexible list), no weekend tab.
  expect(kindTabs()).toEqual(['常规', '午间不间断'])
  await wrapper.get('[data-testid="slot-date-2026-11-28"] input').setValue(true)
  expect(kindTabs()).toEqual(['周末及节假日'])
  expect(wrapper.get('[data-testid="slot-date-2026-11-28"]').text()).toContain('周六')
  expect(wrapper.get('[data-testid="slot-09:00"]').text()).toContain('余4')
})

test('each time shows the places left; a full one is disabled and says 已约满, unless 绿色通道 places are still held', async () => {
  serve()
  const { wrapper } = await openBooking()
  const time = (start: string) => wrapper.get(`[data-testid="slot-${start}"]`)
  const left = (start: string) => time(start).get('[data-testid="slot-left"]').text()
  expect(time('14:00').text()).toContain('14:00–14:30')
  expect(left('14:00')).toBe('余3')
  expect(time('14:00').attributes('disabled')).toBeUndefined()
  expect(left('14:30')).toBe('已约满')
  expect(time('14:30').attributes('disabled')).toBeDefined()

  // The priority select is labelled and explained; a priority booking may take the held place.
  const select = wrapper.get('[data-testid="priority-select"]')
  const label = document.querySelector(`label[for="${select.attributes('id')}"]`)
  expect(label?.textContent).toBe('绿色通道（可选）')
  expect(document.getElementById(select.attributes('aria-describedby')!)?.textContent).toContain('军人、消防救援人员、医护人员、老年人、病患、残疾人和孕妇')
  expect(select.findAll('option').map((option) => option.text())).toEqual(['不需要', '军人', '消防救援人员', '医护人员', '老年人', '病患', '残疾人', '孕妇'])
  await select.setValue('elderly')
  expect(left('14:30')).toBe('余1')
  expect(time('14:30').attributes('disabled')).toBeUndefined()
  expect(time('15:00').attributes('disabled')).toBeDefined()
})

test('the places left are read again when the page is focused', async () => {
  const { slotReads } = serve()
  await openBooking()
  const before = slotReads.length
  window.dispatchEvent(new Event('focus'))
  await vi.waitFor(() => expect(slotReads.length).toBe(before + 1))
})

test('confirming sends the booking once through the outbox and opens it with its code', async () => {
  const booking = makeBooking({ date: '2026-11-25', start: '14:00', end: '14:30', kind: 'regular', priorityGroup: 'pregnant' })
  const { sent } = serve({ bookings: [booking], answer: () => json(booking, 201) })
  const { wrapper, router } = await openBooking()
  await wrapper.get('[data-testid="priority-select"]').setValue('pregnant')
  await wrapper.get('[data-testid="slot-14:00"]').trigger('click')
  expect(wrapper.get('[data-testid="booking-chosen"]').text()).toBe('2026年11月25日 周三 14:00–14:30 · 常规')
  await wrapper.get('[data-testid="booking-confirm"]').trigger('click')
  await wrapper.get('[data-testid="booking-confirm"]').trigger('click')

  await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/appointments/bookings/${booking.id}`))
  expect(sent).toHaveLength(1)
  expect(sent[0]!.url).toBe('/api/v1/me/bookings')
  expect(sent[0]!.body).toEqual({ itemCode: ITEM.code, hallId: HALL.id, date: '2026-11-25', start: '14:00', kind: 'regular', priorityGroup: 'pregnant' })
  expect(sent[0]!.headers['idempotency-key']).toMatch(/\S/)
  // Kept on the phone for 预约 and for the hall's door offline.
  expect((await db.meta.get(`appointments:${OWNER.id}`))?.value).toContain('K7QM-3XPD')
})

test('times are open to everyone; confirming signed out asks to sign in, and the page comes back with the time and 绿色通道 chosen', async () => {
  localStorage.clear()
  const { sent } = serve({ signedIn: false })
  const { wrapper, router } = await openBooking()
  await wrapper.get('[data-testid="priority-select"]').setValue('pregnant')
  await wrapper.get('[data-testid="slot-date-2026-11-28"]').trigger('click')
  await vi.waitFor(() => expect(wrapper.find('[data-testid="slot-09:00"]').exists()).toBe(true))
  await wrapper.get('[data-testid="slot-09:00"]').trigger('click')
  expect(wrapper.get('[data-testid="booking-confirm"]').text()).toBe('登录后确认预约')
  await wrapper.get('[data-testid="booking-confirm"]').trigger('click')

  await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('signin'))
  const next = String(router.currentRoute.value.query.next)
  expect(next).toBe(`/appointments/book?item=${ITEM.code}&hall=${HALL.id}&date=2026-11-28&start=09:00&end=09:30&kind=rest_day`)
  // Whether someone is pregnant or sick stays out of the address.
  expect(next).not.toContain('pregnant')
  expect(sent).toEqual([])

  // Signed in, the page opens where it was left.
  localStorage.setItem('session.citizen', JSON.stringify(OWNER))
  serve()
  const back = await mountPage(BookingPage, next)
  open.push(back.wrapper)
  await vi.waitFor(() => expect(back.wrapper.find('[data-testid="booking-chosen"]').exists()).toBe(true))
  await vi.waitFor(() => expect(back.wrapper.get('[data-testid="booking-chosen"]').text()).toBe('2026年11月28日 周六 09:00–09:30 · 周末及节假日'))
  expect((back.wrapper.get('[data-testid="priority-select"]').element as HTMLSelectElement).value).toBe('pregnant')
  await vi.waitFor(() => expect(back.wrapper.get('[data-testid="booking-confirm"]').text()).toBe('确认预约'))
})

test('a 409 已约满 answer is said on the page, the places are read again and another time can be chosen', async () => {
  let full = false
  const { sent, slotReads } = serve({
    answer: () => {
      full = true
      return json({ code: 'SLOT_FULL', message: '该时段已约满，请选择其他时间。' }, 409)
    },
  })
  const { wrapper, router } = await openBooking()
  await wrapper.get('[data-testid="slot-14:00"]').trigger('click')
  const readsBefore = slotReads.length
  await wrapper.get('[data-testid="booking-confirm"]').trigger('click')

  await vi.waitFor(() => expect(wrapper.find('[data-testid="booking-refusal"]').exists()).toBe(true))
  expect(full).toBe(true)
  expect(wrapper.get('[data-testid="booking-refusal"]').text()).toBe('未能预约：该时段已约满，请选择其他时间。')
  expect(router.currentRoute.value.path).toBe('/appointments/book')
  await vi.waitFor(() => expect(slotReads.length).toBeGreaterThan(readsBefore))
  // The refused write leaves the outbox; the confirm button waits for a new choice.
  await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0))
  expect(wrapper.get('[data-testid="booking-confirm"]').attributes('disabled')).toBeDefined()
  await wrapper.get('[data-testid="slot-kind-lunch"] input').setValue(true)
  await wrapper.get('[data-testid="slot-12:00"]').trigger('click')
  expect(wrapper.get('[data-testid="booking-confirm"]').attributes('disabled')).toBeUndefined()
  expect(sent).toHaveLength(1)
})

test('offline, a confirmed booking waits on the phone with 联网后提交', async () => {
  serve()
  const { wrapper } = await openBooking()
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  window.dispatchEvent(new Event('offline'))
  const failing = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')))
  vi.stubGlobal('fetch', failing)
  await wrapper.get('[data-testid="slot-14:00"]').trigger('click')
  await wrapper.get('[data-testid="booking-confirm"]').trigger('click')

  await vi.waitFor(() => expect(wrapper.find('[data-testid="booking-waiting"]').exists()).toBe(true))
  expect(wrapper.get('[data-testid="booking-waiting"]').text()).toContain('联网后提交')
  const items = await db.outbox.toArray()
  expect(items).toHaveLength(1)
  expect(items[0]).toMatchObject({ kind: 'booking', ownerId: OWNER.id, state: 'pending' })
})

async function openDetail(booking: BookingDetail, options: Parameters<typeof serve>[0] = {}) {
  const api = serve({ bookings: [booking], ...options })
  const mounted = await mountPage(BookingDetailPage, `/appointments/bookings/${booking.id}`, { id: booking.id })
  open.push(mounted.wrapper)
  await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="booking-code"]').exists()).toBe(true))
  return { ...mounted, ...api }
}

test('the booking shows its code large, its QR code and 添加到日历 as an .ics download', async () => {
  const { wrapper } = await openDetail(makeBooking({ priorityGroup: 'disabled' }))
  expect(wrapper.get('[data-testid="booking-code"]').text()).toBe('K7QM-3XPD')
  const qr = wrapper.get('[data-testid="booking-qr"]')
  expect(qr.attributes('role')).toBe('img')
  expect(qr.attributes('aria-label')).toBe('签到二维码，预约码 K7QM-3XPD')
  expect(qr.find('path').attributes('d')!.length).toBeGreaterThan(100)
  expect(wrapper.get('[data-testid="booking-detail-when"]').text()).toBe('2026年11月28日 周六 09:00–09:30')
  expect(wrapper.get('[data-testid="booking-detail-priority"]').text()).toBe('残疾人')
  const calendar = wrapper.get('[data-testid="booking-calendar"]')
  expect(calendar.attributes('href')).toBe('/api/v1/me/bookings/6f1c2a4e-0000-4000-8000-000000000001/calendar.ics')
  expect(calendar.attributes('download')).toBe('预约-K7QM-3XPD.ics')
  expect(wrapper.find('[data-testid="wechat-calendar-hint"]').exists()).toBe(false)
})

test('inside WeChat, 添加到日历 comes with the open-in-browser guidance', async () => {
  vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/116.0 Mobile Safari/537.36 MicroMessenger/8.0.47')
  const { wrapper } = await openDetail(makeBooking())
  expect(wrapper.get('[data-testid="wechat-calendar-hint"]').text()).toBe('微信内无法打开日历文件。请点击右上角“···”，选择“在浏览器中打开”后再添加到日历。')
})

test('改约 and 取消 are offered until the cut-off, and no longer after it', async () => {
  const { wrapper } = await openDetail(makeBooking())
  expect(wrapper.get('[data-testid="booking-cutoff"]').text()).toBe('可在2026年11月28日 08:00前改约或取消。')
  expect(wrapper.find('[data-testid="booking-cancel"]').exists()).toBe(true)
  expect(wrapper.find('[data-testid="booking-move"]').exists()).toBe(true)
  open.splice(0).forEach((mounted) => mounted.unmount())
  document.body.innerHTML = ''

  // Today at 10:30 with a 60-minute cut-off: it closed at 09:30; it is 10:00 now.
  const late = await openDetail(makeBooking({ id: '6f1c2a4e-0000-4000-8000-000000000009', date: '2026-11-25', start: '10:30', end: '11:00', kind: 'regular', changeableUntil: '2026-11-25T01:30:00.000Z' }))
  expect(late.wrapper.find('[data-testid="booking-cancel"]').exists()).toBe(false)
  expect(late.wrapper.find('[data-testid="booking-move"]').exists()).toBe(false)
  expect(late.wrapper.get('[data-testid="booking-cutoff-passed"]').text()).toBe('已过改约和取消的截止时间（2026年11月25日 09:30）。如需变更，请联系大厅。')
})

test('取消 asks first, then sends the cancel once through the outbox and shows 已取消', async () => {
  const booking = makeBooking()
  const cancelled = { ...booking, status: 'cancelled' as const, cancelledAt: '2026-11-25T02:01:00.000Z' }
  const { wrapper, sent } = await openDetail(booking, { answer: () => json(cancelled) })
  await wrapper.get('[data-testid="booking-cancel"]').trigger('click')
  await flushPromises()
  const confirm = await vi.waitFor(() => {
    const button = document.querySelector<HTMLButtonElement>('.van-dialog__confirm')
    if (!button) throw new Error('no dialog yet')
    return button
  })
  expect(document.querySelector('.van-dialog')?.textContent).toContain('取消后名额将留给其他人')
  confirm.click()
  await vi.waitFor(() => expect(wrapper.get('[data-testid="booking-detail-status"]').text()).toBe('已取消'))
  expect(sent.map((write) => write.url)).toEqual([`/api/v1/me/bookings/${booking.id}/cancel`])
  expect(wrapper.find('[data-testid="booking-qr"]').exists()).toBe(false)
})

test('预约 lists upcoming bookings first, with hall, time, status and 绿色通道; signed out it asks to sign in and come back', async () => {
  const past = makeBooking({ id: '6f1c2a4e-0000-4000-8000-000000000002', code: 'AAAA-2222', date: '2026-11-20', start: '10:00', end: '10:30', kind: 'regular', status: 'checked_in' })
  const later = makeBooking({ id: '6f1c2a4e-0000-4000-8000-000000000003', code: 'BBBB-3333', date: '2026-12-02', start: '12:00', end: '12:30', kind: 'lunch', priorityGroup: 'military' })
  const soon = makeBooking()
  serve({ bookings: [past, later, soon] })
  const { wrapper } = await mountPage(AppointmentsPage, '/appointments')
  open.push(wrapper)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="bookings-list"]').exists()).toBe(true))
  const lines = wrapper.findAll('[data-testid="bookings-list"] li')
  expect(lines.map((line) => line.get('[data-testid="booking-when"]').text())).toEqual([
    '2026年11月28日 周六 09:00–09:30 · 周末及节假日',
    '2026年12月2日 周三 12:00–12:30 · 午间不间断',
    '2026年11月20日 周五 10:00–10:30 · 常规',
  ])
  expect(lines[0]!.text()).toContain(HALL.name)
  expect(lines[0]!.get('[data-testid="booking-status"]').text()).toBe('已预约')
  expect(lines[1]!.get('[data-testid="booking-priority"]').text()).toBe('绿色通道：军人')
  expect(lines[2]!.get('[data-testid="booking-status"]').text()).toBe('已签到')
  open.splice(0).forEach((mounted) => mounted.unmount())
  document.body.innerHTML = ''

  localStorage.clear()
  serve({ signedIn: false })
  const signedOut = await mountPage(AppointmentsPage, '/appointments')
  open.push(signedOut.wrapper)
  await vi.waitFor(() => expect(signedOut.wrapper.find('[data-testid="appointments-sign-in"]').exists()).toBe(true))
  expect(signedOut.wrapper.get('[data-testid="appointments-sign-in-link"]').attributes('href')).toBe('/signin?next=/appointments')
  expect(signedOut.wrapper.find('[data-testid="bookings-list"]').exists()).toBe(false)
})

test('offline, 预约 shows the bookings kept on the phone; sign-out removes them', async () => {
  serve({ bookings: [makeBooking()] })
  const first = await mountPage(AppointmentsPage, '/appointments')
  open.push(first.wrapper)
  await vi.waitFor(async () => expect(await db.meta.get(`appointments:${OWNER.id}`)).toBeTruthy())
  open.splice(0).forEach((mounted) => mounted.unmount())
  document.body.innerHTML = ''

  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
  const offline = await mountPage(BookingDetailPage, `/appointments/bookings/${makeBooking().id}`, { id: makeBooking().id })
  open.push(offline.wrapper)
  await vi.waitFor(() => expect(offline.wrapper.find('[data-testid="booking-code"]').exists()).toBe(true))
  expect(offline.wrapper.find('[data-testid="booking-qr"]').exists()).toBe(true)

  await deletePersonalData(OWNER.id)
  expect(await db.meta.get(`appointments:${OWNER.id}`)).toBeUndefined()
})

test('改约 offers the other times of the item and moves the booking once through the outbox', async () => {
  const booking = makeBooking({ date: '2026-11-25', start: '14:00', end: '14:30', kind: 'regular' })
  const moved = { ...booking, start: '12:00', end: '12:30', kind: 'lunch' as const }
  const { wrapper, sent } = await openDetail(booking, { answer: () => json(moved) })
  await wrapper.get('[data-testid="booking-move"]').trigger('click')
  await vi.waitFor(() => expect(wrapper.find('[data-testid="slot-kind-lunch"]').exists()).toBe(true))
  // The booking's own slot is not offered again.
  expect(wrapper.find('[data-testid="slot-14:00"]').exists()).toBe(false)
  await wrapper.get('[data-testid="slot-kind-lunch"] input').setValue(true)
  await wrapper.get('[data-testid="slot-12:00"]').trigger('click')
  await wrapper.get('[data-testid="booking-move-confirm"]').trigger('click')
  await wrapper.get('[data-testid="booking-move-confirm"]').trigger('click')
  await vi.waitFor(() => expect(wrapper.get('[data-testid="booking-detail-when"]').text()).toBe('2026年11月25日 周三 12:00–12:30'))
  expect(sent.map((write) => [write.url, write.body])).toEqual([[`/api/v1/me/bookings/${booking.id}/reschedule`, { date: '2026-11-25', start: '12:00', kind: 'lunch' }]])
  expect(wrapper.get('[data-testid="booking-code"]').text()).toBe('K7QM-3XPD')
})

function makeRequest(overrides: Partial<HomeServiceRequest> = {}): HomeServiceRequest {
  return {
    id: '7a2b3c4d-0000-4000-8000-000000000001',
    status: 'requested',
    itemCode: ITEM.code,
    itemName: '居民身份证换领',
    hallId: HALL.id,
    hallName: HALL.name,
    address: '内蒙古自治区包头市昆都仑区钢铁大街1号',
    reason: 'mobility',
    note: null,
    preferredDates: ['2026-11-27'],
    contactName: '王小明',
    contactPhone: '13800000000',
    visitAt: null,
    staffNote: null,
    createdAt: '2026-11-25T02:00:00.000Z',
    decidedAt: null,
    cancelledAt: null,
    ...overrides,
  }
}

test('上门服务 offers the items a hall serves at home, prefills the contact from 我的资料 and sends the request once', async () => {
  const created = makeRequest()
  const { sent } = serve({ homeService: [ITEM.code], requests: [created], answer: () => json(created, 201) })
  const { wrapper, router } = await mountPage(HomeServicePage, '/appointments/home-service')
  open.push(wrapper)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="home-service-form"]').exists()).toBe(true))
  expect(wrapper.get('[data-testid="home-service-item"]').findAll('option').map((option) => option.text())).toEqual(['请选择事项', '居民身份证换领'])
  await vi.waitFor(() => expect((wrapper.get('#home-contactPhone').element as HTMLInputElement).value).toBe('13800000000'))
  expect((wrapper.get('#home-contactName').element as HTMLInputElement).value).toBe('王小明')
  expect((wrapper.get('#home-address').element as HTMLTextAreaElement).value).toBe('内蒙古自治区包头市昆都仑区钢铁大街1号')
  expect(document.querySelector('label[for="home-itemCode"]')?.textContent).toBe('事项')

  // Without a reason and a date, it says what is missing and sends nothing.
  await wrapper.get('[data-testid="home-service-item"]').setValue(ITEM.code)
  await wrapper.get('[data-testid="home-service-form"]').trigger('submit')
  expect(wrapper.text()).toContain('请选择申请原因')
  expect(wrapper.text()).toContain('请至少选择一个日期')
  expect(sent).toHaveLength(0)

  await wrapper.get('[data-testid="home-service-reason-mobility"] input').setValue(true)
  await wrapper.get('[data-testid="home-service-date-2026-11-27"] input').setValue(true)
  await wrapper.get('[data-testid="home-service-form"]').trigger('submit')
  await wrapper.get('[data-testid="home-service-form"]').trigger('submit')
  await vi.waitFor(() => expect(router.currentRoute.value.path).toBe(`/appointments/home-service/${created.id}`))
  expect(sent).toHaveLength(1)
  expect(sent[0]!.body).toEqual({
    itemCode: ITEM.code,
    hallId: HALL.id,
    address: '内蒙古自治区包头市昆都仑区钢铁大街1号',
    reason: 'mobility',
    note: null,
    preferredDates: ['2026-11-27'],
    contactName: '王小明',
    contactPhone: '13800000000',
  })
})

test('a 上门服务 request shows 待确认, the confirmed time, or why it could not be arranged; the list masks the phone', async () => {
  const waiting = makeRequest()
  const confirmed = makeRequest({ id: '7a2b3c4d-0000-4000-8000-000000000002', status: 'confirmed', visitAt: '2026-12-02T01:30:00.000Z', staffNote: '携带便携式采集设备' })
  const declined = makeRequest({ id: '7a2b3c4d-0000-4000-8000-000000000003', status: 'declined', staffNote: '该事项需本人到大厅现场采集指纹' })
  serve({ requests: [waiting, confirmed, declined] })
  const outcome = async (request: HomeServiceRequest) => {
    const { wrapper } = await mountPage(HomeServicePage, `/appointments/home-service/${request.id}`, { id: request.id })
    open.push(wrapper)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="home-service-detail-status"]').exists()).toBe(true))
    return [wrapper.get('[data-testid="home-service-detail-status"]').text(), wrapper.get('[data-testid="home-service-outcome"]').text(), wrapper.find('[data-testid="home-service-cancel"]').exists()]
  }
  expect(await outcome(waiting)).toEqual(['待确认', '大厅收到申请后会确认上门时间，请保持电话畅通。', true])
  expect(await outcome(confirmed)).toEqual(['已确认', '工作人员将于2026年12月2日 09:30上门。', true])
  expect(await outcome(declined)).toEqual(['未能安排', '未能安排上门：该事项需本人到大厅现场采集指纹', false])
  open.splice(0).forEach((mounted) => mounted.unmount())
  document.body.innerHTML = ''

  const { wrapper } = await mountPage(AppointmentsPage, '/appointments')
  open.push(wrapper)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="home-service-list"]').exists()).toBe(true))
  const list = wrapper.get('[data-testid="home-service-list"]').text()
  expect(list).toContain('联系人：王小明 138****0000')
  expect(list).not.toContain('13800000000')
  expect(wrapper.get(`[data-testid="home-service-${confirmed.id}"]`).text()).toContain('上门时间：2026年12月2日 09:30')
})

test('the guide offers 预约办理 only for items that take appointments, and it opens the booking with the item chosen', async () => {
  serve()
  const { wrapper } = await mountPage(GuidePage, `/g/${ITEM.code}`, { code: ITEM.code })
  open.push(wrapper)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="guide-book"]').exists()).toBe(true))
  expect(wrapper.get('[data-testid="guide-book"]').text()).toBe('预约办理')
  expect(wrapper.get('[data-testid="guide-book"]').attributes('href')).toBe(`/appointments/book?item=${ITEM.code}`)
  open.splice(0).forEach((mounted) => mounted.unmount())
  document.body.innerHTML = ''

  const unbookable = makeServiceItem({ name: '不动产登记资料查询', appointment: { available: false, note: null } }, { code: '000172008000002' })
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => json(String(input).startsWith('/api/v1/catalogue/changes') ? emptyCatalogueChanges : unbookable)))
  const other = await mountPage(GuidePage, `/g/${unbookable.code}`, { code: unbookable.code })
  open.push(other.wrapper)
  await vi.waitFor(() => expect(other.wrapper.find('[data-testid="guide-name"]').text()).toBe('不动产登记资料查询'))
  expect(other.wrapper.find('[data-testid="guide-book"]').exists()).toBe(false)
})

test('a booking made offline is listed on 预约 as waiting to be sent when the connection returns', async () => {
  serve()
  const booking = await openBooking()
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  window.dispatchEvent(new Event('offline'))
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
  await booking.wrapper.get('[data-testid="slot-14:00"]').trigger('click')
  await booking.wrapper.get('[data-testid="booking-confirm"]').trigger('click')
  await vi.waitFor(() => expect(booking.wrapper.find('[data-testid="booking-waiting"]').exists()).toBe(true))
  open.splice(0).forEach((mounted) => mounted.unmount())
  document.body.innerHTML = ''

  const { wrapper } = await mountPage(AppointmentsPage, '/appointments')
  open.push(wrapper)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="pending-booking"]').exists()).toBe(true))
  expect(wrapper.get('[data-testid="pending-booking"]').text()).toBe('预约 · 居民身份证换领 · 2026年11月25日 周三 14:00–14:30已保存在本机，联网后提交')
})
