// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { CaseCorrectionRequest } from '../../contract/case-lifecycle.ts'
import { db } from '../../src/db/app-db.ts'
import CaseCorrectionPage from '../../src/pages/CaseCorrectionPage.vue'
import { OWNER, makeApplicationItem } from './support/application-factory.ts'
import { CASE_NUMBER, makeCaseDetail, serveCases } from './support/case-factory.ts'
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

const correction: CaseCorrectionRequest = {
  items: [
    { materialId: 'id-card', need: '身份证照片不清晰，请重新拍摄正反面', name: '居民身份证或社会保障卡' },
    { fieldKey: 'phone', need: '联系电话与登记不一致，请核对', name: '联系电话' },
    { fieldKey: 'formerEmployer', need: '请填写单位全称', name: '原工作单位' },
  ],
  note: null,
  requestedAt: '2026-11-26T01:00:00.000Z',
  requestedBy: '李娜（昆都仑区人力资源和社会保障局）',
  afterAcceptance: true,
  answeredAt: null,
}

async function openCorrection() {
  const detail = makeCaseDetail({ status: 'correction_requested', correction })
  vi.stubGlobal('fetch', vi.fn(serveCases({ details: [detail], item: makeApplicationItem() })))
  const mounted = await mountPage(CaseCorrectionPage, `/me/cases/${CASE_NUMBER}/correction`, { caseNumber: CASE_NUMBER })
  open.push(mounted.wrapper)
  await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="correction-form"]').exists()).toBe(true))
  await vi.waitFor(() => expect(document.querySelector('#correction-phone')).not.toBeNull())
  return mounted
}

async function type(selector: string, text: string) {
  const element = document.querySelector<HTMLInputElement>(selector)!
  element.value = text
  element.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function pick(materialId: string, file: File) {
  const input = document.querySelector<HTMLInputElement>(`[data-testid="pick-${materialId}"]`)!
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}

const summaryMessages = () => Array.from(document.querySelectorAll('[data-testid="error-summary"] li')).map((item) => item.textContent?.trim())

test('every requested item shows at once, with what was submitted before; nothing goes until every item is answered', async () => {
  const { wrapper } = await openCorrection()
  expect(wrapper.get('[data-testid="correction-field-phone"]').text()).toContain('联系电话：联系电话与登记不一致，请核对')
  expect(wrapper.get('[data-testid="correction-field-phone"]').text()).toContain('原填写内容：13800000000')
  expect(wrapper.get('[data-testid="material-id-card"]').text()).toContain('身份证照片不清晰，请重新拍摄正反面')
  // Materials asked again are never deferrable here.
  expect(wrapper.find('[data-testid="defer-id-card"]').exists()).toBe(false)

  await wrapper.get('[data-testid="correction-send"]').trigger('click')
  await vi.waitFor(() => expect(summaryMessages()).toEqual(['请填写“联系电话”', '请填写“原工作单位”', '请上传“居民身份证或社会保障卡”']))
  expect(await db.outbox.count()).toBe(0)

  await type('#correction-phone', '1380000')
  await wrapper.get('[data-testid="correction-send"]').trigger('click')
  await vi.waitFor(() => expect(summaryMessages()[0]).not.toBe('请填写“联系电话”'))
  expect(summaryMessages()).toHaveLength(3)
  expect(document.querySelector('#correction-phone-error')?.textContent).toMatch(/手机号/)
  expect(await db.outbox.count()).toBe(0)
})

test('answered offline, the correction waits in the outbox once, with its files kept on the phone', async () => {
  // Opened online (the case and its guide are kept on the phone), answered after the connection dropped.
  const { wrapper, router } = await openCorrection()
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
  window.dispatchEvent(new Event('offline'))
  await type('#correction-phone', '13800000001')
  await type('#correction-formerEmployer', '包头市示例钢铁有限公司')
  await type('#correction-note', '已重新拍摄身份证')
  await pick('id-card', new File(['%PDF-1.4'], '身份证.pdf', { type: 'application/pdf' }))
  await vi.waitFor(() => expect(wrapper.get('[data-testid="material-id-card"]').find('[data-state]').attributes('data-state')).toBe('waiting'))

  await wrapper.get('[data-testid="correction-send"]').trigger('click')
  await wrapper.get('[data-testid="correction-send"]').trigger('click')
  await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/me/cases/${CASE_NUMBER}`))
  const writes = await db.outbox.toArray()
  expect(writes).toHaveLength(1)
  const [write] = writes
  expect(write).toMatchObject({ kind: 'correction-response', ownerId: OWNER.id, state: 'pending', summary: '补正 · 失业保险金申领' })
  if (write?.kind !== 'correction-response') throw new Error('not a correction')
  expect(write.body.values).toEqual({ phone: '13800000001', formerEmployer: '包头市示例钢铁有限公司' })
  expect(write.body.note).toBe('已重新拍摄身份证')
  expect(write.body.materials).toHaveLength(1)
  expect(write.body.materials[0]!.fileIds).toHaveLength(1)
  const files = await db.draftFiles.where('draftId').equals(write.body.filesKey).toArray()
  expect(files.map((file) => file.name)).toEqual(['身份证.pdf'])
})

test('what was typed comes back after a reload, and leaves the phone once the answer is in the outbox', async () => {
  const key = `correction:${OWNER.id}:${CASE_NUMBER}`
  const first = await openCorrection()
  await type('#correction-formerEmployer', '包头市示例钢铁有限公司')
  await type('#correction-note', '单位全称见劳动合同')
  await vi.waitFor(async () => expect((await db.meta.get(key))?.value).toContain('包头市示例钢铁有限公司'), { timeout: 3000 })
  first.wrapper.unmount()
  open.splice(open.indexOf(first.wrapper), 1)
  document.body.innerHTML = ''

  const { wrapper, router } = await openCorrection()
  await vi.waitFor(() => expect(document.querySelector<HTMLInputElement>('#correction-formerEmployer')!.value).toBe('包头市示例钢铁有限公司'))
  expect(document.querySelector<HTMLTextAreaElement>('#correction-note')!.value).toBe('单位全称见劳动合同')

  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
  window.dispatchEvent(new Event('offline'))
  await type('#correction-phone', '13800000001')
  await pick('id-card', new File(['%PDF-1.4'], '身份证.pdf', { type: 'application/pdf' }))
  await vi.waitFor(() => expect(wrapper.get('[data-testid="material-id-card"]').find('[data-state]').attributes('data-state')).toBe('waiting'))
  await wrapper.get('[data-testid="correction-send"]').trigger('click')
  await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/me/cases/${CASE_NUMBER}`))
  expect(await db.meta.get(key)).toBeUndefined()
})

test('an answer begun for an earlier correction request is not brought back to a new one', async () => {
  await db.meta.put({
    key: `correction:${OWNER.id}:${CASE_NUMBER}`,
    value: JSON.stringify({ requestedAt: '2026-11-20T01:00:00.000Z', values: { formerEmployer: '旧的回答' }, note: '旧的说明' }),
  })
  await openCorrection()
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(document.querySelector<HTMLInputElement>('#correction-formerEmployer')!.value).toBe('')
  expect(document.querySelector<HTMLTextAreaElement>('#correction-note')!.value).toBe('')
})

test('sign-out takes the files and typed answers of an unsent correction off the phone with the rest', async () => {
  await db.draftFiles.put({
    id: 'file-1',
    draftId: `correction:${OWNER.id}:${CASE_NUMBER}`,
    materialId: 'id-card',
    name: '身份证.pdf',
    mediaType: 'application/pdf',
    bytes: 8,
    blob: new Blob(['%PDF-1.4']),
    uploadId: null,
    uploadExpiresAt: null,
    addedAt: '2026-11-26T02:00:00.000Z',
  })
  await db.draftFiles.put({
    id: 'file-2',
    draftId: `correction:citizen-2:${CASE_NUMBER}`,
    materialId: 'id-card',
    name: '别人的.pdf',
    mediaType: 'application/pdf',
    bytes: 8,
    blob: new Blob(['%PDF-1.4']),
    uploadId: null,
    uploadExpiresAt: null,
    addedAt: '2026-11-26T02:00:00.000Z',
  })
  await db.meta.bulkPut([
    { key: `correction:${OWNER.id}:${CASE_NUMBER}`, value: '{"requestedAt":"","values":{},"note":"我的说明"}' },
    { key: `correction:citizen-2:${CASE_NUMBER}`, value: '{"requestedAt":"","values":{},"note":"别人的说明"}' },
  ])
  const { deletePersonalData } = await import('../../src/db/personal-data.ts')
  await deletePersonalData(OWNER.id)
  expect((await db.draftFiles.toArray()).map((file) => file.id)).toEqual(['file-2'])
  expect((await db.meta.toArray()).map((entry) => entry.key)).toEqual([`correction:citizen-2:${CASE_NUMBER}`])
})
