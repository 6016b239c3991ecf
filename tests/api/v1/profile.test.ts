import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Company, CompanyList, Profile, ProfileInput } from '../../../contract/profile.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { signedInStaff, signInCitizen, type SignedInCitizen } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { idempotencyKey } from './factories.ts'

let testApp: TestApp
let owner: SignedInCitizen
let other: SignedInCitizen
beforeAll(async () => {
  testApp = await buildTestApp()
  owner = await signInCitizen(testApp.app)
  other = await signInCitizen(testApp.app)
})
afterAll(() => testApp.close())

// Real-format test data: valid GB 11643 and GB 32100 check characters, fictitious people and firms.
const idNumber = '150203199001011232'
const profileInput: ProfileInput = { name: '王小明', idNumber, phone: '13800000000', address: '内蒙古自治区包头市昆都仑区钢铁大街 1 号' }
const company = { name: '包头市示例商贸有限公司', creditCode: '91150203MA0Q12345G', legalRepresentative: '王小明' }

const getProfile = (who: SignedInCitizen) => testApp.app.inject({ method: 'GET', url: '/api/v1/me/profile', headers: who.headers })
const putProfile = (who: SignedInCitizen, payload: object) => testApp.app.inject({ method: 'PUT', url: '/api/v1/me/profile', headers: who.headers, payload })
const addCompany = (who: SignedInCitizen, payload: object = company) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/me/companies', headers: { ...who.headers, 'idempotency-key': idempotencyKey() }, payload })
const listCompanies = (who: SignedInCitizen) => testApp.app.inject({ method: 'GET', url: '/api/v1/me/companies', headers: who.headers })

describe('我的资料', () => {
  it('starts empty, with the sign-in number as the phone', async () => {
    const fresh = await signInCitizen(testApp.app)
    expect((await getProfile(fresh)).json<Profile>()).toEqual({ name: null, idNumber: null, phone: fresh.phone, address: null, updatedAt: null })
  })

  it('saves and returns the whole profile, the full ID number to its owner, normalised', async () => {
    const response = await putProfile(owner, { ...profileInput, name: ' 王小明 ', idNumber: '150203 19900101 1232', phone: '+86 138-0000-0000' })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.headers['cache-control']).toBe('private, no-store')
    const saved = (await getProfile(owner)).json<Profile>()
    expect(saved).toMatchObject({ ...profileInput, updatedAt: expect.any(String) })
  })

  it('upper-cases a final x of the ID number', async () => {
    const fresh = await signInCitizen(testApp.app)
    const withX = '11010519491231002X'
    expect((await putProfile(fresh, { ...profileInput, idNumber: withX.toLowerCase() })).json<Profile>().idNumber).toBe(withX)
  })

  it('refuses a wrong check character, an impossible birth date and a bad mobile number, all at once and in Chinese', async () => {
    const before = await testApp.countRows()
    const response = await putProfile(owner, { ...profileInput, idNumber: '150203199001011233', phone: '1380000000' })
    const body = expectErrorBody(response, 400, 'VALIDATION_FAILED')
    expect(body.details).toEqual([
      { path: '/body/idNumber', message: '身份证号码校验位不正确，请逐位核对' },
      { path: '/body/phone', message: '手机号码应为以1开头的11位数字' },
    ])
    const birthDate = expectErrorBody(await putProfile(owner, { ...profileInput, idNumber: '150203199002301236' }), 400, 'VALIDATION_FAILED')
    expect(birthDate.details).toEqual([{ path: '/body/idNumber', message: '身份证号码中的出生日期无效' }])
    expect(await testApp.countRows()).toEqual(before)
    expect((await getProfile(owner)).json<Profile>().idNumber).toBe(idNumber)
  })

  it('clears a field with null', async () => {
    const fresh = await signInCitizen(testApp.app)
    await putProfile(fresh, profileInput)
    expect((await putProfile(fresh, { ...profileInput, address: null })).json<Profile>().address).toBeNull()
  })

  it('gives every citizen only their own profile', async () => {
    expect((await getProfile(other)).json<Profile>()).toMatchObject({ name: null, idNumber: null, phone: other.phone })
    expect((await getProfile(other)).body).not.toContain(idNumber)
  })

  it('needs a signed-in citizen: 401 anonymously, 401 for staff', async () => {
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: '/api/v1/me/profile' }), 401, 'AUTHENTICATION_REQUIRED')
    const staff = await signedInStaff(testApp.app, testApp.db, { username: 'profile.admin', role: 'admin', password: 'profile-admin-password' })
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: '/api/v1/me/profile', headers: staff.headers }), 401, 'AUTHENTICATION_REQUIRED')
  })
})

describe('companies I act for', () => {
  it('adds, lists, changes and removes a company, checking the credit code (GB 32100)', async () => {
    const who = await signInCitizen(testApp.app)
    const added = await addCompany(who, { ...company, creditCode: '91150203ma0q12345g' })
    expect(added.statusCode, added.body).toBe(201)
    const created = added.json<Company>()
    expect(created).toMatchObject(company)
    expect((await listCompanies(who)).json<CompanyList>().companies).toEqual([created])

    const renamed = await testApp.app.inject({
      method: 'PUT',
      url: `/api/v1/me/companies/${created.id}`,
      headers: who.headers,
      payload: { ...company, name: '包头市示例商贸集团有限公司' },
    })
    expect(renamed.json<Company>()).toMatchObject({ id: created.id, name: '包头市示例商贸集团有限公司' })

    const removed = await testApp.app.inject({ method: 'DELETE', url: `/api/v1/me/companies/${created.id}`, headers: who.headers })
    expect(removed.statusCode).toBe(204)
    expect((await listCompanies(who)).json<CompanyList>().companies).toEqual([])
  })

  it('refuses a credit code with a wrong check character, and one saved already', async () => {
    const who = await signInCitizen(testApp.app)
    const wrong = expectErrorBody(await addCompany(who, { ...company, creditCode: '91150203MA0Q12345H' }), 400, 'VALIDATION_FAILED')
    expect(wrong.details).toEqual([{ path: '/body/creditCode', message: '统一社会信用代码校验位不正确，请逐位核对' }])
    expect((await addCompany(who)).statusCode).toBe(201)
    expectErrorBody(await addCompany(who), 409, 'COMPANY_EXISTS')
  })
})

describe("another citizen's data (IDOR)", () => {
  let ownersCompany: Company
  beforeAll(async () => {
    ownersCompany = (await addCompany(owner, { ...company, creditCode: '91150203MA0R00001B', name: '包头市甲公司' })).json<Company>()
  })

  it("never lists another citizen's companies", async () => {
    const listed = (await listCompanies(other)).json<CompanyList>()
    expect(listed.companies.map((candidate) => candidate.id)).not.toContain(ownersCompany.id)
    expect(JSON.stringify(listed)).not.toContain('包头市甲公司')
  })

  it("answers 404 to changing or removing another citizen's company, and leaves it as it was", async () => {
    const url = `/api/v1/me/companies/${ownersCompany.id}`
    const change = await testApp.app.inject({ method: 'PUT', url, headers: other.headers, payload: { ...company, name: '被篡改的名称' } })
    expectErrorBody(change, 404, 'NOT_FOUND')
    expect(change.body).not.toContain('包头市甲公司')
    expectErrorBody(await testApp.app.inject({ method: 'DELETE', url, headers: other.headers }), 404, 'NOT_FOUND')
    expect((await listCompanies(owner)).json<CompanyList>().companies).toContainEqual(ownersCompany)
  })
})
