import { randomInt } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'
import type { Me } from '../../../contract/auth.ts'
import type { StaffMe, StaffRole } from '../../../contract/staff.ts'
import { hashPassword } from '../../../server/src/auth/passwords.ts'
import { LogSmsProvider } from '../../../server/src/auth/sms/index.ts'
import type { Database } from '../../../server/src/db/schema.ts'
import { staffAccountsRepository } from '../../../server/src/repositories/staff-accounts-repository.ts'

/** Headers that make a request part of a session: its cookies, and X-CSRF-Token for writes. */
export type SessionHeaders = {
  cookie: string
  'x-csrf-token': string
}

export interface SignedInCitizen {
  phone: string
  me: Me
  headers: SessionHeaders
}

export interface SignedInStaff {
  me: StaffMe
  headers: SessionHeaders
}

/** A random mainland mobile number (139 + 8 digits), so tests never share one. */
export function randomMobile(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
}

/** A random client address in 10.0.0.0/8, so per-address limits of one test do not reach another. */
export function randomAddress(): string {
  return `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`
}

/** The app's log SMS provider, whose sent codes tests read (the default provider of test apps). */
export function logSms(app: FastifyInstance): LogSmsProvider {
  if (!(app.sms instanceof LogSmsProvider)) throw new Error('The test app does not use the log SMS provider')
  return app.sms
}

/** The `Cookie` header a browser would send back after this response (its Set-Cookie values). */
export function cookiesFrom(response: LightMyRequestResponse): string {
  return response.cookies
    .filter((cookie) => cookie.value !== '')
    .map((cookie) => `${cookie.name}=${cookie.value}`)
    .join('; ')
}

/** Asks for a sign-in code for `phone` and answers the code the log provider "sent". */
export async function requestCode(app: FastifyInstance, phone: string, remoteAddress = randomAddress()): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/codes', payload: { phone }, remoteAddress })
  expect(response.statusCode, response.body).toBe(202)
  return logSms(app).lastCodeTo(phone)!
}

/** Signs a citizen in through the real flow: code by (log) SMS, then the session. */
export async function signInCitizen(app: FastifyInstance, phone = randomMobile()): Promise<SignedInCitizen> {
  const code = await requestCode(app, phone)
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sessions', payload: { phone, code }, remoteAddress: randomAddress() })
  expect(response.statusCode, response.body).toBe(201)
  const me = response.json<Me>()
  return { phone, me, headers: { cookie: cookiesFrom(response), 'x-csrf-token': me.csrfToken } }
}

export interface StaffFixture {
  id?: string
  username: string
  displayName?: string
  role: StaffRole
  password: string
  hallIds?: string[]
  departmentIds?: string[]
}

/**
 * Creates a staff account directly in the database (argon2id hash, bindings), with a fixed id
 * when given; does nothing when the username exists. Answers the account's id.
 */
export async function createStaff(db: Kysely<Database>, fixture: StaffFixture): Promise<string> {
  const existing = await db.selectFrom('staff_accounts').select('id').where('username', '=', fixture.username).executeTakeFirst()
  if (existing) return existing.id
  const { id } = await db
    .insertInto('staff_accounts')
    .values({
      ...(fixture.id !== undefined && { id: fixture.id }),
      username: fixture.username,
      display_name: fixture.displayName ?? fixture.username,
      role: fixture.role,
      password_hash: await hashPassword(fixture.password),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await staffAccountsRepository(db).replaceHalls(id, fixture.hallIds ?? [])
  await staffAccountsRepository(db).replaceDepartments(id, fixture.departmentIds ?? [])
  return id
}

/** Signs a staff member in with username and password. */
export async function signInStaff(app: FastifyInstance, username: string, password: string): Promise<SignedInStaff> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/staff/sessions', payload: { username, password }, remoteAddress: randomAddress() })
  expect(response.statusCode, response.body).toBe(201)
  const me = response.json<StaffMe>()
  return { me, headers: { cookie: cookiesFrom(response), 'x-csrf-token': me.csrfToken } }
}

/** Creates the account when needed and signs it in. */
export async function signedInStaff(app: FastifyInstance, db: Kysely<Database>, fixture: StaffFixture): Promise<SignedInStaff> {
  await createStaff(db, fixture)
  return signInStaff(app, fixture.username, fixture.password)
}

/** The same headers without the CSRF token: what a forged cross-site request would carry. */
export function withoutCsrf({ cookie }: SessionHeaders): { cookie: string } {
  return { cookie }
}
