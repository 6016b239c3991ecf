import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApplicationForm } from '../../../contract/application-form.ts'
import type { ServiceItem } from '../../../contract/guides.ts'
import { importGuides } from '../../../server/src/guides/import-guides.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { guideEntry, importFile } from './guide-factories.ts'

// The one-form application (contract/application-form.ts) travels with its guide through the
// import and the items API, and is judged by the publishing rules like the rest of the guide.

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
})
afterAll(() => testApp.close())

const importEntries = (entries: unknown[]) => testApp.db.transaction().execute((trx) => importGuides(trx, importFile(entries)))

/** A form for the fixture guide (materials household-register and guardian-id, question applicant: self / guardian). */
function form(overrides: Partial<ApplicationForm> = {}): ApplicationForm {
  return {
    title: '居民身份证申领登记表',
    materialIds: ['household-register', 'guardian-id'],
    groups: [
      {
        id: 'applicant',
        title: '申领人信息',
        fields: [
          { type: 'text', key: 'name', label: '申领人姓名', required: true, maxLength: 50, prefill: 'name', prefillWhen: { applicant: ['self'] } },
          { type: 'idNumber', key: 'idNumber', label: '公民身份号码', required: true, prefill: 'idNumber' },
          { type: 'number', key: 'height', label: '身高（厘米）', required: false, integer: true, min: 30, max: 250, unit: '厘米' },
        ],
      },
      {
        id: 'guardian',
        title: '监护人',
        when: { applicant: ['guardian'] },
        fields: [
          {
            type: 'tableRows', key: 'guardians', label: '监护人', required: true, minRows: 1, maxRows: 2,
            columns: [
              { type: 'text', key: 'name', label: '姓名', required: true },
              { type: 'phone', key: 'phone', label: '联系电话', required: true },
            ],
          },
        ],
      },
    ],
    ...overrides,
  }
}

describe('importing a guide with an application form', () => {
  it('publishes it and serves the form exactly as imported', async () => {
    const [result] = (await importEntries([guideEntry('APPLYFORM001', { applicationForm: form() })])).guides
    expect(result).toMatchObject({ outcome: 'published', version: 1, kept: [] })
    const item = (await testApp.app.inject('/api/v1/items/APPLYFORM001')).json<ServiceItem>()
    expect(item.guide.applicationForm).toEqual(form())
  })

  it('leaves a guide without a form without one', async () => {
    await importEntries([guideEntry('NOFORM000001')])
    const item = (await testApp.app.inject('/api/v1/items/NOFORM000001')).json<ServiceItem>()
    expect(item.guide).not.toHaveProperty('applicationForm')
  })

  it('keeps a form naming a material the guide does not list as a draft, with the problem', async () => {
    const [result] = (await importEntries([guideEntry('APPLYFORM002', { applicationForm: form({ materialIds: ['marriage-certificate'] }) })])).guides
    expect(result).toMatchObject({ outcome: 'draft' })
    expect(result!.problems.filter((problem) => problem.severity === 'blocking')).toEqual([
      { element: '一表申请', path: '/applicationForm/materialIds/0', severity: 'blocking', message: '一表申请要求上传的申请材料“marriage-certificate”不在申请材料清单中' },
    ])
  })

  it('rejects a form with a field type the schema does not know, naming the field and the types it knows', async () => {
    const broken = form()
    Object.assign(broken.groups[0]!.fields[0]!, { type: 'signature' })
    const [result] = (await importEntries([guideEntry('APPLYFORM003', { applicationForm: broken })])).guides
    expect(result).toMatchObject({ outcome: 'rejected' })
    expect(result!.errors).toEqual([
      {
        path: '/guide/applicationForm/groups/0/fields/0/type',
        message: '取值不符合要求：type 应为以下取值之一：text、textarea、number、date、choice、address、idNumber、creditCode、phone、tableRows，实际为 "signature"',
      },
    ])
  })

  it('rejects a misspelt field property rather than ignore it', async () => {
    const broken = form()
    Object.assign(broken.groups[0]!.fields[1]!, { requried: false })
    const [result] = (await importEntries([guideEntry('APPLYFORM005', { applicationForm: broken })])).guides
    expect(result).toMatchObject({ outcome: 'rejected' })
    expect(result!.errors.map((error) => error.path)).toEqual(['/guide/applicationForm/groups/0/fields/1/requried'])
  })

  it('keeps unknown properties of the form and its groups in sourceExtra, like any other part of a guide', async () => {
    const withExtra = { ...form(), sourceFormNumber: 'B-12' }
    const [result] = (await importEntries([guideEntry('APPLYFORM004', { applicationForm: withExtra as ApplicationForm })])).guides
    expect(result).toMatchObject({ outcome: 'published', kept: ['/guide/applicationForm/sourceFormNumber'] })
  })
})
