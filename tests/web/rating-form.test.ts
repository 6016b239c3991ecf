// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { mount } from '@vue/test-utils'
import axe from 'axe-core'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CaseLookupResult } from '../../contract/case-lookup.ts'
import { addCalendarDays, shanghaiToday } from '../../contract/local-date.ts'
import type { Rating } from '../../contract/ratings.ts'
import CaseRatingForm from '../../src/components/rating/CaseRatingForm.vue'
import { db } from '../../src/db/app-db.ts'
import { i18n } from '../../src/modules/i18n.ts'
import CaseLookupPage from '../../src/pages/CaseLookupPage.vue'
import HallRatingPage from '../../src/pages/HallRatingPage.vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { OWNER } from './support/application-factory.ts'

const CASE_NUMBER = 'KDL-20261125-0007'

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

/** The API as the form sees it: my ratings, and rating writes that never get an answer (offline). */
function stubApi(ratings: Rating[] = []) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/v1/me/ratings' && (init?.method ?? 'GET') === 'GET') return json({ ratings })
    throw new TypeError('Failed to fetch')
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

function rating(changes: Partial<Rating> = {}): Rating {
  return {
    id: '5b0d7c1e-3f2a-4e6b-9d8c-1a2b3c4d5e6f',
    target: { kind: 'case', caseNumber: CASE_NUMBER, itemName: '居民身份证换领' },
    level: 2,
    levelName: '不满意',
    comment: null,
    ratedAt: '2026-11-25T03:00:00.000Z',
    followUp: null,
    ...changes,
  }
}

async function mountForm() {
  setActivePinia(createPinia())
  const wrapper = mount(CaseRatingForm, {
    props: { caseNumber: CASE_NUMBER, itemName: '居民身份证换领', ownerId: OWNER.id },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  await vi.waitFor(() => expect(wrapper.text()).not.toContain(i18n.global.t('common.loading')))
  return wrapper
}

/** The lookup page at /cases/lookup, with a router of its own (the page needs only the back link's). */
async function mountLookupPage() {
  setActivePinia(createPinia())
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<p />' } },
      { path: '/cases/lookup', component: CaseLookupPage },
    ],
  })
  await router.push('/cases/lookup')
  await router.isReady()
  const wrapper = mount(CaseLookupPage, { global: { plugins: [i18n, router] }, attachTo: document.body })
  return { wrapper }
}

async function seriousViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element as HTMLElement, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  })
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help}`)
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  localStorage.setItem('session.citizen', JSON.stringify(OWNER))
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  localStorage.clear()
  document.body.innerHTML = ''
})

describe('CaseRatingForm', () => {
  it('offers the five levels as one labelled group of radio buttons, best first, with a labelled comment, and passes axe', async () => {
    stubApi()
    const wrapper = await mountForm()
    const group = wrapper.get('fieldset[data-testid="rating-levels"]')
    expect(group.get('legend').text()).toBe('满意程度')
    const radios = group.findAll('input[type="radio"]')
    expect(radios).toHaveLength(5)
    expect(new Set(radios.map((radio) => radio.attributes('name'))).size).toBe(1)
    expect(group.findAll('label').map((label) => label.text())).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
    const comment = wrapper.get('textarea[data-testid="rating-comment"]')
    expect(wrapper.get(`label[for="${comment.attributes('id')}"]`).text()).toBe('意见和建议（选填）')
    expect(comment.attributes('aria-describedby')).toContain('case-rating-comment-count')
    expect(await seriousViolations(wrapper.element)).toEqual([])
  })

  it('asks for a level before sending, with the message tied to the group and focus on it; nothing goes into the outbox', async () => {
    stubApi()
    const wrapper = await mountForm()
    await wrapper.get('form').trigger('submit')
    const group = wrapper.get('fieldset[data-testid="rating-levels"]')
    const errorId = group.attributes('aria-describedby')
    expect(errorId).toBeTruthy()
    expect(wrapper.get(`#${errorId}`).text()).toBe('请选择满意程度')
    expect(document.activeElement).toBe(group.element)
    expect(await db.outbox.count()).toBe(0)
    expect(await seriousViolations(wrapper.element)).toEqual([])
  })

  it('refuses a comment over 500 characters, counting an emoji once', async () => {
    stubApi()
    const wrapper = await mountForm()
    await wrapper.get('[data-testid="rating-level-3"]').setValue(true)
    await wrapper.get('[data-testid="rating-comment"]').setValue('好'.repeat(499) + '😀😀')
    expect(wrapper.text()).toContain('501/500 字')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.text()).toContain('意见和建议最多 500 字')
    expect(wrapper.get('[data-testid="rating-comment"]').attributes('aria-invalid')).toBe('true')
    expect(await db.outbox.count()).toBe(0)
    await wrapper.get('[data-testid="rating-comment"]').setValue('好'.repeat(499) + '😀')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(1))
  })

  it('says a low rating is followed up, and keeps the rating in the outbox until it is sent', async () => {
    stubApi()
    const wrapper = await mountForm()
    expect(wrapper.find('[data-testid="case-rating-follow-up-hint"]').exists()).toBe(false)
    await wrapper.get('[data-testid="rating-level-2"]').setValue(true)
    expect(wrapper.get('[data-testid="case-rating-follow-up-hint"]').text()).toContain('回访')
    await wrapper.get('[data-testid="rating-comment"]').setValue('  等候时间太长  ')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(1))
    const [item] = await db.outbox.toArray()
    expect(item).toMatchObject({
      kind: 'case-rating',
      ownerId: OWNER.id,
      body: { caseNumber: CASE_NUMBER, itemName: '居民身份证换领', rating: { level: 2, comment: '等候时间太长' } },
    })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="case-rating-waiting"]').exists()).toBe(true))
    expect(wrapper.find('form').exists()).toBe(false)
  })

  it('shows a rating already given, its comment as text (markup stays inert) and the follow-up’s outcome', async () => {
    const comment = '<img src=x onerror="window.hacked=1"><b>粗体</b>'
    stubApi([
      rating({ comment, followUp: { id: 'f1', status: 'closed', openedAt: '2026-11-25T03:00:00.000Z', outcome: '已电话回访，窗口已加强培训。', closedAt: '2026-11-26T02:00:00.000Z' } }),
    ])
    const wrapper = await mountForm()
    expect(wrapper.find('form').exists()).toBe(false)
    expect(wrapper.text()).toContain('您的评价：不满意')
    expect(wrapper.get('[data-testid="rating-summary-comment"]').text()).toBe(comment)
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.find('b').exists()).toBe(false)
    expect(wrapper.get('[data-testid="rating-follow-up"]').text()).toContain('已回访整改')
    expect(wrapper.get('[data-testid="rating-follow-up-outcome"]').text()).toBe('已电话回访，窗口已加强培训。')
  })

  it('says an open follow-up is on its way', async () => {
    stubApi([rating({ level: 1, followUp: { id: 'f1', status: 'open', openedAt: '2026-11-25T03:00:00.000Z', outcome: null, closedAt: null } })])
    const wrapper = await mountForm()
    expect(wrapper.get('[data-testid="rating-follow-up"]').text()).toContain('待回访整改')
    expect(wrapper.find('[data-testid="rating-follow-up-outcome"]').exists()).toBe(false)
  })
})

describe('CaseLookupPage (办件查询)', () => {
  const result: CaseLookupResult = {
    caseNumber: CASE_NUMBER,
    itemName: '居民身份证换领',
    handlingBody: '包头市公安局昆都仑区分局',
    status: 'under_review',
    submittedAt: '2026-11-25T02:30:00.000Z',
    promisedDate: '2026-12-23',
    timeline: [
      { at: '2026-11-25T02:30:00.000Z', status: 'submitted' },
      { at: '2026-11-25T05:00:00.000Z', status: 'accepted' },
      { at: '2026-11-26T01:00:00.000Z', status: 'under_review' },
    ],
  }

  it('checks the case number and the verification before asking, with messages tied to the fields', async () => {
    const fetchMock = stubApi()
    const { wrapper } = await mountLookupPage()
    await wrapper.get('[data-testid="case-lookup-case-number"]').setValue('KDL-2026')
    await wrapper.get('[data-testid="case-lookup-verification"]').setValue('12')
    await wrapper.get('form').trigger('submit')
    const caseNumber = wrapper.get('[data-testid="case-lookup-case-number"]')
    expect(caseNumber.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get(`#${caseNumber.attributes('aria-describedby')}`).text()).toContain('请填写完整的办件编号')
    expect(wrapper.get('[data-testid="case-lookup-verification"]').attributes('aria-describedby')).toContain('case-lookup-verification-error')
    expect(document.activeElement).toBe(caseNumber.element)
    expect(fetchMock).not.toHaveBeenCalled()
    expect(await seriousViolations(wrapper.element)).toEqual([])
  })

  it('sends number and verification in the body (never the URL) and shows the progress', async () => {
    const fetchMock = vi.fn(async () => json(result))
    vi.stubGlobal('fetch', fetchMock)
    const { wrapper } = await mountLookupPage()
    await wrapper.get('[data-testid="case-lookup-case-number"]').setValue(' kdl-20261125-0007 ')
    await wrapper.get('[data-testid="case-lookup-verification"]').setValue('31002x')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="case-lookup-result"]').exists()).toBe(true))
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/case-lookups')
    expect(init.method).toBe('POST')
    expect(JSON.parse(String(init.body))).toEqual({ caseNumber: CASE_NUMBER, verification: '31002x' })
    expect(wrapper.get('[data-testid="case-lookup-status"]').text()).toBe('审查中')
    expect(wrapper.get('[data-testid="case-lookup-timeline"]').findAll('li').map((li) => li.get('span').text())).toEqual(['已提交（待受理）', '已受理', '审查中'])
    expect(wrapper.text()).toContain('2026年12月23日')
    // The verification does not stay on the screen.
    expect((wrapper.get('[data-testid="case-lookup-verification"]').element as HTMLInputElement).value).toBe('')
    expect(await seriousViolations(wrapper.element)).toEqual([])
  })

  it('shows the server’s one answer for a wrong verification or an unknown case, and its wait when limited', async () => {
    const answers = [
      json({ statusCode: 404, code: 'CASE_LOOKUP_FAILED', error: 'Not Found', message: '未查询到办件，请核对办件编号和验证信息' }, 404),
      json({ statusCode: 429, code: 'CASE_LOOKUP_RATE_LIMITED', error: 'Too Many Requests', message: '查询次数过多，请在 15 分钟后再试' }, 429),
    ]
    vi.stubGlobal('fetch', vi.fn(async () => answers.shift()!))
    const { wrapper } = await mountLookupPage()
    await wrapper.get('[data-testid="case-lookup-case-number"]').setValue(CASE_NUMBER)
    await wrapper.get('[data-testid="case-lookup-verification"]').setValue('1234')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="case-lookup-failure"]').text()).toBe('未查询到办件，请核对办件编号和验证信息'))
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="case-lookup-failure"]').text()).toBe('查询次数过多，请在 15 分钟后再试'))
    expect(wrapper.find('[data-testid="case-lookup-result"]').exists()).toBe(false)
  })
})

describe('HallRatingPage (评价办事体验)', () => {
  async function mountHallRatingPage() {
    setActivePinia(createPinia())
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/halls/:id', component: { template: '<p />' } },
        { path: '/halls/:id/rating', component: HallRatingPage, props: true },
      ],
    })
    await router.push('/halls/kundulun-civic-centre/rating')
    await router.isReady()
    const wrapper = mount(HallRatingPage, { props: { id: 'kundulun-civic-centre' }, global: { plugins: [i18n, router] }, attachTo: document.body })
    return { wrapper }
  }

  it('asks for the day of the visit (today by default, never after today) and a level; sends the rating through the outbox', async () => {
    stubApi()
    const { wrapper } = await mountHallRatingPage()
    const date = wrapper.get('[data-testid="hall-rating-date"]')
    const today = shanghaiToday()
    expect((date.element as HTMLInputElement).value).toBe(today)
    expect(date.attributes('max')).toBe(today)
    expect(wrapper.get(`label[for="${date.attributes('id')}"]`).text()).toBe('到厅办事日期')
    expect(await seriousViolations(wrapper.element)).toEqual([])

    await date.setValue(addCalendarDays(today, 1))
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get(`#${date.attributes('aria-describedby')}`).text()).toBe('到厅日期不能晚于今天')
    expect(wrapper.text()).toContain('请选择满意程度')
    expect(document.activeElement).toBe(date.element)
    expect(await db.outbox.count()).toBe(0)

    await date.setValue(addCalendarDays(today, -2))
    await wrapper.get('[data-testid="rating-level-1"]').setValue(true)
    expect(wrapper.text()).toContain('大厅负责人将回访')
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(1))
    const [item] = await db.outbox.toArray()
    expect(item).toMatchObject({ kind: 'hall-rating', ownerId: OWNER.id, body: { hallId: 'kundulun-civic-centre', visitDate: addCalendarDays(today, -2), level: 1 } })
    expect(item!.body).not.toHaveProperty('comment')
  })
})
