import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { db } from '../../src/db/app-db.ts'
import HallDetailPage from '../../src/pages/HallDetailPage.vue'
import { makeHall } from './support/hall-factory.ts'
import { mountPage } from './support/mount-page.ts'

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

function serveHall(hall = makeHall()) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(hall), { status: 200, headers: { 'content-type': 'application/json' } }))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

async function openHall() {
  const mounted = await mountPage(HallDetailPage, '/halls/shimin-dating', { id: 'shimin-dating' })
  await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="hall-name"]').text()).toBe('昆都仑区市民大厅'))
  await flushPromises()
  return mounted.wrapper
}

test('phone numbers are tap-to-call links with a spoken label', async () => {
  serveHall()
  const page = await openHall()
  const call = page.get('a[href="tel:0472-5990563"]')
  // Named by its visible text with 拨打 before it (for screen readers and speech input alike).
  expect(call.text().replace(/\s+/g, '')).toBe('拨打咨询电话0472-5990563')
  expect(page.find('a[href="tel:12345"]').exists()).toBe(true)
})

test('an unconfirmed hall says so, and a confirmed one does not', async () => {
  serveHall()
  const page = await openHall()
  expect(page.get('[data-testid="hall-unconfirmed"]').text()).toContain('信息待大厅确认')
  page.unmount()

  await db.halls.clear()
  serveHall(makeHall({ verification: 'confirmed' }))
  const confirmed = await openHall()
  expect(confirmed.find('[data-testid="hall-unconfirmed"]').exists()).toBe(false)
})

test('windows show what they handle and their staff cards', async () => {
  serveHall()
  const page = await openHall()
  const windows = page.get('[aria-labelledby="hall-windows"]').text()
  expect(windows).toContain('3号窗口 · 社保医保窗口')
  expect(windows).toContain('养老保险参保登记、医保关系转移')
  expect(windows).toContain('李敏')
  expect(windows).toContain('社保业务受理')
  expect(page.find('a[href="tel:0472-5990571"]').exists()).toBe(true)
})

test('opening hours read in words, with flexible hours, lunch service and weekend', async () => {
  serveHall()
  const hours = (await openHall()).get('[aria-labelledby="hall-hours"]').text()
  expect(hours).toContain('周一至周五 09:00–12:00、14:00–17:30')
  expect(hours).toContain('开门前1小时、下班后1小时可预约办理')
  expect(hours).toContain('午间不间断12:00–14:00')
  expect(hours).toContain('周六、周日 09:00–12:00')
})

test('offline, a hall opened before still shows from the phone with when it was fetched', async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-25T02:07:00Z') })
  serveHall()
  ;(await openHall()).unmount()
  vi.useRealTimers()

  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  const fetchMock = vi.fn(async () => {
    throw new TypeError('Failed to fetch')
  })
  vi.stubGlobal('fetch', fetchMock)
  const page = await openHall()
  expect(page.get('[data-testid="last-updated"]').text()).toBe('最后更新：2026年11月25日 10:07')
  expect(page.text()).toContain('李敏')
  expect(fetchMock).not.toHaveBeenCalled()
})
