import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'
import { SESSION_COOKIES } from '../../../contract/auth.ts'
import type { StaffRole } from '../../../contract/staff.ts'
import { clearSessionCookies, cookieSecure, sessionLifetimeMs, setSessionCookies, type SessionKind } from '../auth/session-cookies.ts'
import { sessionsRepository } from '../auth/sessions.ts'
import { csrfTokenFor, isWellFormedSessionToken, secretsEqual, sessionTokenHash } from '../auth/tokens.ts'
import { ApiError } from '../http-errors.ts'
import type { StaffIdentity } from '../repositories/staff-accounts-repository.ts'

/** The citizen a session belongs to. `phone` is the sign-in number: mask it wherever it is shown or logged. */
export interface SignedInCitizen {
  id: string
  phone: string
}

/** The staff member a session belongs to, with the halls and departments they are bound to. */
export type SignedInStaff = StaffIdentity

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in citizen, or null (see the auth plugin for when it is resolved). */
    citizen: SignedInCitizen | null
    /** The signed-in staff member, or null (see the auth plugin for when it is resolved). */
    staff: SignedInStaff | null
  }
}

const staffRoles: readonly StaffRole[] = ['clerk', 'supervisor', 'admin']
const schemes = { citizenSession: 'citizen', staffSession: 'staff' } as const
type SchemeName = keyof typeof schemes
type SecurityRequirement = Partial<Record<SchemeName, string[]>>

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** A session's expiry is moved forward at most once a minute, not on every request. */
const slideAfterMs = 60_000

/** The session behind request.citizen / request.staff: its token (from the cookie) and expiry. */
export interface CurrentSession {
  token: string
  expiresAt: Date
}

const currentSessions = new WeakMap<FastifyRequest, Partial<Record<SessionKind, CurrentSession>>>()

function declaredSecurity(route: RouteOptions): SecurityRequirement[] | null {
  const security = (route.schema as (FastifySchema & { security?: unknown }) | undefined)?.security
  if (security === undefined) return null
  if (!Array.isArray(security)) throw new Error(`Route ${route.url}: schema.security must be an array`)
  for (const requirement of security as Record<string, unknown>[]) {
    for (const [scheme, scopes] of Object.entries(requirement)) {
      if (!(scheme in schemes)) throw new Error(`Route ${route.url}: unknown security scheme ${scheme}`)
      if (!Array.isArray(scopes) || (scheme === 'citizenSession' && scopes.length > 0)) {
        throw new Error(`Route ${route.url}: ${scheme} takes ${scheme === 'citizenSession' ? 'no scopes' : 'a list of staff roles'}`)
      }
      const unknownRole = scopes.find((scope) => !staffRoles.includes(scope as StaffRole))
      if (unknownRole !== undefined) throw new Error(`Route ${route.url}: unknown staff role ${String(unknownRole)}`)
    }
  }
  return security as SecurityRequirement[]
}

function isUnsafe(method: string): boolean {
  return unsafeMethods.has(method)
}

function routeHasUnsafeMethod(route: RouteOptions): boolean {
  return [route.method].flat().some((method) => isUnsafe(method))
}

function csrfHeader(request: FastifyRequest): string | undefined {
  const value = request.headers['x-csrf-token']
  return typeof value === 'string' ? value : undefined
}

/**
 * Finds the sessions the request's cookies name and sets request.citizen / request.staff. A
 * cookie naming no live session is cleared. On a state-changing request a session counts only
 * with its CSRF token in X-CSRF-Token; answers the kinds whose token was missing or wrong.
 */
async function resolveSessions(fastify: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<Set<SessionKind>> {
  const csrfRejected = new Set<SessionKind>()
  const now = new Date()
  for (const kind of ['citizen', 'staff'] as const) {
    const token = request.cookies[SESSION_COOKIES[kind].session]
    if (token === undefined) continue
    const secure = cookieSecure(fastify.config)
    const found = isWellFormedSessionToken(token) ? await sessionsRepository(fastify.db, kind).findLive(sessionTokenHash(token), now) : undefined
    if (!found) {
      clearSessionCookies(reply, kind, secure)
      continue
    }
    if (isUnsafe(request.method)) {
      const header = csrfHeader(request)
      if (header === undefined || !secretsEqual(header, csrfTokenFor(token))) {
        csrfRejected.add(kind)
        continue
      }
    }
    let expiresAt = found.expiresAt
    if (now.getTime() - found.lastSeenAt.getTime() >= slideAfterMs) {
      expiresAt = new Date(now.getTime() + sessionLifetimeMs(fastify.config, kind))
      await sessionsRepository(fastify.db, kind).touch(sessionTokenHash(token), now, expiresAt)
      setSessionCookies(reply, kind, token, expiresAt, secure)
    }
    currentSessions.set(request, { ...currentSessions.get(request), [kind]: { token, expiresAt } })
    if ('citizen' in found) request.citizen = found.citizen
    else request.staff = found.staff
  }
  return csrfRejected
}

function satisfies(request: FastifyRequest, requirement: SecurityRequirement): boolean {
  return Object.entries(requirement).every(([scheme, scopes]) => {
    if (scheme === 'citizenSession') return request.citizen !== null
    const staff = request.staff
    return staff !== null && (scopes.length === 0 || scopes.includes(staff.role))
  })
}

/** 401 without the session a route needs, 403 for a wrong role or a missing CSRF token. */
function enforce(request: FastifyRequest, requirements: SecurityRequirement[], csrfRejected: Set<SessionKind>): void {
  if (requirements.some((requirement) => satisfies(request, requirement))) return
  const accepts = (scheme: SchemeName) => requirements.some((requirement) => scheme in requirement)
  const acceptedKinds = (Object.keys(schemes) as SchemeName[]).filter(accepts).map((scheme) => schemes[scheme])
  if (acceptedKinds.some((kind) => csrfRejected.has(kind))) {
    throw new ApiError(403, 'CSRF_TOKEN_INVALID', '页面已过期，请刷新页面后重试')
  }
  if (request.staff !== null && accepts('staffSession')) throw new ApiError(403, 'FORBIDDEN', '没有权限执行此操作')
  throw new ApiError(401, 'AUTHENTICATION_REQUIRED', '请先登录')
}

/**
 * Sessions and access control.
 *
 * **Declaring access** (the OpenAPI `security` of the route's schema; plugins/swagger.ts):
 * - no `security`: public.
 * - `security: [{ citizenSession: [] }]`: a signed-in citizen, else 401 AUTHENTICATION_REQUIRED 请先登录.
 * - `security: [{ staffSession: [] }]`: any signed-in staff member;
 *   `security: [{ staffSession: ['supervisor', 'admin'] }]`: staff with one of these roles
 *   (`clerk` 窗口人员, `supervisor` 审批科长, `admin`), else 401 without a staff session and
 *   403 FORBIDDEN with another role.
 * - Requirements in the list are alternatives: `[{ citizenSession: [] }, { staffSession: ['clerk'] }]`
 *   lets either in (the handler then checks which one it got); an empty `{}` among them makes
 *   sign-in optional (anonymous callers pass, signed-in ones are resolved).
 * Finer rules (the supervisor *of this department*, the clerk *of this hall*, the owner of a
 * record) are the handler's and the repository query's: see staffActsForDepartment and pass
 * `request.citizen.id` into every query of personal data.
 *
 * **What a handler sees**: `request.citizen: { id, phone } | null` and `request.staff:
 * { id, username, displayName, role, hallIds, departmentIds } | null`. They are resolved on routes
 * that declare `security` and on every state-changing request (idempotency keys are scoped by
 * them); on public reads both stay null. Use signedInCitizen(request) / signedInStaff(request) for
 * the non-null value in a handler whose route requires it.
 *
 * **Sessions** are random tokens in httpOnly, SameSite=Lax cookies (kdl_session for citizens,
 * kdl_staff_session for staff, Path=/api; Secure per COOKIE_SECURE), stored as SHA-256 hashes with
 * a sliding expiry (CITIZEN_SESSION_DAYS, STAFF_SESSION_HOURS). A staff session ends when its
 * account is disabled, and its role and bindings are read afresh on every request.
 *
 * **CSRF**: on POST, PUT, PATCH and DELETE a session counts only when the `X-CSRF-Token` header
 * carries its CSRF token (derived from the session token; readable cookie kdl_csrf /
 * kdl_staff_csrf, and in the sign-in answer). Otherwise the request is anonymous, and a route that
 * needs the session answers 403 CSRF_TOKEN_INVALID. Anonymous writes (no session cookie) need no
 * token. SameSite=Lax keeps the cookies off cross-site POSTs in the first place.
 */
export default fp(
  async (fastify) => {
    await fastify.register(cookie)
    fastify.decorateRequest('citizen', null)
    fastify.decorateRequest('staff', null)

    fastify.addHook('onRoute', (route) => {
      const requirements = declaredSecurity(route)
      if (requirements === null && !routeHasUnsafeMethod(route)) return
      const existing = route.onRequest ? [route.onRequest].flat() : []
      route.onRequest = [
        ...existing,
        async function authenticate(request: FastifyRequest, reply: FastifyReply) {
          const csrfRejected = await resolveSessions(fastify, request, reply)
          if (requirements !== null) enforce(request, requirements, csrfRejected)
        },
      ]
    })
  },
  { name: 'auth' },
)

/** The session that signed the request in as a citizen or staff member (sign-out, "who am I"). */
export function currentSession(request: FastifyRequest, kind: SessionKind): CurrentSession {
  const session = currentSessions.get(request)?.[kind]
  if (!session) throw new ApiError(401, 'AUTHENTICATION_REQUIRED', '请先登录')
  return session
}

/** The signed-in citizen of a route that requires one (throws 401 if called elsewhere without one). */
export function signedInCitizen(request: FastifyRequest): SignedInCitizen {
  if (request.citizen === null) throw new ApiError(401, 'AUTHENTICATION_REQUIRED', '请先登录')
  return request.citizen
}

/** The signed-in staff member of a route that requires one. */
export function signedInStaff(request: FastifyRequest): SignedInStaff {
  if (request.staff === null) throw new ApiError(401, 'AUTHENTICATION_REQUIRED', '请先登录')
  return request.staff
}

/** Whether the staff member acts for a department: administrators for all, others for their own. */
export function staffActsForDepartment(staff: SignedInStaff, departmentId: string): boolean {
  return staff.role === 'admin' || staff.departmentIds.includes(departmentId)
}

/** Whether the staff member works in a hall: administrators in all, others in their own. */
export function staffWorksInHall(staff: SignedInStaff, hallId: string): boolean {
  return staff.role === 'admin' || staff.hallIds.includes(hallId)
}
