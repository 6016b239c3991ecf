// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { db } from '../../src/db/app-db.ts'
import ApplyCheckPage from '../../src/pages/ApplyCheckPage.vue'
import { OWNER, makeApplicationItem, makeDraft, serveApplicant } from './support/application-factory.ts'
import { mountPage } from './support/mount-page.ts'

const item = makeApplicationItem()
const values = {
  name: '王小明',
  idNumber: '150203199001011232',
  phone: '13800000000',
  formerEmployer: '包头市示例钢铁有限公司',
  terminationDate: '2026-09-30',
  terminationReason: 'contract_expired',
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  localStorage.setItem('session.citizen', JSON.stringify(OWNER))
  await db.drafts.put(makeDraft({ values, materials: { 'termination-proof': { deferred: true, commitmentAccepted: true } } }))
  await db.draftFiles.put({ id: 'file-1', draftId: 'draft-1', materialId: 'id-card', name: '身份证正面.jpg', mediaType: 'image/jpeg', bytes: 204_800, blob: new Blob(['x']), uploadId: null, uploadExpiresAt: null, addedAt: '2026-11-25T01:00:00.000Z' })
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  localStorage.clear()
  document.body.innerHTML = ''
})

async function openCheck() {
  vi.stubGlobal('fetch', vi.fn(serveApplicant(item)))
  const mounted = await mountPage(ApplyCheckPage, `/apply/${item.code}/check`, { code: item.code })
  await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="check-submit"]').exists()).toBe(true))
  return mounted
}

test('核对信息 shows every answer as the citizen reads it, the ID number masked until asked', async () => {
  const { wrapper } = await openCheck()
  const answer = (key: string) => wrapper.get(`[data-testid="check-${key}"]`).text()
  expect(answer('name')).toBe('王小明')
  expect(answer('idNumber')).toBe('1502**********1232')
  expect(answer('phone')).toBe('13800000000')
  expect(answer('formerEmployer')).toBe('包头市示例钢铁有限公司')
  expect(answer('terminationDate')).toBe('2026年9月30日')
  expect(answer('terminationReason')).toBe('劳动合同期满终止')
  // Every field of the form has its line, with its label.
  for (const field of item.guide.applicationForm!.groups.flatMap((group) => group.fields)) {
    expect(wrapper.find(`[data-testid="check-${field.key}"]`).exists(), field.key).toBe(true)
    expect(wrapper.text()).toContain(field.label)
  }
  expect(wrapper.get('[data-testid="check-material-id-card"]').text()).toContain('身份证正面.jpg（200 KB）')
  expect(wrapper.get('[data-testid="check-material-termination-proof"]').text()).toContain('暂缓提交')
  expect(wrapper.get('[data-testid="check-material-termination-proof"]').text()).toContain('本人承诺')
  expect(wrapper.find('[data-testid="check-problems"]').exists()).toBe(false)

  await wrapper.get('[data-testid="check-reveal"]').setValue(true)
  expect(answer('idNumber')).toBe('150203199001011232')
})

test('a missing answer is named and the application cannot be sent', async () => {
  await db.drafts.put(makeDraft({ values: { ...values, formerEmployer: null }, materials: { 'termination-proof': { deferred: true, commitmentAccepted: false } } }))
  const { wrapper } = await openCheck()
  expect(wrapper.get('[data-testid="check-formerEmployer"]').text()).toBe('未填写')
  const problems = wrapper.get('[data-testid="check-problems"]').text()
  expect(problems).toContain('请填写“原工作单位”')
  expect(problems).toContain('请阅读并确认告知承诺')
  expect(wrapper.get('[data-testid="check-submit"]').attributes('disabled')).toBeDefined()
})

test('offline, a double tap puts one application in the outbox, which waits and says so', async () => {
  const { wrapper, router } = await openCheck()
  // The connection goes; sends fail as they would offline (serveApplicant refuses every write).
  window.dispatchEvent(new Event('offline'))
  await flushPromises()
  expect(wrapper.get('[data-testid="check-offline"]').text()).toContain('联网后自动发送')
  const button = wrapper.get('[data-testid="check-submit"]')
  await Promise.all([button.trigger('click'), button.trigger('click')])
  await flushPromises()
  await vi.waitFor(() => expect(router.currentRoute.value.path).toMatch(/^\/submissions\//))
  const items = await db.outbox.toArray()
  expect(items).toHaveLength(1)
  expect(items[0]).toMatchObject({ kind: 'application', ownerId: OWNER.id, summary: '在线申请 · 失业保险金申领' })
  expect(items[0]!.body).toMatchObject({
    itemCode: item.code,
    guideVersion: 1,
    values: { ...values, idNumber: '150203199001011232' },
    materials: [
      { materialId: 'id-card', fileIds: ['file-1'] },
      { materialId: 'termination-proof', deferred: true, commitment: expect.stringContaining('本人承诺') },
    ],
  })
  // The draft leaves 草稿 at once.
  expect((await db.drafts.get('draft-1'))?.submissionId).toBe(items[0]!.id)
})

test('once the server has the application, the draft and its files leave the phone', async () => {
  const { pruneSentDrafts } = await import('../../src/db/drafts.ts')
  const body = (draftId: string) => ({ draftId, itemCode: item.code, itemName: '失业保险金申领', guideVersion: 1, situationAnswers: {}, values: {}, materials: [] })
  await db.drafts.update('draft-1', { submissionId: 'write-1' })
  await db.drafts.put(makeDraft({ id: 'draft-2', itemCode: '000000000000002', submissionId: 'write-2' }))
  await db.outbox.bulkPut([
    { id: 'write-1', kind: 'application', state: 'sent', ownerId: OWNER.id, summary: '', createdAt: '', attempts: 1, nextAttemptAt: 0, claimedAt: null, sentAt: '', error: null, body: body('draft-1'), response: null },
    { id: 'write-2', kind: 'application', state: 'pending', ownerId: OWNER.id, summary: '', createdAt: '', attempts: 0, nextAttemptAt: 0, claimedAt: null, sentAt: null, error: null, body: body('draft-2'), response: null },
  ])
  await pruneSentDrafts(OWNER.id)
  expect((await db.drafts.toArray()).map((draft) => draft.id)).toEqual(['draft-2'])
  expect(await db.draftFiles.count()).toBe(0)
})
