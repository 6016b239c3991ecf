import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { ApplicationInput, Upload } from '../../../contract/applications.ts'
import type { ApplicationForm } from '../../../contract/application-form.ts'
import { importGuides } from '../../../server/src/guides/import-guides.ts'
import type { TestApp } from '../support/test-app.ts'
import { signInCitizen } from '../support/sign-in.ts'
import { guideEntry, importFile, material } from './guide-factories.ts'

/** A PNG's first bytes: enough for the server's type sniffing. */
export const pngBytes = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)])
export const pdfBytes = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')

/** A test item of the fixture's public-security department whose guide carries a form with materials. */
export const formItemCode = '1115020300099900100001'

/**
 * The form of formItemCode: name, ID number and phone; materials 户口簿 (required), 照片
 * (required, 容缺) and the guardian's ID (only when a guardian applies), the 申请表 itself replaced.
 */
export const testForm: ApplicationForm = {
  title: '测试申请表',
  formMaterialId: 'application-form',
  materialIds: ['application-form', 'household-register', 'photo', 'guardian-id'],
  groups: [
    {
      id: 'applicant',
      title: '申请人基本情况',
      fields: [
        { type: 'text', key: 'name', label: '姓名', required: true, maxLength: 50, prefill: 'name' },
        { type: 'idNumber', key: 'idNumber', label: '公民身份号码', required: true, prefill: 'idNumber' },
        { type: 'phone', key: 'phone', label: '联系电话', required: true },
      ],
    },
    {
      id: 'guardian',
      title: '监护人',
      when: { applicant: ['guardian'] },
      fields: [{ type: 'text', key: 'guardianName', label: '监护人姓名', required: true }],
    },
  ],
}

/** Publishes formItemCode (again, as a new version when `changeNote` changes something). */
export async function publishFormItem(testApp: TestApp, changes: { changeNote?: string; effectiveDate?: string; photoName?: string } = {}): Promise<void> {
  const materials = [
    material({ id: 'application-form', name: '测试申请表' }),
    material({ id: 'household-register', name: '居民户口簿' }),
    material({ id: 'photo', name: changes.photoName ?? '近期免冠照片', deferrable: true }),
    material({ id: 'guardian-id', name: '监护人居民身份证', when: { applicant: ['guardian'] } }),
  ]
  const entry = guideEntry(formItemCode, { materials, applicationForm: testForm }, { effectiveDate: changes.effectiveDate ?? '2026-01-01', ...(changes.changeNote && { changeNote: changes.changeNote }) })
  const report = await testApp.db.transaction().execute((trx) => importGuides(trx, importFile([entry])))
  const outcome = report.guides[0]!
  if (outcome.outcome !== 'published' && outcome.outcome !== 'unchanged') throw new Error(`The test item was not published: ${JSON.stringify(report)}`)
}

/** A new citizen's session headers (cookie and X-CSRF-Token), as a plain header record. */
export async function citizenHeaders(app: FastifyInstance): Promise<Record<string, string>> {
  return { ...(await signInCitizen(app)).headers }
}

/** Uploads `bytes` as the citizen of `headers`. */
export function upload(app: FastifyInstance, headers: Record<string, string>, bytes: Buffer, { fileName = '户口簿.png', contentType = 'image/png' } = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/uploads',
    headers: { ...headers, 'content-type': contentType, 'x-file-name': encodeURIComponent(fileName) },
    payload: bytes,
  })
}

export async function uploadId(app: FastifyInstance, headers: Record<string, string>, bytes = pngBytes): Promise<string> {
  const response = await upload(app, headers, bytes)
  if (response.statusCode !== 201) throw new Error(`Upload refused: ${response.body}`)
  return response.json<Upload>().uploadId
}

/** A valid application for formItemCode with the household register attached and the photo deferred. */
export function formApplication(householdUploadIds: string[], overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    itemCode: formItemCode,
    guideVersion: 1,
    situationAnswers: { applicant: 'self' },
    values: { name: '王小明', idNumber: '150203199001011232', phone: '13800000000' },
    materials: [
      { materialId: 'household-register', uploadIds: householdUploadIds },
      { materialId: 'photo', deferred: true, commitment: '本人承诺在受理后5个工作日内补交近期免冠照片。' },
    ],
    ...overrides,
  }
}

export function submit(app: FastifyInstance, headers: Record<string, string>, input: unknown, key: string = randomUUID()) {
  return app.inject({ method: 'POST', url: '/api/v1/applications', headers: { ...headers, 'idempotency-key': key }, payload: input as object })
}
