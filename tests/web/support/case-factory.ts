import type { CaseDetail, CaseSummary } from '../../../contract/applications.ts'
import type { CaseDeadline } from '../../../contract/case-lifecycle.ts'
import type { ServiceItem } from '../../../contract/guides.ts'
import { OWNER, profile } from './application-factory.ts'

export const CASE_NUMBER = 'KDL-20261125-0007'
export const ITEM_CODE = '000176051000001'

export function makeDeadline(overrides: Partial<CaseDeadline> = {}): CaseDeadline {
  return {
    timeLimit: { text: '5个工作日', days: 5, unit: 'working_day' },
    startDate: '2026-11-25',
    dueDate: '2026-12-02',
    workingDaysLeft: 3,
    overdue: false,
    paused: false,
    pausedDays: 0,
    stoppedOn: null,
    estimated: false,
    ...overrides,
  }
}

export function makeCaseSummary(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    caseNumber: CASE_NUMBER,
    itemCode: ITEM_CODE,
    itemName: '失业保险金申领',
    status: 'accepted',
    submittedAt: '2026-11-25T02:30:00.000Z',
    expectedCompletionDate: '2026-12-02',
    deferredMaterials: 0,
    acceptedOn: '2026-11-25',
    deadlines: {
      statutory: makeDeadline({ timeLimit: { text: '15个工作日', days: 15, unit: 'working_day' }, dueDate: '2026-12-16', workingDaysLeft: 13 }),
      promised: makeDeadline(),
    },
    ...overrides,
  }
}

/** An accepted 失业保险金申领 case: submitted by the applicant, accepted by a clerk of the 人社局. */
export function makeCaseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  const summary = makeCaseSummary()
  return {
    caseNumber: summary.caseNumber,
    status: summary.status,
    submittedAt: summary.submittedAt,
    itemCode: summary.itemCode,
    itemName: summary.itemName,
    guideVersion: 1,
    handlingBody: '包头市昆都仑区人力资源和社会保障局',
    promisedCompletion: null,
    nextSteps: '窗口将在1个工作日内受理。',
    departmentId: 'dept-hrss',
    guideContentHash: 'a'.repeat(64),
    situationAnswers: {},
    values: { name: profile.name, idNumber: profile.idNumber, phone: profile.phone, formerEmployer: '包头市示例钢铁有限公司', terminationDate: '2026-09-30', terminationReason: 'contract_expired' },
    materials: [
      {
        materialId: 'id-card',
        name: '居民身份证或社会保障卡',
        deferred: false,
        commitment: null,
        files: [{ uploadId: '5a0d7f3e-8c1b-4b5e-9a57-0f3c2e1d4b6a', sha256: 'b'.repeat(64), fileName: '身份证.jpg', mediaType: 'image/jpeg', bytes: 120_000 }],
      },
    ],
    timeline: [
      { at: '2026-11-25T02:30:00.000Z', status: 'submitted', action: null, actor: '申请人', actorRole: 'applicant', note: '申请已提交，等待窗口受理' },
      { at: '2026-11-25T03:05:00.000Z', status: 'accepted', action: 'accept', actor: '李娜（昆都仑区人力资源和社会保障局）', actorRole: 'clerk', note: '材料齐全，予以受理。' },
    ],
    acceptedOn: summary.acceptedOn,
    deadlines: summary.deadlines,
    correction: null,
    refusal: null,
    result: null,
    availableActions: [],
    ...overrides,
  }
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** Answers the case reads of the signed-in citizen from `cases` (and `item`'s guide); writes fail as if offline. */
export function serveCases(options: { list?: CaseSummary[]; details?: CaseDetail[]; item?: ServiceItem }) {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input)
    if (init?.method && init.method !== 'GET') throw new TypeError('Failed to fetch')
    if (url === '/api/v1/me') return json({ ...OWNER, csrfToken: 'token', sessionExpiresAt: '2026-12-25T00:00:00.000Z' })
    if (url === '/api/v1/me/cases') return json({ cases: options.list ?? [] })
    const detail = options.details?.find((candidate) => url === `/api/v1/me/cases/${candidate.caseNumber}`)
    if (detail) return json(detail)
    if (options.item && url.startsWith('/api/v1/items/')) return json(options.item)
    if (url.startsWith('/api/v1/catalogue/changes')) return json({ cursor: '1', full: true, changed: [], withdrawn: [], departments: [], themes: [] })
    return json({ code: 'NOT_FOUND', message: '没有找到' }, 404)
  }
}
