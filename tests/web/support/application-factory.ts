import type { ApplicationForm } from '../../../contract/application-form.ts'
import type { Profile } from '../../../contract/profile.ts'
import type { ServiceItem } from '../../../contract/guides.ts'
import type { DraftRecord } from '../../../src/db/app-db.ts'
import { makeMaterial, makeServiceItem } from './guide-factory.ts'

export const OWNER = { id: 'citizen-1', maskedPhone: '138****0000' }

export const profile: Profile = {
  name: '王小明',
  idNumber: '150203199001011232',
  phone: '13800000000',
  address: '内蒙古自治区包头市昆都仑区钢铁大街1号',
  updatedAt: '2026-11-20T02:00:00.000Z',
}

/** A short 失业保险金申领登记表: prefilled fields, a date, a choice; an ID card to attach and a 容缺 proof. */
export const applicationForm: ApplicationForm = {
  title: '失业保险金申领登记表',
  materialIds: ['id-card', 'termination-proof'],
  groups: [
    {
      id: 'claimant',
      title: '申领人',
      fields: [
        { type: 'text', key: 'name', label: '申领人姓名', required: true, maxLength: 50, prefill: 'name' },
        { type: 'idNumber', key: 'idNumber', label: '公民身份号码', required: true, prefill: 'idNumber' },
        { type: 'phone', key: 'phone', label: '联系电话', required: true, prefill: 'phone' },
        { type: 'text', key: 'formerEmployer', label: '原工作单位', required: true, maxLength: 100 },
      ],
    },
    {
      id: 'employment',
      title: '失业情况',
      fields: [
        { type: 'date', key: 'terminationDate', label: '解除劳动关系日期', required: true, notInFuture: true },
        {
          type: 'choice',
          key: 'terminationReason',
          label: '解除原因',
          required: true,
          multiple: false,
          options: [
            { value: 'contract_expired', label: '劳动合同期满终止' },
            { value: 'terminated_by_employer', label: '被用人单位解除劳动合同' },
          ],
        },
      ],
    },
  ],
}

export function makeApplicationItem(overrides: Partial<ServiceItem> = {}): ServiceItem {
  return makeServiceItem(
    {
      name: '失业保险金申领',
      situations: [],
      materials: [
        makeMaterial({ id: 'id-card', name: '居民身份证或社会保障卡' }),
        makeMaterial({ id: 'termination-proof', name: '解除或终止劳动关系证明', deferrable: true }),
      ],
      applicationForm,
    },
    { code: '000176051000001', ...overrides },
  )
}

export function makeDraft(overrides: Partial<DraftRecord> = {}): DraftRecord {
  return {
    id: 'draft-1',
    ownerId: OWNER.id,
    itemCode: '000176051000001',
    itemName: '失业保险金申领',
    guideVersion: 1,
    answers: {},
    values: {},
    companyId: null,
    materials: {},
    createdAt: '2026-11-25T01:00:00.000Z',
    updatedAt: '2026-11-25T01:00:00.000Z',
    submissionId: null,
    ...overrides,
  }
}

const json = (body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', ...headers } })

/** Answers the app's reads for a signed-in citizen applying for `item`; writes fail as if offline. */
export function serveApplicant(item: ServiceItem) {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input)
    if (init?.method && init.method !== 'GET') throw new TypeError('Failed to fetch')
    if (url === '/api/v1/me') return json({ ...OWNER, csrfToken: 'token', sessionExpiresAt: '2026-12-25T00:00:00.000Z' })
    if (url.startsWith('/api/v1/items/')) return json(item, { etag: `"v${item.current.version}"` })
    if (url === '/api/v1/me/profile') return json(profile)
    if (url === '/api/v1/me/companies') return json({ companies: [] })
    if (url.startsWith('/api/v1/catalogue/changes')) return json({ cursor: '1', full: true, changed: [], withdrawn: [], departments: [], themes: [] })
    return new Response('{}', { status: 404 })
  }
}
