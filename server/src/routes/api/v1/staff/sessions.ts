import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { StaffMe, StaffSignIn } from '../../../../../../contract/staff.ts'
import { auditLog } from '../../../../audit/audit-log.ts'
import { clearSessionCookies, cookieSecure, sessionLifetimeMs, setSessionCookies } from '../../../../auth/session-cookies.ts'
import { endSession } from '../../../../auth/sessions.ts'
import { signInStaff } from '../../../../auth/staff-sign-in.ts'
import { csrfTokenFor } from '../../../../auth/tokens.ts'
import { ApiError } from '../../../../http-errors.ts'
import { currentSession, signedInStaff, type SignedInStaff } from '../../../../plugins/auth.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

function staffMeOf(staff: SignedInStaff, sessionToken: string, expiresAt: Date): StaffMe {
  return { ...staff, csrfToken: csrfTokenFor(sessionToken), sessionExpiresAt: expiresAt.toISOString() }
}

/** Staff sign-in, sign-out and "who am I" (PRODUCT.md §9). */
const staffSessions: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/sessions',
    {
      schema: {
        operationId: 'staffSignIn',
        tags: ['staff'],
        summary: 'Staff sign-in with username and password',
        description:
          'Sets the httpOnly cookie `kdl_staff_session` and the readable CSRF cookie `kdl_staff_csrf`. A wrong username or password answers 401 alike; the 5th consecutive wrong password locks the account for 15 minutes (429 with Retry-After); a disabled account answers 403. Every attempt on an existing account is audit-logged.',
        body: StaffSignIn,
        response: { 201: StaffMe, ...errorResponses(...commonErrors, ...bodyErrors, 401, 403) },
      },
    },
    async (request, reply) => {
      const outcome = await signInStaff(fastify.db, {
        ...request.body,
        clientAddress: request.ip,
        now: new Date(),
        lifetimeMs: sessionLifetimeMs(fastify.config, 'staff'),
      })
      if (!outcome.ok) {
        if (outcome.reason === 'locked') {
          reply.header('retry-after', String(outcome.retryAfterSeconds))
          throw new ApiError(429, 'STAFF_ACCOUNT_LOCKED', `登录失败次数过多，账号已临时锁定，请在 ${Math.ceil(outcome.retryAfterSeconds / 60)} 分钟后再试`)
        }
        if (outcome.reason === 'disabled') throw new ApiError(403, 'STAFF_ACCOUNT_DISABLED', '该账号已停用，请联系系统管理员')
        throw new ApiError(401, 'STAFF_SIGN_IN_FAILED', '用户名或密码错误')
      }
      setSessionCookies(reply, 'staff', outcome.session.token, outcome.session.expiresAt, cookieSecure(fastify.config))
      return reply.code(201).send(staffMeOf(outcome.staff, outcome.session.token, outcome.session.expiresAt))
    },
  )

  fastify.delete(
    '/sessions/current',
    {
      schema: {
        operationId: 'staffSignOut',
        tags: ['staff'],
        summary: 'Staff sign-out: end this session and clear its cookies',
        security: [{ staffSession: [] }],
        response: { 204: Type.Null({ description: 'Signed out.' }), ...errorResponses(...commonErrors, 401, 403) },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request)
      await fastify.db.transaction().execute(async (trx) => {
        await endSession(trx, 'staff', currentSession(request, 'staff').token)
        await auditLog(trx, staff, 'staff.sign_out', `staff_account:${staff.id}`)
      })
      clearSessionCookies(reply, 'staff', cookieSecure(fastify.config))
      return reply.code(204).send(null)
    },
  )

  fastify.get(
    '/me',
    {
      schema: {
        operationId: 'getStaffMe',
        tags: ['staff'],
        summary: 'The signed-in staff member: role, halls, departments, and the CSRF token of the session',
        security: [{ staffSession: [] }],
        response: { 200: StaffMe, ...errorResponses(...commonErrors, 401) },
      },
    },
    async (request, reply) => {
      const session = currentSession(request, 'staff')
      return reply.header('cache-control', 'private, no-store').send(staffMeOf(signedInStaff(request), session.token, session.expiresAt))
    },
  )
}

export default staffSessions
