// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { db } from '../../src/db/app-db.ts'
import type { OutboxItem } from '../../src/outbox/types.ts'
import CaseDetailPage from '../../src/pages/CaseDetailPage.vue'
import CasesPage from '../../src/pages/CasesPage.vue'
import MePage from '../../src/pages/MePage.vue'
import { OWNER } from './support/application-factory.ts'
import { makeCaseDetail, makeCaseSummary, makeDeadline, serveCases } from './support/case-factory.ts'
import { mountPage } from './support/mount-page.ts'

const open: Array<{ unmount: () => void }> = []

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  localStorage.setItem('session.citizen', JSON.stringify(OWNER))
})

afterEach(() => {
  for (const wrapper of open.splice(0)) wrapper.unmount()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  localStorage.clear()
  document.body.innerHTML = ''
})

const onTime = makeCaseSummary({ caseNumber: 'KDL-20261125-0007', submittedAt: '2026-11-25T02:30:00.000Z' })
const late = makeCaseSummary({
  caseNumber: 'KDL-20261103-0002',
  itemName: '城乡居民最低生活保障申请',
  status: 'under_review',
  submittedAt: '2026-11-03T01:00:00.000Z',
  deadlines: { statutory: null, promised: makeDeadline({ dueDate: '2026-11-20', workingDaysLeft: -2, overdue: true }) },
})
const correcting = makeCaseSummary({
  caseNumber: 'KDL-20261110-0004',
  itemName: '就业创业证申领',
  status: 'correction_requested',
  submittedAt: '2026-11-10T01:00:00.000Z',
  deadlines: { statutory: null, promised: makeDeadline({ dueDate: null, workingDaysLeft: 2, paused: true }) },
})

async function openList(list = [onTime, correcting, late]) {
  vi.stubGlobal('fetch', vi.fn(serveCases({ list })))
  const mounted = await mountPage(CasesPage, '/me/cases')
  open.push(mounted.wrapper)
  await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="cases-list"]').exists()).toBe(true))
  return mounted
}

const lineOf = (caseNumber: string) => document.querySelector<HTMLElement>(`[data-testid="case-${caseNumber}"]`)!

test('每个办件 shows its item, number, status in Chinese and the working days left; overdue is said in words, not only in colour', async () => {
  const { wrapper } = await openList()
  const lines = wrapper.findAll('[data-testid="cases-list"] li')
  expect(lines.map((line) => line.find('[data-testid^="case-KDL"]').attributes('data-testid'))).toEqual(['case-KDL-20261125-0007', 'case-KDL-20261110-0004', 'case-KDL-20261103-0002'])

  const first = lineOf('KDL-20261125-0007')
  expect(first.textContent).toContain('失业保险金申领')
  expect(first.textContent).toContain('办件编号 KDL-20261125-0007')
  expect(first.querySelector('[data-testid="case-status"]')!.textContent!.trim()).toBe('已受理')
  expect(first.querySelector('[data-testid="case-deadline"]')!.textContent!.trim()).toBe('承诺办结时限：还剩3个工作日')
  expect(first.querySelector('[data-testid="case-correction-marker"]')).toBeNull()
  expect(first.getAttribute('href')).toBe('/me/cases/KDL-20261125-0007')

  const overdue = lineOf('KDL-20261103-0002').querySelector('[data-testid="case-deadline"]')!
  expect(overdue.textContent!.trim()).toBe('承诺办结时限：已超期2个工作日')
  expect(overdue.classList.contains('is-overdue')).toBe(true)
  expect(lineOf('KDL-20261103-0002').querySelector('[data-testid="case-status"]')!.textContent!.trim()).toBe('审查中')

  const waiting = lineOf('KDL-20261110-0004')
  expect(waiting.querySelector('[data-testid="case-status"]')!.textContent!.trim()).toBe('待补正')
  expect(waiting.querySelector('[data-testid="case-correction-marker"]')!.textContent).toBe('需要您补正')
  expect(waiting.querySelector('[data-testid="case-deadline"]')!.textContent!.trim()).toBe('承诺办结时限：补正期间暂停计时，还剩2个工作日')

  expect(wrapper.get('[data-testid="last-updated"]').text()).toMatch(/^最后更新：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
  expect(wrapper.find('[data-testid="cases-offline"]').exists()).toBe(false)
})

test('a case not yet accepted says its clock starts at acceptance; a due day says 今天到期', async () => {
  await openList([
    makeCaseSummary({ caseNumber: 'KDL-20261125-0008', status: 'submitted', acceptedOn: null, deadlines: { statutory: null, promised: makeDeadline({ startDate: null, dueDate: null, workingDaysLeft: null }) } }),
    makeCaseSummary({ caseNumber: 'KDL-20261118-0001', deadlines: { statutory: makeDeadline({ workingDaysLeft: 0, dueDate: '2026-11-25' }), promised: null } }),
  ])
  expect(lineOf('KDL-20261125-0008').querySelector('[data-testid="case-deadline"]')!.textContent!.trim()).toBe('承诺办结时限：受理后开始计算')
  const due = lineOf('KDL-20261118-0001').querySelector('[data-testid="case-deadline"]')!
  expect(due.textContent!.trim()).toBe('法定办结时限：今天到期')
  expect(due.classList.contains('is-due')).toBe(true)
})

test('offline, the list kept on the phone shows with the time it was read', async () => {
  await openList()
  open.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''

  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  const fetch = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')))
  vi.stubGlobal('fetch', fetch)
  const { wrapper } = await mountPage(CasesPage, '/me/cases')
  open.push(wrapper)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="cases-list"]').exists()).toBe(true))
  expect(wrapper.findAll('[data-testid="cases-list"] li')).toHaveLength(3)
  expect(lineOf('KDL-20261103-0002').textContent).toContain('已超期2个工作日')
  expect(wrapper.get('[data-testid="cases-offline"]').text()).toMatch(/^离线，显示的是 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 的办件列表$/)
  expect(fetch).not.toHaveBeenCalledWith('/api/v1/me/cases', expect.anything())
})

test('every listed case is kept whole on the phone, so that it opens offline without having been opened before', async () => {
  vi.stubGlobal('fetch', vi.fn(serveCases({ list: [onTime], details: [makeCaseDetail({ caseNumber: onTime.caseNumber })] })))
  const listed = await mountPage(CasesPage, '/me/cases')
  open.push(listed.wrapper)
  await vi.waitFor(async () => expect((await db.caseDetails.get(onTime.caseNumber))?.detail).toBeTruthy())
  open.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''

  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
  const { wrapper } = await mountPage(CaseDetailPage, `/me/cases/${onTime.caseNumber}`, { caseNumber: onTime.caseNumber })
  open.push(wrapper)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="case-timeline"]').exists()).toBe(true))
  expect(wrapper.get('[data-testid="case-offline"]').text()).toMatch(/^离线，显示的是 /)
})

test('offline with nothing kept, the page says so instead of an empty list', async () => {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
  const { wrapper } = await mountPage(CasesPage, '/me/cases')
  open.push(wrapper)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="cases-unavailable"]').exists()).toBe(true))
  expect(wrapper.find('[data-testid="cases-empty"]').exists()).toBe(false)
})

test('the list of another citizen on the same phone is never shown', async () => {
  await openList()
  open.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''
  localStorage.setItem('session.citizen', JSON.stringify({ id: 'citizen-2', maskedPhone: '139****1111' }))
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
  const { wrapper } = await mountPage(CasesPage, '/me/cases')
  open.push(wrapper)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="cases-unavailable"]').exists()).toBe(true))
  expect(wrapper.text()).not.toContain('KDL-20261125-0007')
})

test('signed out, the page asks to sign in and comes back to 我的办件', async () => {
  localStorage.clear()
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ code: 'UNAUTHENTICATED', message: '请先登录' }), { status: 401 })))
  const { wrapper } = await mountPage(CasesPage, '/me/cases')
  open.push(wrapper)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="cases-sign-in"]').exists()).toBe(true))
  expect(wrapper.get('[data-testid="cases-sign-in-link"]').attributes('href')).toBe('/signin?next=/me/cases')
  expect(wrapper.find('[data-testid="cases-list"]').exists()).toBe(false)
})

test('an application still in the outbox shows as 发送中 above the cases the server knows', async () => {
  const write = {
    id: 'write-1',
    kind: 'application',
    ownerId: OWNER.id,
    summary: '在线申请 · 就业困难人员认定',
    state: 'pending',
    createdAt: '2026-11-25T05:00:00.000Z',
    attempts: 1,
    nextAttemptAt: Date.now() + 600_000,
    claimedAt: null,
    sentAt: null,
    error: null,
    body: { draftId: 'draft-9', itemCode: '000176051000009', itemName: '就业困难人员认定', guideVersion: 1, situationAnswers: {}, values: {}, materials: [] },
    response: null,
  } as OutboxItem
  await db.outbox.put(write)
  const { wrapper } = await openList()
  await vi.waitFor(() => expect(wrapper.find('[data-testid="case-sending-write-1"]').exists()).toBe(true))
  const sending = wrapper.get('[data-testid="case-sending-write-1"]')
  expect(sending.text()).toContain('就业困难人员认定')
  expect(sending.text()).toContain('发送中')
  expect(sending.attributes('href')).toBe('/submissions/write-1')
})

test('我的 links to 我的办件', async () => {
  vi.stubGlobal('fetch', vi.fn(serveCases({ list: [] })))
  const { wrapper } = await mountPage(MePage, '/me')
  open.push(wrapper)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="me-cases-link"]').exists()).toBe(true))
  expect(wrapper.get('[data-testid="me-cases-link"]').attributes('href')).toBe('/me/cases')
})
