import { randomUUID } from 'node:crypto'
import type { FastifyInstance, InjectOptions } from 'fastify'
import type { ApplicationInput } from '../../../../contract/applications.ts'
import type { StaffRole } from '../../../../contract/staff.ts'
import { hashPassword } from '../../../../server/src/auth/passwords.ts'
import { createStaff, requestCode, signInCitizen, signInStaff, withoutCsrf, type StaffFixture } from '../sign-in.ts'
import type { TestApp, TestEnv } from '../test-app.ts'
import { isAppointmentOperation, prepareAppointmentRequest } from './appointment-fixtures.ts'
import { isComplaintOperation, prepareComplaintRequest } from './complaint-fixtures.ts'
import { isProtected, type Operation } from './openapi-operations.ts'

// Who the generated suites call protected operations as. The staff accounts and the company
// below are what contract `examples` name (contract/staff.ts StaffAccountParams, contract/profile.ts
// CompanyParams), so a synthesised request finds them.

/** Sign-in limits out of the way: the suites sign in once per operation from one address. */
export const generatedSuiteEnv: TestEnv = {
  SIGN_IN_CODE_INTERVAL_SECONDS: '0',
  SIGN_IN_CODES_PER_PHONE_PER_HOUR: '100000',
  SIGN_IN_CODES_PER_ADDRESS_PER_HOUR: '100000',
}

export const fixtureStaff: Record<StaffRole, Required<StaffFixture>> = {
  admin: {
    id: '0f5e8d2c-7b6a-4c1d-8e9f-1a2b3c4d5e6f',
    username: 'fixture.admin',
    displayName: '测试管理员',
    role: 'admin',
    password: 'fixture-admin-password',
    hallIds: [],
    departmentIds: [],
  },
  supervisor: {
    id: '7d3e1f20-9c8b-4a5d-b6e7-2f3a4b5c6d7e',
    username: 'fixture.supervisor',
    displayName: '测试审批科长',
    role: 'supervisor',
    password: 'fixture-supervisor-password',
    hallIds: [],
    departmentIds: ['public-security'],
  },
  clerk: {
    id: '3c9d2e71-5a4b-4f1e-9c0d-7b8a6e5f4d21',
    username: 'fixture.clerk',
    displayName: '测试窗口人员',
    role: 'clerk',
    password: 'fixture-clerk-password',
    hallIds: ['kundulun-civic-centre'],
    departmentIds: ['public-security'],
  },
}

export const fixtureCompany = {
  id: '6a1f0c3e-2b7d-4e59-8f21-0c4d5e6f7a81',
  name: '包头市测试科技有限公司',
  creditCode: '91150203MA0R00001B',
  legalRepresentative: '测试法人',
}

/** The smallest PNG: a valid upload for the uploadMaterial operation. */
export const fixturePng = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

/** A valid application for the fixture item with a form, made of the contract's `examples` (contract/applications.ts). */
export const fixtureApplication: ApplicationInput = {
  itemCode: '1115020300011500200001',
  guideVersion: 1,
  situationAnswers: {},
  values: { name: '王小明', idNumber: '150203199001011232', phone: '13800000000', reason: 'expired' },
  materials: [],
}

/** Submits fixtureApplication as `headers`' citizen; answers the case number. */
export async function submitFixtureApplication(app: FastifyInstance, headers: Record<string, string>): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    headers: { ...headers, 'idempotency-key': randomUUID() },
    payload: fixtureApplication,
  })
  if (response.statusCode !== 201) throw new Error(`The fixture application was refused: ${response.body}`)
  return response.json<{ caseNumber: string }>().caseNumber
}

/** A caller the operation must refuse, and the status it must answer. */
export interface RefusedCaller {
  title: string
  headers: Record<string, string>
  status: 401 | 403
}

const roles: StaffRole[] = ['clerk', 'supervisor', 'admin']
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The staff roles an operation lets in, or null when it takes no staff session. */
function staffRolesOf(operation: Operation): StaffRole[] | null {
  const requirement = operation.security.find((candidate) => 'staffSession' in candidate)
  if (!requirement) return null
  const scopes = requirement.staffSession as StaffRole[]
  return scopes.length === 0 ? roles : scopes
}

const acceptsCitizen = (operation: Operation) => operation.security.some((requirement) => 'citizenSession' in requirement)

export function withHeaders(request: InjectOptions, headers: Record<string, string>): InjectOptions {
  return { ...request, headers: { ...(request.headers as Record<string, string>), ...headers } }
}

/** Callers for the generated suites: signed in through the real flows, fixtures in place. */
export function principals(testApp: TestApp) {
  const { app, db } = testApp
  const hashes = new Map<StaffRole, Promise<string>>()

  /** A fixture staff member signed in afresh, their account restored first (a suite may have changed it). */
  async function staff(role: StaffRole): Promise<Record<string, string>> {
    const fixture = fixtureStaff[role]
    await createStaff(db, fixture)
    if (!hashes.has(role)) hashes.set(role, hashPassword(fixture.password))
    await db
      .updateTable('staff_accounts')
      .set({ role, password_hash: await hashes.get(role)!, disabled_at: null, locked_until: null, failed_sign_ins: 0 })
      .where('id', '=', fixture.id)
      .execute()
    return { ...(await signInStaff(app, fixture.username, fixture.password)).headers }
  }

  /** A new citizen who acts for the fixture company. */
  async function citizen(): Promise<Record<string, string>> {
    const signedIn = await signInCitizen(app)
    const now = new Date()
    await db
      .insertInto('citizen_companies')
      .values({
        id: fixtureCompany.id,
        citizen_id: signedIn.me.id,
        name: fixtureCompany.name,
        credit_code: fixtureCompany.creditCode,
        legal_representative: fixtureCompany.legalRepresentative,
        created_at: now,
        updated_at: now,
      })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ citizen_id: signedIn.me.id, credit_code: fixtureCompany.creditCode }))
      .execute()
    return { ...signedIn.headers }
  }

  return {
    /** Headers of a caller the operation lets in: a fresh citizen, or staff of the first allowed role; none when public. */
    async allowed(operation: Operation): Promise<Record<string, string>> {
      if (!isProtected(operation)) return {}
      if (acceptsCitizen(operation)) return citizen()
      return staff(staffRolesOf(operation)![0]!)
    },

    /**
     * Callers a protected operation must refuse: the other kind of session (401), staff of a role
     * not allowed (403), and for writes the right session without its CSRF token (403).
     */
    async refused(operation: Operation): Promise<RefusedCaller[]> {
      const callers: RefusedCaller[] = []
      const staffRoles = staffRolesOf(operation)
      if (!acceptsCitizen(operation)) callers.push({ title: 'a signed-in citizen', headers: await citizen(), status: 401 })
      if (staffRoles === null) callers.push({ title: 'a signed-in administrator', headers: await staff('admin'), status: 401 })
      const otherRole = roles.find((role) => staffRoles !== null && !staffRoles.includes(role))
      if (otherRole) callers.push({ title: `staff with the role ${otherRole}`, headers: await staff(otherRole), status: 403 })
      if (unsafeMethods.has(operation.method)) {
        const allowed = await this.allowed(operation)
        callers.push({ title: 'the right session without its CSRF token', headers: withoutCsrf({ cookie: allowed.cookie!, 'x-csrf-token': '' }), status: 403 })
      }
      return callers
    },

    /**
     * Makes the synthesised request of a public sign-in operation succeed: a code really sent to
     * the example number, the password of a fixture account.
     */
    async prepare(operation: Operation, request: InjectOptions): Promise<InjectOptions> {
      if (operation.operationId === 'signIn') {
        const body = JSON.parse(String(request.payload)) as { phone: string; code: string }
        return { ...request, payload: JSON.stringify({ ...body, code: await requestCode(app, body.phone) }) }
      }
      if (operation.operationId === 'uploadMaterial') {
        return { ...request, payload: fixturePng, headers: { ...(request.headers as Record<string, string>), 'content-type': 'image/png' } }
      }
      if (operation.operationId === 'getMyCase' || operation.operationId === 'getStaffCase' || operation.operationId === 'transitionStaffCase') {
        // A case to read: the caller's own, or (staff) one of the fixture clerk's department,
        // just submitted, so that the example transition (受理) is allowed.
        const headers = operation.operationId === 'getMyCase' ? (request.headers as Record<string, string>) : await citizen()
        const caseNumber = await submitFixtureApplication(app, headers)
        return { ...request, url: String(request.url).replace(/KDL-[0-9]{8}-[0-9]+/, caseNumber) }
      }
      if (operation.operationId === 'answerMyCaseCorrection') {
        // The caller's own case awaiting a correction of the field the example answers (phone).
        const caseNumber = await submitFixtureApplication(app, request.headers as Record<string, string>)
        const correction = { items: [{ fieldKey: 'phone', need: '请核对联系电话', name: '联系电话' }], note: null, requestedAt: new Date().toISOString(), requestedBy: '测试窗口人员', afterAcceptance: false, answeredAt: null }
        await db.updateTable('cases').set({ status: 'correction_requested', correction: JSON.stringify(correction) }).where('case_number', '=', caseNumber).execute()
        return { ...request, url: String(request.url).replace(/KDL-[0-9]{8}-[0-9]+/, caseNumber) }
      }
      if (operation.operationId === 'rateMyCase' || operation.operationId === 'recordFollowUpOutcome') {
        // A completed case to rate (the caller's own), or a follow-up that a rating of 非常不满意
        // of a case of the fixture supervisor's department opened.
        const rater = operation.operationId === 'rateMyCase' ? (request.headers as Record<string, string>) : await citizen()
        const caseNumber = await submitFixtureApplication(app, rater)
        await db.updateTable('cases').set({ status: 'completed' }).where('case_number', '=', caseNumber).execute()
        if (operation.operationId === 'rateMyCase') {
          return { ...request, url: String(request.url).replace(/KDL-[0-9]{8}-[0-9]+/, caseNumber) }
        }
        const rated = await app.inject({
          method: 'POST',
          url: `/api/v1/me/cases/${caseNumber}/rating`,
          headers: { ...rater, 'idempotency-key': randomUUID() },
          payload: { level: 1 },
        })
        const followUpId = rated.json<{ followUp: { id: string } | null }>().followUp?.id
        if (rated.statusCode !== 201 || !followUpId) throw new Error(`The fixture rating opened no follow-up: ${rated.body}`)
        return { ...request, url: String(request.url).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, followUpId) }
      }
      if (isComplaintOperation(operation.operationId)) {
        const ensureClerk = async () => {
          await createStaff(db, fixtureStaff.clerk)
        }
        return prepareComplaintRequest(app, db, operation.operationId, request, { citizen, clerkId: fixtureStaff.clerk.id, ensureClerk })
      }
      if (isAppointmentOperation(operation.operationId)) {
        return prepareAppointmentRequest(app, db, operation.operationId, request, citizen, fixtureStaff.supervisor.id)
      }
      if (operation.operationId === 'staffSignIn') {
        await staff('admin')
        const { username, password } = fixtureStaff.admin
        return { ...request, payload: JSON.stringify({ username, password }) }
      }
      return request
    },
  }
}
