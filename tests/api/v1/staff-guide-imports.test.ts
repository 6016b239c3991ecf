import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GuidesImportReport } from '../../../contract/staff.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { signedInStaff, type SessionHeaders } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { guideEntry, importFile, material } from './guide-factories.ts'

let testApp: TestApp
let admin: SessionHeaders
let supervisor: SessionHeaders
let clerk: SessionHeaders
beforeAll(async () => {
  testApp = await buildTestApp()
  const { app, db } = testApp
  admin = (await signedInStaff(app, db, { username: 'import.admin', role: 'admin', password: 'import-admin-password' })).headers
  supervisor = (await signedInStaff(app, db, { username: 'police.chief', role: 'supervisor', password: 'police-chief-password', departmentIds: ['public-security'] })).headers
  clerk = (await signedInStaff(app, db, { username: 'police.clerk', role: 'clerk', password: 'police-clerk-password', departmentIds: ['public-security'] })).headers
})
afterAll(() => testApp.close())

const importGuides = (headers: Record<string, string>, file: unknown) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/staff/guides/imports', headers, payload: file as object })

/** An entry of the fixture's civil-affairs department. */
const civilAffairsEntry = (code: string) => guideEntry(code, { departmentId: 'civil-affairs', themeIds: ['social-assistance'] })

describe('POST /api/v1/staff/guides/imports', () => {
  it('imports the import:guides file and answers the per-guide report; audit-logged', async () => {
    const response = await importGuides(admin, importFile([guideEntry('HTTPIMPORT01'), guideEntry('HTTPIMPORT02', { materials: [material({ name: '其他材料' })] })]))
    expect(response.statusCode, response.body).toBe(200)
    const report = response.json<GuidesImportReport>()
    expect(report.guides.map(({ code, outcome, version }) => ({ code, outcome, version }))).toEqual([
      { code: 'HTTPIMPORT01', outcome: 'published', version: 1 },
      { code: 'HTTPIMPORT02', outcome: 'draft', version: 1 },
    ])
    expect(report.guides[1]!.problems.filter((problem) => problem.severity === 'blocking').map((problem) => problem.message)).toEqual([
      '申请材料“其他材料”是模糊性兜底表述，不得发布（第七条（一））',
    ])
    expect((await testApp.app.inject('/api/v1/items/HTTPIMPORT01')).statusCode).toBe(200)

    const entry = await testApp.db.selectFrom('audit_log').selectAll().where('action', '=', 'guides.import').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(entry).toMatchObject({
      actor: 'import.admin',
      detail: { departments: 0, themes: 0, guides: [{ code: 'HTTPIMPORT01', outcome: 'published', version: 1 }, { code: 'HTTPIMPORT02', outcome: 'draft', version: 1 }] },
    })
  })

  it('takes files larger than ordinary request bodies', async () => {
    const guides = Array.from({ length: 40 }, (_, index) => guideEntry(`HTTPBULK${String(index).padStart(4, '0')}`))
    const file = importFile(guides)
    expect(JSON.stringify(file).length).toBeGreaterThan(64 * 1024)
    const response = await importGuides(admin, file)
    expect(response.statusCode, response.body).toBe(200)
    expect(new Set(response.json<GuidesImportReport>().guides.map((guide) => guide.outcome))).toEqual(new Set(['published']))
  })

  it('lets a supervisor import the guides of their department', async () => {
    const response = await importGuides(supervisor, importFile([guideEntry('HTTPPOLICE01')]))
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json<GuidesImportReport>().guides[0]).toMatchObject({ outcome: 'published' })
  })

  it("refuses a supervisor another department's guides, departments, items and theme renames, writing nothing", async () => {
    const before = await testApp.countRows()
    const response = await importGuides(supervisor, {
      format: 'kundulun-guides/1',
      departments: [{ id: 'civil-affairs', name: '昆都仑区民政局（改名）', shortName: '民政' }],
      themes: [{ id: 'identity-documents', name: '身份证件', audience: 'individual' }],
      guides: [civilAffairsEntry('HTTPCIVIL001'), guideEntry('1115020300003700100001')],
    })
    const body = expectErrorBody(response, 403, 'OUTSIDE_DEPARTMENT')
    expect(body.details).toEqual([
      { path: '/body/departments/0', message: '无权维护部门“civil-affairs”' },
      { path: '/body/themes/0', message: '主题“证件办理”由系统管理员维护，不能修改' },
      { path: '/body/guides/0/guide/departmentId', message: '无权导入部门“civil-affairs”的事项' },
      { path: '/body/guides/1/code', message: '事项“1115020300003700100001”属于其他部门，无权修改' },
    ])
    expect(await testApp.countRows()).toEqual(before)
  })

  it('lets a supervisor add a new theme or repeat an existing one unchanged', async () => {
    const response = await importGuides(supervisor, {
      format: 'kundulun-guides/1',
      themes: [
        { id: 'identity-documents', name: '证件办理', audience: 'individual' },
        { id: 'household-registration', name: '户籍办理', audience: 'individual' },
      ],
      guides: [],
    })
    expect(response.statusCode, response.body).toBe(200)
  })

  it('refuses clerks (403) and citizens or anonymous callers (401)', async () => {
    expectErrorBody(await importGuides(clerk, importFile([])), 403, 'FORBIDDEN')
    expectErrorBody(await importGuides({}, importFile([])), 401, 'AUTHENTICATION_REQUIRED')
  })

  it('rejects a guide whose attachment is a file path, which HTTP cannot read', async () => {
    const entry = guideEntry('HTTPATTACH01', { materials: [material({ blankForm: { path: 'forms/blank.pdf' } as never })] })
    const response = await importGuides(admin, importFile([entry]))
    expect(response.statusCode, response.body).toBe(200)
    const [guide] = response.json<GuidesImportReport>().guides
    expect(guide).toMatchObject({ outcome: 'rejected', errors: [{ path: '/guide/materials/0/blankForm', message: '此处导入不支持附件文件（请用 npm run import:guides 从文件导入）' }] })
  })

  it('refuses a file in another format with 400', async () => {
    expectErrorBody(await importGuides(admin, { format: 'other/1', guides: [] }), 400, 'VALIDATION_FAILED')
  })
})
