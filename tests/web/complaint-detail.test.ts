// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import axe from 'axe-core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ComplaintDetail } from '../../contract/complaints.ts'
import { db } from '../../src/db/app-db.ts'
import ComplaintDetailPage from '../../src/pages/ComplaintDetailPage.vue'
import ComplaintLookupPage from '../../src/pages/ComplaintLookupPage.vue'
import ComplaintsPage from '../../src/pages/ComplaintsPage.vue'
import { OWNER } from './support/application-factory.ts'
import { mountPage } from './support/mount-page.ts'

const TRACKING = 'TS-20261125-0007'
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

function answered(changes: Partial<ComplaintDetail> = {}): ComplaintDetail {
  return {
    trackingNumber: TRACKING,
    kind: 'complaint',
    category: 'efficiency',
    categoryName: '办事效率/超期',
    status: 'answered',
    statusName: '已答复',
    submittedAt: '2026-11-20T02:00:00.000Z',
    anonymous: false,
    deadlines: { acknowledgeBy: '2026-11-21', answerBy: '2026-11-27', workingDaysLeft: null, overdue: null },
    concerns: { hall: { id: 'kundulun-civic-centre', name: '昆都仑区市民大厅' }, window: { id: 'w7', number: '7', name: '投诉与“办不成事”反映窗口' }, staffName: '周琳', item: null, caseNumber: null, booking: null },
    description: '排队两个小时还没有叫到号，<script>alert(1)</script>',
    occurredAt: '2026-11-19T09:30:00+08:00',
    photos: [],
    contact: { name: '王小明', phone: '13800000000' },
    timeline: [
      { at: '2026-11-20T02:00:00.000Z', status: 'received', statusName: '已收到' },
      { at: '2026-11-20T06:00:00.000Z', status: 'assigned', statusName: '已分派' },
      { at: '2026-11-21T02:00:00.000Z', status: 'handling', statusName: '办理中' },
      { at: '2026-11-24T02:00:00.000Z', status: 'answered', statusName: '已答复' },
    ],
    answer: { text: '已增开窗口，<b>高峰时段</b>加派人员。', answeredAt: '2026-11-24T02:00:00.000Z' },
    rating: null,
    canRate: true,
    canReopen: true,
    ...changes,
  }
}

/** The server: the complaint for the signed-in citizen; writes never get an answer (offline). */
function stubApi(detail: ComplaintDetail, lookup?: (body: unknown) => Response) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    if (url === '/api/v1/me') return json({ ...OWNER, csrfToken: 'token', sessionExpiresAt: '2026-12-25T00:00:00.000Z' })
    if (url === `/api/v1/me/complaints/${TRACKING}`) return json(detail)
    if (url === '/api/v1/me/complaints') {
      const { concerns: _concerns, description, occurredAt: _occurredAt, photos: _photos, contact: _contact, timeline: _timeline, answer, rating: _rating, canRate: _canRate, canReopen: _canReopen, ...summary } = detail
      return json({ complaints: [{ ...summary, excerpt: description.slice(0, 80), answered: answer !== null }] })
    }
    if (url === '/api/v1/complaint-lookups' && lookup) return lookup(JSON.parse(String(init?.body)))
    throw new TypeError('Failed to fetch')
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

async function seriousViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element as HTMLElement, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] }, rules: { 'color-contrast': { enabled: false } } })
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help}`)
}

const mounted: Array<{ unmount: () => void }> = []
async function mountDetail() {
  const page = await mountPage(ComplaintDetailPage, `/complaints/${TRACKING}`, { trackingNumber: TRACKING })
  mounted.push(page.wrapper)
  return page
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  localStorage.setItem('session.citizen', JSON.stringify(OWNER))
})

afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  localStorage.clear()
  document.body.innerHTML = ''
})

describe('ComplaintDetailPage', () => {
  it('shows the timeline stage by stage, what was sent and the official answer as plain text', async () => {
    stubApi(answered())
    const { wrapper } = await mountDetail()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="complaint-answer-text"]').exists()).toBe(true))
    const steps = wrapper.findAll('[data-testid="complaint-timeline-step"]')
    expect(steps.map((step) => [step.attributes('data-status'), step.classes().includes('is-done')])).toEqual([
      ['received', true],
      ['assigned', true],
      ['handling', true],
      ['answered', true],
      ['closed', false],
    ])
    expect(steps[3]!.attributes('aria-current')).toBe('step')
    expect(wrapper.get('[data-testid="complaint-answer-text"]').text()).toBe('已增开窗口，<b>高峰时段</b>加派人员。')
    expect(wrapper.get('[data-testid="complaint-answer"]').find('b').exists()).toBe(false)
    expect(wrapper.get('[data-testid="complaint-view-description"]').text()).toContain('<script>alert(1)</script>')
    expect(wrapper.get('[data-testid="complaint-view"]').find('script').exists()).toBe(false)
    expect(wrapper.text()).toContain('7号窗口 · 投诉与“办不成事”反映窗口')
    expect(wrapper.text()).toContain('2026年11月19日 09:30')
    expect(await seriousViolations(wrapper.element)).toEqual([])
  })

  it('不满意 with 重新办理 goes into the outbox once, offline, and says it waits', async () => {
    stubApi(answered())
    const { wrapper } = await mountDetail()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="complaint-rating-form"]').exists()).toBe(true))
    await wrapper.get('form[data-testid="complaint-rating-form"]').trigger('submit')
    expect(wrapper.get('#complaint-rating-error').text()).toBe('请选择满意或不满意')
    expect(await db.outbox.count()).toBe(0)

    await wrapper.get('[data-testid="complaint-rating-unsatisfied"]').setValue(true)
    await wrapper.get('[data-testid="complaint-rating-reopen"]').setValue(true)
    await wrapper.get('[data-testid="complaint-rating-comment"]').setValue('增开窗口后仍然排队')
    await wrapper.get('form[data-testid="complaint-rating-form"]').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="complaint-rating-waiting"]').exists()).toBe(true))
    const items = await db.outbox.toArray()
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ kind: 'complaint-rating', ownerId: OWNER.id, body: { trackingNumber: TRACKING, satisfied: false, reopen: true, comment: '增开窗口后仍然排队' } })
    expect(items[0]!.body).not.toHaveProperty('queryCode')
  })

  it('once reopened, 不满意 offers no second reopening', async () => {
    stubApi(answered({ canReopen: false }))
    const { wrapper } = await mountDetail()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="complaint-rating-form"]').exists()).toBe(true))
    await wrapper.get('[data-testid="complaint-rating-unsatisfied"]').setValue(true)
    expect(wrapper.find('[data-testid="complaint-rating-reopen"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('已申请过重新办理，不能再次申请。')
  })

  it('offline, opens the copy kept on the phone and says from when', async () => {
    stubApi(answered())
    const first = await mountDetail()
    await vi.waitFor(() => expect(first.wrapper.find('[data-testid="complaint-answer-text"]').exists()).toBe(true))
    first.wrapper.unmount()
    mounted.splice(0)

    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    window.dispatchEvent(new Event('offline'))
    const fetchMock = stubApi(answered())
    const { wrapper } = await mountDetail()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="complaint-answer-text"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="complaint-offline"]').text()).toMatch(/^离线，显示的是 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 的进度。$/)
    expect(fetchMock.mock.calls.filter(([url]) => String(url).includes('/complaints/'))).toHaveLength(0)
  })
})

describe('ComplaintsPage list', () => {
  it('lists my complaints with their status and overdue said plainly; offline, the kept list with its time', async () => {
    stubApi(answered({ status: 'handling', statusName: '办理中', answer: null, deadlines: { acknowledgeBy: '2026-11-21', answerBy: '2026-11-24', workingDaysLeft: -1, overdue: 'answer' } }))
    const first = await mountPage(ComplaintsPage, '/complaints')
    mounted.push(first.wrapper)
    const item = () => first.wrapper.find(`[data-testid="complaint-item-${TRACKING}"]`)
    await vi.waitFor(() => expect(item().exists()).toBe(true))
    expect(item().attributes('href')).toBe(`/complaints/${TRACKING}`)
    expect(item().get('[data-testid="complaint-item-status"]').text()).toBe('办理中')
    expect(item().text()).toContain('已超期')
    expect(item().text()).toContain('投诉 · 办事效率/超期')
    first.wrapper.unmount()
    mounted.splice(0)

    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const fetchMock = stubApi(answered())
    const { wrapper } = await mountPage(ComplaintsPage, '/complaints')
    mounted.push(wrapper)
    await vi.waitFor(() => expect(wrapper.find('[data-testid="complaints-offline"]').exists()).toBe(true))
    expect(wrapper.get(`[data-testid="complaint-item-${TRACKING}"] [data-testid="complaint-item-status"]`).text()).toBe('办理中')
    expect(fetchMock.mock.calls.filter(([url]) => String(url) === '/api/v1/me/complaints')).toHaveLength(0)
    expect(await seriousViolations(wrapper.element)).toEqual([])
  })
})

describe('ComplaintLookupPage', () => {
  it('checks the tracking number and query code before asking, and sends the code in the body, upper-cased', async () => {
    const bodies: unknown[] = []
    stubApi(answered(), (body) => {
      bodies.push(body)
      return json(answered({ anonymous: true, contact: null }))
    })
    const { wrapper } = await mountPage(ComplaintLookupPage, '/complaints/lookup')
    mounted.push(wrapper)
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('#complaint-lookup-trackingNumber-error').text()).toBe('请输入正确的编号，如 TS-20261125-0001')
    expect(wrapper.get('#complaint-lookup-queryCode-error').text()).toBe('查询码为10位字母和数字')
    expect(bodies).toHaveLength(0)

    await wrapper.get('[data-testid="complaint-lookup-tracking-number"]').setValue(` ${TRACKING.toLowerCase()} `)
    await wrapper.get('[data-testid="complaint-lookup-query-code"]').setValue('abcd2345ef')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="complaint-answer-text"]').exists()).toBe(true))
    expect(bodies).toEqual([{ trackingNumber: TRACKING, queryCode: 'ABCD2345EF' }])
    expect(wrapper.text()).toContain('匿名')
    expect(await seriousViolations(wrapper.element)).toEqual([])
  })
})
