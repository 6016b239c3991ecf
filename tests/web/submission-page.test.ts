// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { CaseReceipt } from '../../contract/applications.ts'
import { db } from '../../src/db/app-db.ts'
import type { OutboxItem } from '../../src/outbox/types.ts'
import SubmissionPage from '../../src/pages/SubmissionPage.vue'
import { OWNER, makeDraft } from './support/application-factory.ts'
import { mountPage } from './support/mount-page.ts'

const receipt: CaseReceipt = {
  caseNumber: 'KDL-20261125-0007',
  status: 'submitted',
  submittedAt: '2026-11-25T02:30:00.000Z',
  itemCode: '000176051000001',
  itemName: '失业保险金申领',
  guideVersion: 1,
  handlingBody: '包头市昆都仑区人力资源和社会保障局',
  promisedCompletion: {
    timeLimit: { text: '5个工作日', days: 5, unit: 'working_day' },
    countedFrom: 'acceptance',
    acceptanceDate: '2026-11-25',
    expectedDate: '2026-12-02',
    estimated: false,
  },
  nextSteps: '窗口将在1个工作日内受理，受理后短信通知您。',
}

const write = (changes: Partial<OutboxItem>): OutboxItem => ({
  id: 'write-1',
  kind: 'application',
  ownerId: OWNER.id,
  summary: '在线申请 · 失业保险金申领',
  state: 'pending',
  createdAt: '2026-11-25T02:29:00.000Z',
  attempts: 0,
  nextAttemptAt: Date.now() + 600_000,
  claimedAt: null,
  sentAt: null,
  error: null,
  body: { draftId: 'draft-1', itemCode: '000176051000001', itemName: '失业保险金申领', guideVersion: 1, situationAnswers: {}, values: {}, materials: [] },
  response: null,
  ...changes,
} as OutboxItem)

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  localStorage.setItem('session.citizen', JSON.stringify(OWNER))
  await db.drafts.put(makeDraft({ submissionId: 'write-1' }))
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
})

/** Pages still mounted: unmounted after each test, so that none of them acts on the next test's data. */
const mounted: Array<{ unmount: () => void }> = []
async function openSubmission(id: string) {
  const page = await mountPage(SubmissionPage, `/submissions/${id}`, { id })
  mounted.push(page.wrapper)
  return page
}

afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  localStorage.clear()
  document.body.innerHTML = ''
})

test('the receipt shows the case number, the promised date in Chinese and what happens next; the draft leaves the phone', async () => {
  await db.outbox.put(write({ state: 'sent', sentAt: '2026-11-25T02:30:01.000Z', response: receipt }))
  const { wrapper } = await openSubmission('write-1')
  await vi.waitFor(() => expect(wrapper.find('[data-testid="receipt"]').exists()).toBe(true))
  expect(wrapper.get('[data-testid="receipt-case-number"]').text()).toBe('KDL-20261125-0007')
  expect(wrapper.get('[data-testid="receipt-promised"]').text()).toBe('预计 2026年12月2日 前办结（5个工作日）')
  expect(wrapper.get('[data-testid="receipt-next"]').text()).toBe('窗口将在1个工作日内受理，受理后短信通知您。')
  expect(wrapper.text()).toContain('已提交（待受理）')
  expect(wrapper.text()).toContain('2026年11月25日 10:30')
  await vi.waitFor(async () => expect(await db.drafts.count()).toBe(0))
})

test('an application still on the phone says it waits for the connection, and sends itself only once', async () => {
  await db.outbox.put(write({}))
  const { wrapper } = await openSubmission('write-1')
  window.dispatchEvent(new Event('offline'))
  await vi.waitFor(() => expect(wrapper.get('[data-testid="submission-state"]').text()).toBe('当前没有网络，申请已保存在本机，联网后会自动提交。'))
  expect(wrapper.text()).toContain('同一份申请只会提交一次')
  expect(await db.drafts.count()).toBe(1)
})

test('a refused application lists what the server found, and 返回修改 takes each problem back to the form', async () => {
  const problems = [
    { fieldKey: 'formerEmployer', message: '原工作单位应与参保记录一致' },
    { fieldKey: 'materials.id-card', message: '身份证照片已过期，请重新上传' },
  ]
  await db.outbox.put(write({ state: 'failed', attempts: 1, error: '申请有2处需要修改，请按提示修改后重新提交', errorFields: problems }))
  const { wrapper, router } = await openSubmission('write-1')
  await vi.waitFor(() => expect(wrapper.find('[data-testid="submission-failed"]').exists()).toBe(true))
  expect(wrapper.findAll('[data-testid="submission-problems"] li').map((item) => item.text())).toEqual(problems.map((problem) => problem.message))

  await wrapper.get('[data-testid="submission-failed"] button').trigger('click')
  await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/apply/000176051000001'))
  const draft = await db.drafts.get('draft-1')
  expect(draft).toMatchObject({ submissionId: null, serverErrors: problems })
  expect(await db.outbox.count()).toBe(0)
})
