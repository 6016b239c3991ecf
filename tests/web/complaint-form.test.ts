// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import axe from 'axe-core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  COMPLAINT_CATEGORIES as CONTRACT_CATEGORIES,
  COMPLAINT_DESCRIPTION_MAX,
  COMPLAINT_DESCRIPTION_MIN,
  COMPLAINT_PHOTO_MAX_BYTES,
  COMPLAINT_PHOTO_MEDIA_TYPES,
  COMPLAINT_PHOTOS_MAX,
} from '../../contract/complaints.ts'
import type { ComplaintChannel, ComplaintReceipt } from '../../contract/complaints.ts'
import { addCalendarDays, shanghaiToday } from '../../contract/local-date.ts'
import { COMPLAINT_CATEGORIES, DESCRIPTION_MAX, DESCRIPTION_MIN, PHOTO_MAX_BYTES, PHOTO_MEDIA_TYPES, PHOTOS_MAX } from '../../src/components/complaint/complaint-rules.ts'
import { db } from '../../src/db/app-db.ts'
import ComplaintPage from '../../src/pages/ComplaintPage.vue'
import ComplaintsPage from '../../src/pages/ComplaintsPage.vue'
import { useOutboxStore } from '../../src/stores/outbox.ts'
import { OWNER, profile } from './support/application-factory.ts'
import { mountPage } from './support/mount-page.ts'

// jsdom draws no images, so compressorjs would never finish; on phones it runs (compress-image.ts).
vi.mock('../../src/application/compress-image.ts', () => ({ compressForUpload: async (file: File) => file }))

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

const channels: ComplaintChannel[] = [
  { kind: 'app', name: '昆都仑区政务服务', value: '/complaints/new', valueKind: 'route', note: null, hallId: null, confirmed: true },
  { kind: 'hotline', name: '政务服务便民热线', value: '12345', valueKind: 'tel', note: '全天', hallId: null, confirmed: true },
  { kind: 'complaint_phone', name: '昆都仑区市民大厅 投诉电话', value: '0472-5990563', valueKind: 'tel', note: null, hallId: 'kundulun-civic-centre', confirmed: false },
  { kind: 'portal', name: '内蒙古政务服务网', value: 'https://zwfw.nmg.gov.cn/', valueKind: 'url', note: null, hallId: null, confirmed: false },
  { kind: 'wechat', name: '微信公众号', value: '昆都仑政务服务', valueKind: 'text', note: null, hallId: null, confirmed: false },
]

/** The server as the pages see it; writes never get an answer (offline) unless `onComplaint` answers them. */
function stubApi(options: { signedIn?: boolean; onComplaint?: (init: RequestInit) => Response } = {}) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    const method = init?.method ?? 'GET'
    if (url === '/api/v1/me') return options.signedIn ? json({ ...OWNER, csrfToken: 'token', sessionExpiresAt: '2026-12-25T00:00:00.000Z' }) : json({ code: 'UNAUTHENTICATED', message: '请先登录' }, 401)
    if (url === '/api/v1/complaint-channels') return json({ channels })
    if (url === '/api/v1/complaints' && method === 'POST' && options.onComplaint) return options.onComplaint(init!)
    if (method !== 'GET') throw new TypeError('Failed to fetch')
    if (url === '/api/v1/halls') return json({ halls: [] })
    if (url === '/api/v1/me/profile') return json(profile)
    if (url === '/api/v1/me/companies') return json({ companies: [] })
    if (url === '/api/v1/me/complaints') return json({ complaints: [] })
    if (url === '/api/v1/me/cases') return json({ cases: [] })
    if (url === '/api/v1/me/bookings') return json({ bookings: [] })
    if (url === '/api/v1/me/home-service-requests') return json({ requests: [] })
    if (url.startsWith('/api/v1/catalogue/changes')) return json({ cursor: '1', full: true, changed: [], withdrawn: [], departments: [], themes: [] })
    return json({ code: 'NOT_FOUND', message: '未找到' }, 404)
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

async function seriousViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element as HTMLElement, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] }, rules: { 'color-contrast': { enabled: false } } })
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help}`)
}

const photo = (name: string) => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], name, { type: 'image/jpeg' })

/** Pages of a test, unmounted after it so that their draft saves do not reach the next test. */
const mountedPages: Array<{ unmount: () => void }> = []

async function mountForm() {
  const mounted = await mountPage(ComplaintPage, '/complaints/new')
  mountedPages.push(mounted.wrapper)
  await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="complaint-form"]').exists()).toBe(true))
  return mounted
}

/** Picks files on the 从相册选择 input, as a phone's picker hands them over. */
async function pickPhotos(wrapper: Awaited<ReturnType<typeof mountForm>>['wrapper'], files: File[]) {
  const input = wrapper.get('input[data-testid="complaint-photo-pick"]')
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
})

afterEach(async () => {
  for (const wrapper of mountedPages.splice(0)) {
    try {
      wrapper.unmount()
    } catch {
      // Already unmounted by the test.
    }
  }
  // The last save of an unmounted form lands before the next test clears the database.
  await new Promise((resolve) => setTimeout(resolve, 50))
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  localStorage.clear()
  document.body.innerHTML = ''
})

describe('the app restates the contract’s limits', () => {
  it('has the same categories, description length and photo limits as the server', () => {
    expect([...COMPLAINT_CATEGORIES]).toEqual([...CONTRACT_CATEGORIES])
    expect([DESCRIPTION_MIN, DESCRIPTION_MAX, PHOTOS_MAX, PHOTO_MAX_BYTES]).toEqual([COMPLAINT_DESCRIPTION_MIN, COMPLAINT_DESCRIPTION_MAX, COMPLAINT_PHOTOS_MAX, COMPLAINT_PHOTO_MAX_BYTES])
    expect([...PHOTO_MEDIA_TYPES]).toEqual([...COMPLAINT_PHOTO_MEDIA_TYPES])
  })
})

describe('ComplaintPage', () => {
  it('sent empty, says beside each field what is missing in Chinese, focuses the first, and queues nothing', async () => {
    stubApi({ signedIn: true })
    localStorage.setItem('session.citizen', JSON.stringify(OWNER))
    const { wrapper } = await mountForm()
    await wrapper.get('[data-testid="complaint-contact-phone"]').setValue('12345')
    await wrapper.get('form').trigger('submit')

    const category = wrapper.get('fieldset[data-testid="complaint-category"]')
    expect(wrapper.get(`#${category.attributes('aria-describedby')}`).text()).toBe('请选择问题类别')
    expect(document.activeElement).toBe(category.element)
    const description = wrapper.get('textarea[data-testid="complaint-description"]')
    expect(description.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#complaint-description-error').text()).toBe('请填写具体情况')
    expect(description.attributes('aria-describedby')).toContain('complaint-description-error')
    expect(wrapper.get('#complaint-occurredDate-error').text()).toBe('请选择发生日期')
    expect(wrapper.get('#complaint-contactPhone-error').text()).toBe('请填写11位手机号码或带区号的固定电话')
    expect(await db.outbox.count()).toBe(0)
    expect(await seriousViolations(wrapper.element)).toEqual([])
  })

  it('refuses a description under 10 characters and a day after today', async () => {
    stubApi({ signedIn: true })
    localStorage.setItem('session.citizen', JSON.stringify(OWNER))
    const { wrapper } = await mountForm()
    await wrapper.get('[data-testid="complaint-category-efficiency"]').setValue(true)
    await wrapper.get('[data-testid="complaint-description"]').setValue('排队太久')
    await wrapper.get('[data-testid="complaint-occurred-date"]').setValue(addCalendarDays(shanghaiToday(), 1))
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('#complaint-description-error').text()).toBe('具体情况至少填写10个字')
    expect(wrapper.get('#complaint-occurredDate-error').text()).toBe('发生时间不能晚于现在')
    expect(wrapper.find('#complaint-category-error').exists()).toBe(false)
    expect(await db.outbox.count()).toBe(0)
  })

  it('fills the contact from 我的资料 for a real-name complaint', async () => {
    stubApi({ signedIn: true })
    localStorage.setItem('session.citizen', JSON.stringify(OWNER))
    const { wrapper } = await mountForm()
    await vi.waitFor(() => expect((wrapper.get('[data-testid="complaint-contact-name"]').element as HTMLInputElement).value).toBe(profile.name))
    expect((wrapper.get('[data-testid="complaint-contact-phone"]').element as HTMLInputElement).value).toBe(profile.phone)
  })

  it('keeps at most 9 photos: picking 11 keeps 9, says 2 were left out, and offers no more picking', async () => {
    stubApi({ signedIn: true })
    localStorage.setItem('session.citizen', JSON.stringify(OWNER))
    const { wrapper } = await mountForm()
    await pickPhotos(
      wrapper,
      Array.from({ length: 11 }, (_, index) => photo(`现场${index + 1}.jpg`)),
    )
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="complaint-photo"]')).toHaveLength(9))
    expect(wrapper.get('[data-testid="complaint-photos-error"]').text()).toBe('最多添加9张照片，另外2张未添加。')
    expect(wrapper.find('input[data-testid="complaint-photo-pick"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="complaint-photos-full"]').text()).toContain('9')
    await vi.waitFor(async () => expect(await db.draftFiles.count()).toBe(9))
    // Each photo can be removed by a button that names it.
    const remove = wrapper.findAll('[data-testid="complaint-photo"] button')[0]!
    expect(remove.text()).toBe('删除第1张照片')
    await remove.trigger('click')
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="complaint-photo"]')).toHaveLength(8))
    expect(await db.draftFiles.count()).toBe(8)
    expect(wrapper.find('input[data-testid="complaint-photo-pick"]').exists()).toBe(true)
  })

  it('refuses a photo the server would not take (a GIF) beside the photos, keeping the others', async () => {
    stubApi({ signedIn: true })
    localStorage.setItem('session.citizen', JSON.stringify(OWNER))
    const { wrapper } = await mountForm()
    await pickPhotos(wrapper, [photo('窗口.jpg'), new File([new Uint8Array([0x47, 0x49, 0x46])], '动图.gif', { type: 'image/gif' })])
    await vi.waitFor(() => expect(wrapper.find('[data-testid="complaint-photos-error"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="complaint-photos-error"]').text()).toBe('1张照片未添加：照片需为JPG、PNG或WEBP格式，压缩后不超过5MB。')
    expect(wrapper.findAll('[data-testid="complaint-photo"]')).toHaveLength(1)
    await vi.waitFor(async () => expect(await db.draftFiles.count()).toBe(1))
  })

  it('restores the draft, photo included, after the page is left and opened again', async () => {
    stubApi({ signedIn: true })
    localStorage.setItem('session.citizen', JSON.stringify(OWNER))
    const first = await mountForm()
    await first.wrapper.get('[data-testid="complaint-kind-suggestion"]').setValue(true)
    await first.wrapper.get('[data-testid="complaint-category-facilities"]').setValue(true)
    await first.wrapper.get('[data-testid="complaint-description"]').setValue('等候区座椅太少，老人站着排队。')
    await pickPhotos(first.wrapper, [photo('等候区.jpg')])
    await vi.waitFor(() => expect(first.wrapper.findAll('[data-testid="complaint-photo"]')).toHaveLength(1))
    first.wrapper.unmount()
    await vi.waitFor(async () => expect(((await db.complaintDrafts.toArray())[0]?.values as { description?: string })?.description).toBe('等候区座椅太少，老人站着排队。'))

    const list = await mountPage(ComplaintsPage, '/complaints')
    mountedPages.push(list.wrapper)
    await vi.waitFor(() => expect(list.wrapper.get('[data-testid="complaints-new"]').text()).toBe('继续填写投诉建议（草稿已保存）'))
    const second = await mountForm()
    await vi.waitFor(() => expect((second.wrapper.get('[data-testid="complaint-description"]').element as HTMLTextAreaElement).value).toBe('等候区座椅太少，老人站着排队。'))
    expect((second.wrapper.get('[data-testid="complaint-kind-suggestion"]').element as HTMLInputElement).checked).toBe(true)
    expect((second.wrapper.get('[data-testid="complaint-category-facilities"]').element as HTMLInputElement).checked).toBe(true)
    expect(second.wrapper.findAll('[data-testid="complaint-photo"]')).toHaveLength(1)
  })

  it('keeps what was written before signing in to file with one’s name, photo included', async () => {
    stubApi({ signedIn: false })
    const guest = await mountForm()
    await guest.wrapper.get('[data-testid="complaint-real-name"]').setValue(true)
    await guest.wrapper.get('[data-testid="complaint-description"]').setValue('窗口工作人员中午提前离岗。')
    await pickPhotos(guest.wrapper, [photo('空窗口.jpg')])
    await vi.waitFor(() => expect(guest.wrapper.findAll('[data-testid="complaint-photo"]')).toHaveLength(1))
    await guest.wrapper.get('form').trigger('submit')
    expect(guest.wrapper.get('[data-testid="complaint-sign-in"] a').attributes('href')).toBe('/signin?next=/complaints/new')
    expect(await db.outbox.count()).toBe(0)
    guest.wrapper.unmount()
    await vi.waitFor(async () => expect(((await db.complaintDrafts.toArray())[0]?.values as { description?: string })?.description).toBe('窗口工作人员中午提前离岗。'))

    vi.unstubAllGlobals()
    stubApi({ signedIn: true })
    localStorage.setItem('session.citizen', JSON.stringify(OWNER))
    const { wrapper } = await mountForm()
    await vi.waitFor(() => expect((wrapper.get('[data-testid="complaint-description"]').element as HTMLTextAreaElement).value).toBe('窗口工作人员中午提前离岗。'))
    expect(wrapper.findAll('[data-testid="complaint-photo"]')).toHaveLength(1)
    const [draft] = await db.complaintDrafts.toArray()
    expect(draft).toMatchObject({ ownerId: OWNER.id })
    expect((await db.draftFiles.toArray()).map((file) => file.draftId)).toEqual([draft!.id])
  })

  it('an anonymous complaint without signing in goes through the outbox and shows its query code prominently with 复制', async () => {
    const receipt = {
      trackingNumber: 'TS-20261125-0003',
      queryCode: 'ABCD2345EF',
      complaint: { anonymous: true },
    } as ComplaintReceipt
    const sent: unknown[] = []
    stubApi({
      signedIn: false,
      onComplaint: (init) => {
        sent.push(JSON.parse(String(init.body)))
        expect(new Headers(init.headers).get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/)
        return json({ ...receipt, complaint: { ...makeDetail(), anonymous: true } }, 201)
      },
    })
    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const { wrapper, router } = await mountForm()
    // Nobody signed in: anonymous is the choice offered first, and explained.
    expect((wrapper.get('[data-testid="complaint-anonymous"]').element as HTMLInputElement).checked).toBe(true)
    expect(wrapper.get('#complaint-anonymous-hint').text()).toContain('查询码是查看进度和答复的唯一凭证')
    expect(wrapper.find('[data-testid="complaint-contact-name"]').exists()).toBe(false)
    await wrapper.get('[data-testid="complaint-category-extra_requirements"]').setValue(true)
    await wrapper.get('[data-testid="complaint-description"]').setValue('窗口要求提供指南上没有的居住证明。')
    await wrapper.get('[data-testid="complaint-occurred-date"]').setValue(shanghaiToday())
    await wrapper.get('form').trigger('submit')

    await vi.waitFor(() => expect(router.currentRoute.value.query.sent).toBeTruthy())
    await vi.waitFor(() => expect(wrapper.find('[data-testid="complaint-query-code"]').exists()).toBe(true), { timeout: 5000 })
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ kind: 'complaint', category: 'extra_requirements', anonymous: true, photoIds: [], concerns: {} })
    expect(sent[0]).not.toHaveProperty('contact')
    expect(wrapper.get('[data-testid="complaint-tracking-number"]').text()).toBe('TS-20261125-0003')
    const code = wrapper.get('[data-testid="complaint-query-code"]')
    expect(code.text()).toBe('ABCD2345EF')
    expect(code.classes()).toContain('is-prominent')
    expect(wrapper.get('[data-testid="complaint-query-code-warning"]').text()).toContain('唯一凭证')
    await wrapper.get('[data-testid="complaint-copy-query-code"]').trigger('click')
    expect(writeText).toHaveBeenCalledWith('ABCD2345EF')
    await vi.waitFor(() => expect(wrapper.text()).toContain('已复制'))
    // Kept on the phone with its query code, and the draft is gone.
    await vi.waitFor(async () => expect(await db.complaintDrafts.count()).toBe(0))
    expect((await db.complaints.get('TS-20261125-0003'))?.queryCode).toBe('ABCD2345EF')
    expect(await seriousViolations(wrapper.element)).toEqual([])
  })

  it('offline, the complaint waits in the outbox with its state shown', async () => {
    stubApi({ signedIn: true })
    localStorage.setItem('session.citizen', JSON.stringify(OWNER))
    const { wrapper } = await mountForm()
    await wrapper.get('[data-testid="complaint-category-service_attitude"]').setValue(true)
    await wrapper.get('[data-testid="complaint-description"]').setValue('工作人员态度生硬，不解释原因。')
    await wrapper.get('[data-testid="complaint-occurred-date"]').setValue(shanghaiToday())
    await vi.waitFor(() => expect((wrapper.get('[data-testid="complaint-contact-name"]').element as HTMLInputElement).value).toBe(profile.name))
    await wrapper.get('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="complaint-waiting"]').exists()).toBe(true))
    const [item] = await db.outbox.toArray()
    expect(item).toMatchObject({ kind: 'complaint', ownerId: OWNER.id, state: 'pending' })
    expect(item!.kind === 'complaint' && item!.body.input).toMatchObject({ anonymous: false, contact: { name: profile.name, phone: profile.phone } })
    expect(useOutboxStore().unsentCount).toBe(1)
  })
})

describe('ComplaintsPage channels', () => {
  it('lists every channel of 第十九条, numbers as tel: links, the portal as a link, 待核实 where unconfirmed', async () => {
    stubApi({ signedIn: false })
    const { wrapper } = await mountPage(ComplaintsPage, '/complaints')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="complaint-channel-portal"]').exists()).toBe(true))
    const hotline = wrapper.get('[data-testid="complaint-channel-hotline"] a')
    expect(hotline.attributes('href')).toBe('tel:12345')
    expect(hotline.text()).toContain('拨打')
    const hall = wrapper.get('[data-testid="complaint-channel-complaint_phone"]')
    expect(hall.get('a').attributes('href')).toBe('tel:0472-5990563')
    expect(hall.text()).toContain('待核实')
    expect(wrapper.get('[data-testid="complaint-channel-portal"] a').attributes('href')).toBe('https://zwfw.nmg.gov.cn/')
    expect(wrapper.get('[data-testid="complaint-channel-wechat"]').text()).toContain('昆都仑政务服务')
    expect(wrapper.get('[data-testid="complaint-channel-app"] a').attributes('href')).toBe('/complaints/new')
    expect(await seriousViolations(wrapper.element)).toEqual([])
  })

  it('offline and never read, still offers this app and 12345', async () => {
    stubApi({ signedIn: false })
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const { wrapper } = await mountPage(ComplaintsPage, '/complaints')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="complaint-channel-hotline"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="complaint-channel-hotline"] a').attributes('href')).toBe('tel:12345')
    expect(wrapper.find('[data-testid="complaint-channel-app"]').exists()).toBe(true)
  })
})

function makeDetail() {
  return {
    trackingNumber: 'TS-20261125-0003',
    kind: 'complaint',
    category: 'extra_requirements',
    categoryName: '要求提供指南以外的材料',
    status: 'received',
    statusName: '已收到',
    submittedAt: '2026-11-25T02:00:00.000Z',
    anonymous: true,
    deadlines: { acknowledgeBy: '2026-11-26', answerBy: '2026-12-02', workingDaysLeft: 5, overdue: null },
    concerns: { hall: null, window: null, staffName: null, item: null, caseNumber: null, booking: null },
    description: '窗口要求提供指南上没有的居住证明。',
    occurredAt: '2026-11-25T00:00:00+08:00',
    photos: [],
    contact: null,
    timeline: [{ at: '2026-11-25T02:00:00.000Z', status: 'received', statusName: '已收到' }],
    answer: null,
    rating: null,
    canRate: false,
    canReopen: true,
  }
}
