// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { FileRef, ServiceItem } from '../../contract/guides.ts'
import { db } from '../../src/db/app-db.ts'
import GuidePage from '../../src/pages/GuidePage.vue'
import { emptyCatalogueChanges, makeMaterial, makeServiceItem } from './support/guide-factory.ts'
import { mountPage } from './support/mount-page.ts'

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  sessionStorage.clear()
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

function serve(item: ServiceItem) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input)
    const body = url.startsWith('/api/v1/catalogue/changes') ? emptyCatalogueChanges : item
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', etag: '"v1-test"' } })
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

async function openGuide(item: ServiceItem) {
  const mounted = await mountPage(GuidePage, `/g/${item.code}`, { code: item.code })
  await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="guide-name"]').text()).toBe(item.guide.name))
  // The sections below the first screen follow one a frame; 全部要素 is the last.
  await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="guide-all-elements"]').exists()).toBe(true))
  await flushPromises()
  return mounted.wrapper
}

/** Opens 全部要素, which renders its list only when opened. */
async function completeSection(page: Awaited<ReturnType<typeof openGuide>>) {
  expect(page.find('[data-testid="guide-elements"]').exists()).toBe(false)
  const details = page.get('[data-testid="guide-all-elements"]').element as HTMLDetailsElement
  details.open = true
  await vi.waitFor(() => expect(page.find('[data-testid="guide-elements"]').exists()).toBe(true))
  return page.get('[data-testid="guide-elements"]')
}

const materialIds = (page: Awaited<ReturnType<typeof openGuide>>) =>
  page.findAll('[data-testid^="material-"]').map((node) => node.attributes('data-testid')).filter((id) => !id!.startsWith('material-intermediary'))

test('elements the source does not give read 未提供, never a blank box', async () => {
  const item = makeServiceItem({ statutoryTimeLimit: null, reviewStandard: null, hours: null, supervision: null, onlinePayment: null })
  serve(item)
  const elements = await completeSection(await openGuide(item))
  expect(elements.get('[data-testid="element-statutory"]').text()).toBe('未提供')
  expect(elements.findAll('[data-testid="not-given"]').length).toBeGreaterThanOrEqual(5)
  for (const dd of elements.findAll('dd')) expect(dd.text().trim()).not.toBe('')
  // 实施编码 null in the item too.
  expect(elements.get('[data-testid="element-code"]').text()).toContain('未提供')
})

test('every element of 第六条 and 到现场次数 is listed in the complete section', async () => {
  const item = makeServiceItem()
  serve(item)
  const text = (await completeSection(await openGuide(item))).text()
  for (const element of ['事项名称', '事项编码', '事项类型', '设定依据', '实施主体', '受理条件', '服务对象', '法定办结时限', '承诺办结时限', '结果名称', '结果样本', '收费标准', '收费依据', '申请材料', '容缺受理', '办理流程', '办理形式', '审查标准', '预约办理', '网上支付', '办理地点', '办理时间', '咨询方式', '监督投诉方式', '到现场次数'])
    expect(text).toContain(element)
  expect(text).toContain('第八条')
  expect(text).toContain('居民身份证由居民常住户口所在地的县级人民政府公安机关签发。')
})

test("a material shows 第七条's fields: type, copies, spec, source, electronic, 容缺, basis, intermediary", async () => {
  const blankForm: FileRef = { sha256: 'a'.repeat(64), fileName: '申领登记表.pdf', mediaType: 'application/pdf', bytes: 52_000, url: '/api/v1/files/aaa' }
  const item = makeServiceItem({
    situations: [],
    materials: [
      makeMaterial({
        id: 'survey',
        name: '房屋测绘报告',
        form: 'original_and_copy',
        originals: 1,
        copies: 2,
        source: 'intermediary',
        electronicRequired: true,
        electronicForm: true,
        deferrable: true,
        intermediary: { category: '测绘机构', qualification: '乙级以上测绘资质' },
        blankForm,
      }),
    ],
  })
  serve(item)
  const page = await openGuide(item)
  const material = page.get('[data-testid="material-survey"]')
  const text = material.text()
  expect(text).toContain('原件和复印件')
  expect(text).toContain('原件1份、复印件2份')
  expect(text).toContain('A4纸')
  expect(text).toContain('中介机构出具')
  expect(text).toContain('可在线填写')
  expect(material.get('[data-testid="deferrable-badge"]').text()).toBe('容缺')
  expect(text).toContain('《中华人民共和国居民身份证法》第十条')
  expect(material.get('[data-testid="material-intermediary"]').text()).toContain('乙级以上测绘资质')
  const download = material.get('[data-testid="guide-file-download"]')
  expect(download.attributes('href')).toBe('/api/v1/files/aaa')
  expect(download.attributes('download')).toBe('申领登记表.pdf')
  expect(download.text()).toContain('PDF · 51 KB')
  expect(material.find('[data-testid="wechat-download-hint"]').exists()).toBe(false)
})

test('inside WeChat a download also shows the open-in-browser hint and a preview for PDFs', async () => {
  vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue('Mozilla/5.0 (iPhone) MicroMessenger/8.0.48 NetType/WIFI')
  const blankForm: FileRef = { sha256: 'b'.repeat(64), fileName: '表.pdf', mediaType: 'application/pdf', bytes: 2048, url: '/api/v1/files/bbb' }
  const item = makeServiceItem({ situations: [], materials: [makeMaterial({ blankForm })] })
  serve(item)
  const page = await openGuide(item)
  expect(page.get('[data-testid="wechat-download-hint"]').text()).toBe('请点击右上角“···”，选择“在浏览器中打开”后下载')
  expect(page.get('[data-testid="guide-file-preview"]').attributes('href')).toBe('/api/v1/files/bbb?inline=1')
})

test('answering the situation questions filters materials and steps; 显示全部材料 undoes it', async () => {
  const item = makeServiceItem()
  serve(item)
  const page = await openGuide(item)
  expect(materialIds(page)).toEqual(['material-hukou-book', 'material-old-id-card', 'material-agent-id'])
  expect(page.find('[data-testid="situation-hint"]').exists()).toBe(true)

  await page.get('[data-testid="situation-apply_type-first"]').setValue(true)
  await page.get('[data-testid="situation-applicant-self"]').setValue(true)
  await flushPromises()
  expect(materialIds(page)).toEqual(['material-hukou-book'])
  expect(page.findAll('[data-testid="guide-step"]')).toHaveLength(1)
  expect(page.find('[data-testid="situation-hint"]').exists()).toBe(false)
  expect(JSON.parse(sessionStorage.getItem(`situations.${item.code}`)!)).toEqual({ apply_type: 'first', applicant: 'self' })

  await page.get('[data-testid="show-all-materials"]').trigger('click')
  expect(materialIds(page)).toHaveLength(3)
})

test('a newer version than the cached copy replaces it and says what changed', async () => {
  const first = makeServiceItem()
  serve(first)
  ;(await openGuide(first)).unmount()

  const second = makeServiceItem(
    {},
    {
      current: { version: 2, effectiveDate: '2026-12-01', publishedAt: '2026-11-24T10:00:00+08:00', changeNote: '取消户口簿复印件' },
      history: [first.current],
    },
  )
  serve(second)
  const page = await openGuide(second)
  await vi.waitFor(() => expect(page.find('[data-testid="guide-updated"]').exists()).toBe(true))
  expect(page.get('[data-testid="guide-updated"]').text()).toContain('取消户口簿复印件')
  expect(page.get('[data-testid="guide-version"]').text()).toBe('第2版 · 自2026年12月1日起施行')
  expect(page.get('[data-testid="guide-history"]').text()).toBe('更新于2026年11月24日：取消户口簿复印件')
  expect(document.title).toBe('居民身份证申领、换领、补领 - 昆都仑区政务服务')
})
