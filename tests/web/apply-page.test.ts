// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { db } from '../../src/db/app-db.ts'
import ApplyPage from '../../src/pages/ApplyPage.vue'
import MePage from '../../src/pages/MePage.vue'
import { makeApplicationForm } from '../unit/contract/application-form-factory.ts'
import { OWNER, makeApplicationItem, makeDraft, serveApplicant } from './support/application-factory.ts'
import { makeMaterial, makeServiceItem } from './support/guide-factory.ts'
import { mountPage } from './support/mount-page.ts'

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  localStorage.setItem('session.citizen', JSON.stringify(OWNER))
  sessionStorage.clear()
})

/** Pages still mounted: unmounted after each test, so that no draft of one test is saved during the next. */
const open: Array<{ unmount: () => void }> = []

afterEach(() => {
  for (const wrapper of open.splice(0)) wrapper.unmount()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  localStorage.clear()
  document.body.innerHTML = ''
})

async function openApply(item = makeApplicationItem()) {
  vi.stubGlobal('fetch', vi.fn(serveApplicant(item)))
  const mounted = await mountPage(ApplyPage, `/apply/${item.code}`, { code: item.code })
  open.push(mounted.wrapper)
  await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="apply-form"]').exists()).toBe(true))
  return mounted
}

const input = (selector: string) => document.querySelector<HTMLInputElement>(selector)!

async function type(selector: string, text: string) {
  const element = input(selector)
  element.value = text
  element.dispatchEvent(new Event('input'))
  await flushPromises()
}

test('the form opens filled in from the profile; what is typed is saved on the phone and comes back after a reload', async () => {
  const first = await openApply()
  await vi.waitFor(() => expect(input('#apply-name').value).toBe('王小明'))
  expect(input('#apply-idNumber').value).toBe('150203199001011232')
  await type('#apply-formerEmployer', '包头市示例钢铁有限公司')
  // Saved after a short pause in typing, without any network.
  await vi.waitFor(async () => expect((await db.drafts.toArray())[0]?.values.formerEmployer).toBe('包头市示例钢铁有限公司'), { timeout: 3000 })
  expect(first.wrapper.get('[data-testid="draft-saved"]').text()).toMatch(/草稿已保存 \d{4}年/)
  open.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''

  await openApply()
  await vi.waitFor(() => expect(input('#apply-formerEmployer').value).toBe('包头市示例钢铁有限公司'))
  expect(await db.drafts.count()).toBe(1)
  open.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''

  // 我的 › 草稿 lists it.
  vi.stubGlobal('fetch', vi.fn(serveApplicant(makeApplicationItem())))
  const me = await mountPage(MePage, '/me')
  await vi.waitFor(() => expect(me.wrapper.find('[data-testid="draft-000176051000001"]').exists()).toBe(true))
  expect(me.wrapper.get('[data-testid="draft-000176051000001"]').text()).toContain('失业保险金申领')
})

test('a deferred (容缺) material is refused until the applicant confirms the commitment', async () => {
  const { wrapper } = await openApply()
  await vi.waitFor(() => expect(input('#apply-name').value).toBe('王小明'))
  await type('#apply-formerEmployer', '包头市示例钢铁有限公司')
  await type('#apply-terminationDate', '2026-09-30')
  input('#apply-terminationReason input[value="contract_expired"]').click()
  await flushPromises()
  await db.draftFiles.put({ id: 'file-1', draftId: (await db.drafts.toArray())[0]!.id, materialId: 'id-card', name: '身份证.jpg', mediaType: 'image/jpeg', bytes: 1000, blob: new Blob(['x']), uploadId: 'u1', uploadExpiresAt: '2099-01-01T00:00:00.000Z', addedAt: new Date().toISOString() })
  open.splice(0).forEach((page) => page.unmount())
  document.body.innerHTML = ''
  const reopened = await openApply()
  await vi.waitFor(() => expect(reopened.wrapper.find('[data-testid="material-id-card"] [data-state="uploaded"]').exists()).toBe(true))

  await reopened.wrapper.get('[data-testid="defer-termination-proof"]').setValue(true)
  expect(reopened.wrapper.get('[data-testid="commitment-text"]').text()).toContain('本人承诺：“解除或终止劳动关系证明”暂缓提交')
  await reopened.wrapper.get('[data-testid="apply-form"]').trigger('submit')
  await flushPromises()
  expect(reopened.wrapper.get('[data-testid="error-material-termination-proof"]').text()).toBe('“解除或终止劳动关系证明”选择了暂缓提交，请阅读并确认告知承诺')
  expect(reopened.router.currentRoute.value.path).toBe('/apply/000176051000001')

  await reopened.wrapper.get('[data-testid="commit-termination-proof"]').setValue(true)
  await reopened.wrapper.get('[data-testid="apply-form"]').trigger('submit')
  await vi.waitFor(() => expect(reopened.router.currentRoute.value.path).toBe('/apply/000176051000001/check'))
  expect((await db.drafts.toArray())[0]?.materials['termination-proof']).toEqual({ deferred: true, commitmentAccepted: true })
})

test('a draft made on an older guide version says so, with the change note', async () => {
  await db.drafts.put(makeDraft({ guideVersion: 1, values: { formerEmployer: '某公司' } }))
  const item = makeApplicationItem({
    current: { version: 2, effectiveDate: '2026-11-01', publishedAt: '2026-11-01T00:00:00.000Z', changeNote: '依据新规定，取消户口簿复印件' },
    history: [{ version: 1, effectiveDate: '2025-01-01', publishedAt: '2025-01-01T00:00:00.000Z', changeNote: null }],
  })
  const { wrapper } = await openApply(item)
  const notice = wrapper.get('[data-testid="draft-older-version"]')
  expect(notice.text()).toContain('此草稿按第1版办事指南填写，指南已更新为第2版')
  expect(notice.text()).toContain('本次变更：依据新规定，取消户口簿复印件')
  await notice.get('button').trigger('click')
  await flushPromises()
  expect(wrapper.find('[data-testid="draft-older-version"]').exists()).toBe(false)
})

test('the situations the form depends on are answered first; the answer decides the groups shown', async () => {
  const item = makeServiceItem(
    {
      name: '最低生活保障审核确认',
      situations: [{ id: 'applicant', question: '谁来申请？', options: [{ id: 'self', label: '本人申请' }, { id: 'agent', label: '他人代为申请' }] }],
      materials: [makeMaterial({ id: 'id-card', name: '居民身份证' }), makeMaterial({ id: 'household-register', name: '居民户口簿' })],
      applicationForm: makeApplicationForm(),
    },
    { code: '000173005000001' },
  )
  const { wrapper } = await openApply(item)
  expect(wrapper.get('[data-testid="apply-situations"]').text()).toContain('谁来申请？')
  expect(wrapper.get('[data-testid="apply-answer-first"]').text()).toContain('请先回答以上问题')
  expect(wrapper.find('[data-testid="group-applicant"]').exists()).toBe(false)

  await wrapper.get('[data-testid="situation-applicant-agent"]').setValue(true)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="group-agent"]').exists()).toBe(true))
  expect(wrapper.find('[data-testid="apply-answer-first"]').exists()).toBe(false)
  // The agent's own name goes into the agent's box, not the applicant's.
  await vi.waitFor(() => expect(input('#apply-agentName').value).toBe('王小明'))
  expect(input('#apply-name').value).toBe('')
  await vi.waitFor(async () => expect((await db.drafts.where('itemCode').equals(item.code).first())?.answers).toEqual({ applicant: 'agent' }), { timeout: 3000 })
})

test('acting for a company fills its fields from that company, and choosing another replaces what the first one filled', async () => {
  const companies = [
    { id: 'c1', name: '包头市示例商贸有限公司', creditCode: '91350100M000100Y43', legalRepresentative: '王小明', createdAt: '', updatedAt: '' },
    { id: 'c2', name: '包头市另一家科技有限公司', creditCode: '91150203MA0Q00000X', legalRepresentative: '李四', createdAt: '', updatedAt: '' },
  ]
  const item = makeServiceItem(
    {
      name: '单位社会保险参保登记',
      situations: [],
      materials: [],
      applicationForm: {
        title: '社会保险参保登记表',
        materialIds: [],
        groups: [
          {
            id: 'employer',
            title: '参保单位',
            fields: [
              { type: 'text', key: 'companyName', label: '单位名称', required: true, prefill: 'company.name' },
              { type: 'creditCode', key: 'creditCode', label: '统一社会信用代码', required: true, prefill: 'company.creditCode' },
              { type: 'text', key: 'contact', label: '经办人', required: true, prefill: 'name' },
            ],
          },
        ],
      },
    },
    { code: '000176002000001' },
  )
  const serve = serveApplicant(item)
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input) === '/api/v1/me/companies' ? new Response(JSON.stringify({ companies }), { status: 200 }) : serve(input, init),
    ),
  )
  const { wrapper } = await mountPage(ApplyPage, `/apply/${item.code}`, { code: item.code })
  open.push(wrapper)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="apply-company"]').exists()).toBe(true))
  await vi.waitFor(() => expect(wrapper.findAll('[data-testid="apply-company"] option')).toHaveLength(3))
  expect(input('#apply-companyName').value).toBe('')

  await wrapper.get('[data-testid="apply-company"]').setValue('c1')
  await vi.waitFor(() => expect(input('#apply-companyName').value).toBe('包头市示例商贸有限公司'))
  expect(input('#apply-creditCode').value).toBe('91350100M000100Y43')
  expect(input('#apply-contact').value).toBe('王小明')

  await wrapper.get('[data-testid="apply-company"]').setValue('c2')
  await vi.waitFor(() => expect(input('#apply-companyName').value).toBe('包头市另一家科技有限公司'))
  expect(input('#apply-creditCode').value).toBe('91150203MA0Q00000X')
})

test('problems the server found (返回修改) show beside their fields, once', async () => {
  await db.drafts.put(makeDraft({ serverErrors: [{ fieldKey: 'formerEmployer', message: '原工作单位应与参保记录一致' }] }))
  const { wrapper } = await openApply()
  await vi.waitFor(() => expect(wrapper.text()).toContain('原工作单位应与参保记录一致'))
  const field = input('#apply-formerEmployer')
  expect(field.getAttribute('aria-invalid')).toBe('true')
  await vi.waitFor(async () => expect((await db.drafts.toArray())[0]?.serverErrors).toEqual([]), { timeout: 3000 })
})
