// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { db } from '../../src/db/app-db.ts'
import type { OutboxItem } from '../../src/outbox/types.ts'
import CaseDetailPage from '../../src/pages/CaseDetailPage.vue'
import { OWNER, makeApplicationItem } from './support/application-factory.ts'
import { CASE_NUMBER, makeCaseDetail, makeDeadline, serveCases } from './support/case-factory.ts'
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

async function openCase(detail = makeCaseDetail()) {
  vi.stubGlobal('fetch', vi.fn(serveCases({ details: [detail], item: makeApplicationItem() })))
  const mounted = await mountPage(CaseDetailPage, `/me/cases/${detail.caseNumber}`, { caseNumber: detail.caseNumber })
  open.push(mounted.wrapper)
  await vi.waitFor(() => expect(mounted.wrapper.find('[data-testid="case-header"]').exists()).toBe(true))
  return mounted
}

const text = (selector: string) => document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null

test('the header, both deadlines with due dates and days left, and the timeline newest first with who acted', async () => {
  const { wrapper } = await openCase()
  expect(text('#case-heading')).toBe('失业保险金申领')
  expect(text('[data-testid="case-number"]')).toBe(CASE_NUMBER)
  expect(text('[data-testid="case-header"] [data-testid="case-status"]')).toBe('已受理')
  expect(text('[data-testid="case-next-steps"]')).toBe('接下来：窗口将在1个工作日内受理。')

  expect(text('[data-testid="case-deadline-statutory"]')).toContain('15个工作日')
  expect(text('[data-testid="case-deadline-statutory-due"]')).toBe('2026年12月16日前办结')
  expect(text('[data-testid="case-deadline-statutory-left"]')).toBe('还剩13个工作日')
  expect(text('[data-testid="case-deadline-promised-due"]')).toBe('2026年12月2日前办结')
  expect(text('[data-testid="case-deadline-promised-left"]')).toBe('还剩3个工作日')

  const steps = wrapper.findAll('[data-testid="case-timeline-step"]')
  expect(steps).toHaveLength(2)
  expect(steps[0]!.text()).toContain('已受理')
  expect(steps[0]!.text()).toContain('2026年11月25日 11:05')
  expect(steps[0]!.get('[data-testid="case-timeline-actor"]').text()).toBe('李娜（昆都仑区人力资源和社会保障局） · 窗口人员')
  expect(steps[0]!.text()).toContain('材料齐全，予以受理。')
  expect(steps[1]!.text()).toContain('已提交（待受理）')
  expect(steps[1]!.get('[data-testid="case-timeline-actor"]').text()).toBe('申请人')
  expect(wrapper.find('[data-testid="case-offline"]').exists()).toBe(false)
})

test('what was submitted shows in full on the case (with labels from the guide) and its files by name', async () => {
  await openCase()
  await vi.waitFor(() => expect(text('[data-testid="case-value-idNumber"]')).toBe('150203199001011232'))
  expect(text('[data-testid="case-value-terminationReason"]')).toBe('劳动合同期满终止')
  expect(text('[data-testid="case-value-terminationDate"]')).toBe('2026年9月30日')
  expect(text('[data-testid="case-material-id-card"]')).toContain('身份证.jpg')
})

test('overdue is said in words; a paused deadline says why; an estimated date says the calendar is missing', async () => {
  await openCase(
    makeCaseDetail({
      status: 'correction_requested',
      deadlines: {
        statutory: makeDeadline({ dueDate: null, workingDaysLeft: 4, paused: true }),
        promised: makeDeadline({ dueDate: '2026-11-20', workingDaysLeft: -3, overdue: true }),
      },
      correction: { items: [{ fieldKey: 'phone', need: '请核对联系电话', name: '联系电话' }], note: null, requestedAt: '2026-11-26T01:00:00.000Z', requestedBy: '李娜（人社局）', afterAcceptance: true, answeredAt: null },
    }),
  )
  expect(text('[data-testid="case-deadline-promised-left"]')).toBe('已超期3个工作日')
  expect(document.querySelector('[data-testid="case-deadline-promised-left"]')!.classList.contains('is-overdue')).toBe(true)
  expect(text('[data-testid="case-deadline-statutory-left"]')).toBe('补正期间暂停计时，还剩4个工作日')
  expect(text('[data-testid="case-deadline-statutory"]')).toContain('等待您补正期间，办理时限暂停计算')
  expect(document.querySelector('[data-testid="case-deadline-statutory-due"]')).toBeNull()
  open.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''

  await openCase(makeCaseDetail({ caseNumber: 'KDL-20261225-0001', deadlines: { statutory: null, promised: makeDeadline({ dueDate: '2027-01-08', workingDaysLeft: 9, estimated: true }) } }))
  expect(text('[data-testid="case-deadline-promised-due"]')).toBe('预计2027年1月8日前办结（当年节假日安排尚未公布，按周一至周五估算）')
  expect(document.querySelector('[data-testid="case-deadline-statutory"]')).toBeNull()
})

test('an open correction request lists every item at once, with what is needed and the way to answer it', async () => {
  await openCase(
    makeCaseDetail({
      status: 'correction_requested',
      correction: {
        items: [
          { materialId: 'id-card', need: '身份证照片不清晰，请重新拍摄正反面', name: '居民身份证或社会保障卡' },
          { fieldKey: 'phone', need: '联系电话与登记不一致，请核对', name: '联系电话' },
        ],
        note: '请在5个工作日内补正',
        requestedAt: '2026-11-26T01:00:00.000Z',
        requestedBy: '李娜（昆都仑区人力资源和社会保障局）',
        afterAcceptance: true,
        answeredAt: null,
      },
    }),
  )
  expect(text('[data-testid="case-correction"]')).toContain('李娜（昆都仑区人力资源和社会保障局）一次性告知需要补正以下2项')
  expect(text('[data-testid="correction-item-material-id-card"]')).toBe('居民身份证或社会保障卡（补交材料）身份证照片不清晰，请重新拍摄正反面')
  expect(text('[data-testid="correction-item-field-phone"]')).toBe('联系电话（更正填写内容）联系电话与登记不一致，请核对')
  expect(text('[data-testid="case-correction"]')).toContain('请在5个工作日内补正')
  expect(document.querySelector('[data-testid="case-correction-answer"]')!.getAttribute('href')).toBe(`/me/cases/${CASE_NUMBER}/correction`)
})

test('an answer waiting in the outbox says it goes when online; once the case is resubmitted, 已提交补正', async () => {
  const correction = { items: [{ fieldKey: 'phone', need: '请核对', name: '联系电话' }], note: null, requestedAt: '2026-11-26T01:00:00.000Z', requestedBy: '李娜（人社局）', afterAcceptance: false, answeredAt: null }
  await db.outbox.put({
    id: 'write-2',
    kind: 'correction-response',
    ownerId: OWNER.id,
    summary: '补正 · 失业保险金申领',
    state: 'pending',
    createdAt: '2026-11-26T02:00:00.000Z',
    attempts: 1,
    nextAttemptAt: Date.now() + 600_000,
    claimedAt: null,
    sentAt: null,
    error: null,
    body: { caseNumber: CASE_NUMBER, itemName: '失业保险金申领', filesKey: `correction:${OWNER.id}:${CASE_NUMBER}`, materials: [], values: { phone: '13800000001' }, note: null },
    response: null,
  } as OutboxItem)
  await openCase(makeCaseDetail({ status: 'correction_requested', correction }))
  await vi.waitFor(() => expect(text('[data-testid="case-correction-waiting"]')).toContain('联网后会自动提交'))
  expect(document.querySelector('[data-testid="case-correction-answer"]')).toBeNull()
  open.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''

  await openCase(makeCaseDetail({ caseNumber: 'KDL-20261125-0009', status: 'resubmitted' }))
  expect(text('[data-testid="case-correction-sent"]')).toContain('已提交补正')
})

test('the result says how to collect it: the place and hours, or the carrier and tracking number', async () => {
  await openCase(makeCaseDetail({ status: 'result_issued', result: { issuedAt: '2026-12-01T02:00:00.000Z', delivery: { method: 'pickup', place: '昆都仑区政务服务中心一楼12号窗口', hours: '工作日9:00-12:00，13:30-17:00' } } }))
  expect(text('[data-testid="case-result-method"]')).toBe('窗口自取')
  expect(text('[data-testid="case-result-place"]')).toBe('昆都仑区政务服务中心一楼12号窗口')
  expect(text('[data-testid="case-result"]')).toContain('工作日9:00-12:00，13:30-17:00')
  open.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''

  await openCase(
    makeCaseDetail({ caseNumber: 'KDL-20261125-0010', status: 'completed', result: { issuedAt: '2026-12-01T02:00:00.000Z', delivery: { method: 'post', carrier: '中国邮政EMS', trackingNumber: '1234567890123' } } }),
  )
  expect(text('[data-testid="case-result-method"]')).toBe('邮寄送达')
  expect(text('[data-testid="case-result-tracking"]')).toBe('1234567890123')
  expect(text('[data-testid="case-result"]')).toContain('中国邮政EMS')
})

test('a refusal gives its reasons and legal basis', async () => {
  await openCase(
    makeCaseDetail({
      status: 'rejected',
      refusal: { kind: 'rejected', reasons: ['申请人不符合领取条件'], legalBasis: [{ name: '失业保险条例', article: '第十四条' }], decidedAt: '2026-12-01T02:00:00.000Z', decidedBy: '王强（人社局）' },
    }),
  )
  expect(text('[data-testid="case-refusal"]')).toContain('王强（人社局）决定不予许可')
  expect(text('[data-testid="case-refusal"]')).toContain('申请人不符合领取条件')
  expect(text('[data-testid="case-refusal"]')).toContain('《失业保险条例》第十四条')
})

test('offline, the case kept on the phone shows with the time of its progress', async () => {
  await openCase()
  open.splice(0).forEach((wrapper) => wrapper.unmount())
  document.body.innerHTML = ''

  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
  const { wrapper } = await mountPage(CaseDetailPage, `/me/cases/${CASE_NUMBER}`, { caseNumber: CASE_NUMBER })
  open.push(wrapper)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="case-header"]').exists()).toBe(true))
  expect(wrapper.get('[data-testid="case-offline"]').text()).toMatch(/^离线，显示的是 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 的进度$/)
  expect(wrapper.findAll('[data-testid="case-timeline-step"]')).toHaveLength(2)
  expect(text('[data-testid="case-deadline-promised-left"]')).toBe('还剩3个工作日')
})

test('a case that is not the citizen\'s (404) is not shown, and its kept copy leaves the phone', async () => {
  await db.caseDetails.put({ caseNumber: CASE_NUMBER, ownerId: OWNER.id, detail: makeCaseDetail(), fetchedAt: '2026-11-25T03:00:00.000Z' })
  vi.stubGlobal('fetch', vi.fn(serveCases({ details: [] })))
  const { wrapper } = await mountPage(CaseDetailPage, `/me/cases/${CASE_NUMBER}`, { caseNumber: CASE_NUMBER })
  open.push(wrapper)
  await vi.waitFor(() => expect(wrapper.find('[data-testid="case-not-found"]').exists()).toBe(true))
  expect(await db.caseDetails.count()).toBe(0)
})
