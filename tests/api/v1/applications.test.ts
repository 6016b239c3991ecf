import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateApplication } from '../../../contract/application-validation.ts'
import type { ApplicationError, CaseDetail, CaseList, CaseReceipt } from '../../../contract/applications.ts'
import type { ServiceItem } from '../../../contract/guides.ts'
import { shanghaiToday } from '../../../contract/local-date.ts'
import { bundledWorkingDayCalendar } from '../../../contract/working-days/working-days.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { fixtureApplication } from '../support/generated/principals.ts'
import { signedInStaff } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { citizenHeaders, formApplication, formItemCode, publishFormItem, submit, uploadId } from './application-factories.ts'
import { idempotencyKey } from './factories.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
  await publishFormItem(testApp)
})
afterAll(() => testApp.close())

const caseCount = async () => (await testApp.countRows()).cases ?? 0
const readMyCase = (headers: Record<string, string>, caseNumber: string) => testApp.app.inject({ method: 'GET', url: `/api/v1/me/cases/${caseNumber}`, headers })

/** Submits the test item's application with a fresh upload, as a new citizen. */
async function submitted(): Promise<{ headers: Record<string, string>; receipt: CaseReceipt; uploadIds: string[] }> {
  const headers = await citizenHeaders(testApp.app)
  const uploadIds = [await uploadId(testApp.app, headers)]
  const response = await submit(testApp.app, headers, formApplication(uploadIds))
  expect(response.statusCode, response.body).toBe(201)
  return { headers, receipt: response.json<CaseReceipt>(), uploadIds }
}

describe('POST /api/v1/applications', () => {
  it('creates the case and answers the receipt: case number, status, promised completion counted from acceptance, next steps', async () => {
    const { headers, receipt, uploadIds } = await submitted()
    const today = shanghaiToday(new Date(receipt.submittedAt))
    expect(receipt.caseNumber).toMatch(new RegExp(`^KDL-${today.replaceAll('-', '')}-\\d{4}$`))
    expect(receipt).toMatchObject({ status: 'submitted', itemCode: formItemCode, guideVersion: 1, handlingBody: '包头市公安局昆都仑区分局' })
    const acceptance = bundledWorkingDayCalendar.isWorkingDay(today) ? today : bundledWorkingDayCalendar.addWorkingDays(today, 1)
    expect(receipt.promisedCompletion).toMatchObject({
      timeLimit: { text: '20个工作日', days: 20, unit: 'working_day' },
      countedFrom: 'acceptance',
      acceptanceDate: acceptance,
      expectedDate: bundledWorkingDayCalendar.estimateAddWorkingDays(acceptance, 20).date,
    })
    expect(receipt.nextSteps).toContain('自受理之日起计算')
    expect(receipt.nextSteps).toContain('1项容缺材料')

    const detail = (await readMyCase(headers, receipt.caseNumber)).json<CaseDetail>()
    expect(detail).toMatchObject({ ...receipt, departmentId: 'public-security', situationAnswers: { applicant: 'self' } })
    expect(detail.guideContentHash).toMatch(/^[0-9a-f]{64}$/)
    // Stored as validated and normalised; the guardian's group is hidden for 本人 and not kept.
    expect(detail.values).toEqual({ name: '王小明', idNumber: '150203199001011232', phone: '13800000000' })
    expect(detail.materials).toEqual([
      { materialId: 'household-register', name: '居民户口簿', deferred: false, commitment: null, files: [expect.objectContaining({ uploadId: uploadIds[0], mediaType: 'image/png', fileName: '户口簿.png' })] },
      { materialId: 'photo', name: '近期免冠照片', deferred: true, commitment: '本人承诺在受理后5个工作日内补交近期免冠照片。', files: [] },
    ])
    expect(detail.timeline).toEqual([
      { at: receipt.submittedAt, status: 'submitted', action: null, actor: '申请人', actorRole: 'applicant', note: '网上提交申请，等待包头市公安局昆都仑区分局受理' },
    ])

    const list = (await testApp.app.inject({ method: 'GET', url: '/api/v1/me/cases', headers })).json<CaseList>()
    expect(list.cases).toEqual([
      { caseNumber: receipt.caseNumber, itemCode: formItemCode, itemName: receipt.itemName, status: 'submitted', submittedAt: receipt.submittedAt, expectedCompletionDate: receipt.promisedCompletion!.expectedDate, deferredMaterials: 1, acceptedOn: null, deadlines: expect.objectContaining({}) },
    ])
  })

  it('numbers the cases of one day consecutively', async () => {
    const first = (await submitted()).receipt.caseNumber
    const second = (await submitted()).receipt.caseNumber
    expect(Number(second.split('-')[2])).toBe(Number(first.split('-')[2]) + 1)
  })

  it('answers a retry with the same key with the first receipt and makes one case', async () => {
    const headers = await citizenHeaders(testApp.app)
    const input = formApplication([await uploadId(testApp.app, headers)])
    const key = idempotencyKey()
    const before = await caseCount()
    const first = await submit(testApp.app, headers, input, key)
    const retry = await submit(testApp.app, headers, input, key)
    expect(first.statusCode, first.body).toBe(201)
    expect(retry.statusCode).toBe(201)
    expect(retry.json()).toEqual(first.json())
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(await caseCount()).toBe(before + 1)
  })

  it('refuses the same key with a different body (IDEMPOTENCY_KEY_REUSED) and makes no second case', async () => {
    const headers = await citizenHeaders(testApp.app)
    const input = formApplication([await uploadId(testApp.app, headers)])
    const key = idempotencyKey()
    expect((await submit(testApp.app, headers, input, key)).statusCode).toBe(201)
    const before = await caseCount()
    const changed = await submit(testApp.app, headers, { ...input, values: { ...input.values, name: '王大明' } }, key)
    expectErrorBody(changed, 422, 'IDEMPOTENCY_KEY_REUSED')
    expect(await caseCount()).toBe(before)
  })

  it('makes one case from two concurrent requests with one key', async () => {
    const headers = await citizenHeaders(testApp.app)
    const input = formApplication([await uploadId(testApp.app, headers)])
    const key = idempotencyKey()
    const before = await caseCount()
    const answers = await Promise.all([submit(testApp.app, headers, input, key), submit(testApp.app, headers, input, key), submit(testApp.app, headers, input, key)])
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(201)
    expect(new Set(answers.map((answer) => answer.json<CaseReceipt>().caseNumber)).size).toBe(1)
    expect(await caseCount()).toBe(before + 1)
  })

  it('refuses a bad ID number with exactly the messages validateApplication gives the app', async () => {
    const headers = await citizenHeaders(testApp.app)
    const item = (await testApp.app.inject(`/api/v1/items/${fixtureApplication.itemCode}`)).json<ServiceItem>()
    const values = { ...fixtureApplication.values, idNumber: '150203199001011233', phone: '1380000000' }
    const before = await caseCount()
    const response = await submit(testApp.app, headers, { ...fixtureApplication, values })
    const body = expectErrorBody(response, 422, 'APPLICATION_INVALID') as ApplicationError
    const expected = validateApplication(item.guide.applicationForm!, values, {})
    expect(expected.map((error) => error.fieldKey)).toEqual(['idNumber', 'phone'])
    expect(body.fieldErrors).toEqual(expected)
    expect(body.fieldErrors![0]!.message).toContain('公民身份号码')
    expect(await caseCount()).toBe(before)
  })

  it('refuses required fields left empty, field by field, and the fields of the applicant’s situation', async () => {
    const headers = await citizenHeaders(testApp.app)
    const input = formApplication([await uploadId(testApp.app, headers)], { situationAnswers: { applicant: 'guardian' }, values: { name: ' ', idNumber: '150203199001011232', phone: '13800000000' } })
    const body = (await submit(testApp.app, headers, input)).json<ApplicationError>()
    expect(body.fieldErrors).toEqual([
      { fieldKey: 'name', message: '请填写“姓名”' },
      { fieldKey: 'guardianName', message: '请填写“监护人姓名”' },
      { fieldKey: 'materials.guardian-id', message: '请上传“监护人居民身份证”' },
    ])
  })

  it('refuses missing materials, a deferral the guide does not allow, and materials that do not belong', async () => {
    const headers = await citizenHeaders(testApp.app)
    const input = formApplication([], {
      materials: [
        { materialId: 'household-register', deferred: true, commitment: '本人承诺尽快补交户口簿。' },
        { materialId: 'guardian-id', uploadIds: [await uploadId(testApp.app, headers)] },
      ],
    })
    const body = expectErrorBody(await submit(testApp.app, headers, input), 422, 'APPLICATION_INVALID') as ApplicationError
    expect(body.fieldErrors).toEqual([
      { fieldKey: 'materials.guardian-id', message: '该材料不属于本次申请（或不适用于所选情形），请移除后重新提交' },
      { fieldKey: 'materials.household-register', message: '“居民户口簿”不能容缺后补，请上传' },
      { fieldKey: 'materials.photo', message: '请上传“近期免冠照片”，或选择容缺后补' },
    ])
  })

  it('refuses another citizen’s upload, and an upload already attached to a case', async () => {
    const other = { headers: await citizenHeaders(testApp.app) }
    const othersUpload = await uploadId(testApp.app, other.headers)
    const headers = await citizenHeaders(testApp.app)
    const before = await caseCount()
    const foreign = (await submit(testApp.app, headers, formApplication([othersUpload]))).json<ApplicationError>()
    expect(foreign.fieldErrors).toEqual([{ fieldKey: 'materials.household-register', message: '“居民户口簿”的文件已失效或无法使用，请重新上传' }])

    const { headers: owner, uploadIds } = await submitted()
    const reused = (await submit(testApp.app, owner, formApplication(uploadIds))).json<ApplicationError>()
    expect(reused.code).toBe('APPLICATION_INVALID')
    expect(reused.fieldErrors![0]!.fieldKey).toBe('materials.household-register')
    expect(await caseCount()).toBe(before + 1)
  })

  it('answers 404 for an unknown item and 422 for an item without an online form', async () => {
    const headers = await citizenHeaders(testApp.app)
    expectErrorBody(await submit(testApp.app, headers, { ...fixtureApplication, itemCode: '9999999999999' }), 404, 'ITEM_NOT_FOUND')
    expectErrorBody(await submit(testApp.app, headers, { ...fixtureApplication, itemCode: '1115020300011500100001' }), 422, 'APPLICATION_NOT_ONLINE')
  })

  it('refuses a form filled in on an earlier guide version with 409 and the current version', async () => {
    const otherApp = await buildTestApp()
    try {
      await publishFormItem(otherApp)
      await publishFormItem(otherApp, { photoName: '近期一寸免冠照片', effectiveDate: '2026-03-01', changeNote: '照片规格改为一寸' })
      const headers = await citizenHeaders(otherApp.app)
      const input = formApplication([await uploadId(otherApp.app, headers)])
      const response = await submit(otherApp.app, headers, input)
      const body = expectErrorBody(response, 409, 'GUIDE_VERSION_CHANGED') as ApplicationError
      expect(body.currentVersion).toBe(2)
      expect((await submit(otherApp.app, headers, { ...input, guideVersion: 2 })).statusCode).toBe(201)
    } finally {
      await otherApp.close()
    }
  })

  it('needs a signed-in citizen and the CSRF token', async () => {
    expectErrorBody(await submit(testApp.app, {}, fixtureApplication), 401, 'AUTHENTICATION_REQUIRED')
    const headers = await citizenHeaders(testApp.app)
    expectErrorBody(await submit(testApp.app, { cookie: headers.cookie! }, fixtureApplication), 403, 'CSRF_TOKEN_INVALID')
  })
})

describe('who can read a case', () => {
  it('is its applicant: another citizen gets 404 and does not see it in their list', async () => {
    const { receipt } = await submitted()
    const other = { headers: await citizenHeaders(testApp.app) }
    expectErrorBody(await readMyCase(other.headers, receipt.caseNumber), 404, 'NOT_FOUND')
    const list = (await testApp.app.inject({ method: 'GET', url: '/api/v1/me/cases', headers: other.headers })).json<CaseList>()
    expect(list.cases).toEqual([])
  })

  it('is staff of the handling department and administrators, each read audit-logged; other departments get 404', async () => {
    const { receipt } = await submitted()
    const url = `/api/v1/staff/cases/${receipt.caseNumber}`
    const civilAffairs = await signedInStaff(testApp.app, testApp.db, { username: 'ca.clerk', role: 'clerk', password: 'civil-affairs-password', departmentIds: ['civil-affairs'] })
    expectErrorBody(await testApp.app.inject({ method: 'GET', url, headers: { ...civilAffairs.headers } }), 404, 'NOT_FOUND')

    const publicSecurity = await signedInStaff(testApp.app, testApp.db, { username: 'ps.clerk', role: 'clerk', password: 'public-security-password', departmentIds: ['public-security'] })
    const read = await testApp.app.inject({ method: 'GET', url, headers: { ...publicSecurity.headers } })
    expect(read.statusCode, read.body).toBe(200)
    expect(read.json<CaseDetail>()).toMatchObject({ caseNumber: receipt.caseNumber, values: { idNumber: '150203199001011232' } })

    const admin = await signedInStaff(testApp.app, testApp.db, { username: 'case.admin', role: 'admin', password: 'administrator-password' })
    expect((await testApp.app.inject({ method: 'GET', url, headers: { ...admin.headers } })).statusCode).toBe(200)

    const entries = await testApp.db.selectFrom('audit_log').select(['actor', 'action', 'target']).where('target', '=', `case:${receipt.caseNumber}`).orderBy('id').execute()
    expect(entries).toEqual([
      { actor: 'ps.clerk', action: 'case.read', target: `case:${receipt.caseNumber}` },
      { actor: 'case.admin', action: 'case.read', target: `case:${receipt.caseNumber}` },
    ])
  })

  it('never puts personal data in the list', async () => {
    const { headers } = await submitted()
    const body = (await testApp.app.inject({ method: 'GET', url: '/api/v1/me/cases', headers })).body
    expect(body).not.toContain('150203199001011232')
    expect(body).not.toContain('13800000000')
  })
})
