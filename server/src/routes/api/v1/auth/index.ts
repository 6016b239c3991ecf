import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { CitizenSignIn, Me, SignInCodeRequest, SignInCodeSent } from '../../../../../../contract/auth.ts'
import { consumeSignInCode, issueSignInCode } from '../../../../auth/sign-in-codes.ts'
import { clearSessionCookies, cookieSecure, sessionLifetimeMs, setSessionCookies } from '../../../../auth/session-cookies.ts'
import { endSession, startSession } from '../../../../auth/sessions.ts'
import { ApiError } from '../../../../http-errors.ts'
import { currentSession } from '../../../../plugins/auth.ts'
import { citizensRepository } from '../../../../repositories/citizens-repository.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'
import { meOf } from '../me/me.ts'

const rateLimitMessages = {
  interval: (seconds: number) => `验证码已发送，请在 ${seconds} 秒后再重新获取`,
  phone_hourly: (seconds: number) => `该号码获取验证码过于频繁，请在 ${Math.ceil(seconds / 60)} 分钟后再试`,
  address_hourly: (seconds: number) => `获取验证码过于频繁，请在 ${Math.ceil(seconds / 60)} 分钟后再试`,
}

/** Citizen sign-in by mobile number and one-time code (PRODUCT.md §8). */
const auth: FastifyPluginAsyncTypebox = async (fastify) => {
  const limits = {
    intervalSeconds: fastify.config.SIGN_IN_CODE_INTERVAL_SECONDS,
    perPhonePerHour: fastify.config.SIGN_IN_CODES_PER_PHONE_PER_HOUR,
    perAddressPerHour: fastify.config.SIGN_IN_CODES_PER_ADDRESS_PER_HOUR,
  }

  fastify.post(
    '/codes',
    {
      schema: {
        operationId: 'sendSignInCode',
        tags: ['auth'],
        summary: 'Send a six-digit sign-in code to a mobile number by SMS',
        description:
          'The answer is the same whether or not the number has signed in before. A code works for 5 minutes and once; only the newest code of a number works. Limits: one code per number per SIGN_IN_CODE_INTERVAL_SECONDS (60), SIGN_IN_CODES_PER_PHONE_PER_HOUR (5) per number and SIGN_IN_CODES_PER_ADDRESS_PER_HOUR (20) per client address; beyond them 429 with Retry-After.',
        body: SignInCodeRequest,
        response: { 202: SignInCodeSent, ...errorResponses(...commonErrors, ...bodyErrors, 503) },
      },
    },
    async (request, reply) => {
      const outcome = await issueSignInCode(fastify.db, fastify.sms, { phone: request.body.phone, clientAddress: request.ip, limits })
      if (outcome.sent) return reply.code(202).send(outcome.answer)
      if (outcome.limit === 'delivery_failed') {
        request.log.error({ err: outcome.error }, 'Sign-in code not delivered')
        throw new ApiError(503, 'SMS_UNAVAILABLE', '短信发送失败，请稍后再试')
      }
      reply.header('retry-after', String(outcome.retryAfterSeconds))
      throw new ApiError(429, 'SIGN_IN_CODE_RATE_LIMITED', rateLimitMessages[outcome.limit](outcome.retryAfterSeconds))
    },
  )

  fastify.post(
    '/sessions',
    {
      schema: {
        operationId: 'signIn',
        tags: ['auth'],
        summary: 'Sign in with the number and the code sent to it',
        description:
          'Sets the httpOnly session cookie `kdl_session` and the readable CSRF cookie `kdl_csrf`, and answers the signed-in citizen with the CSRF token to send as X-CSRF-Token on state-changing requests. A wrong code counts an attempt; after 5 the code is spent.',
        body: CitizenSignIn,
        response: { 201: Me, ...errorResponses(...commonErrors, ...bodyErrors) },
      },
    },
    async (request, reply) => {
      const { phone, code } = request.body
      const now = new Date()
      // The attempt must be stored also when the code is wrong, so the transaction commits and
      // the refusal is thrown after it.
      const outcome = await fastify.db.transaction().execute(async (trx) => {
        const check = await consumeSignInCode(trx, phone, code, now)
        if (!check.valid) return check
        const citizen = await citizensRepository(trx).signedIn(phone, now)
        const session = await startSession(trx, 'citizen', citizen.id, { now, lifetimeMs: sessionLifetimeMs(fastify.config, 'citizen') })
        return { valid: true as const, citizen, session }
      })
      if (!outcome.valid) {
        if (outcome.reason === 'incorrect' && outcome.attemptsLeft > 0) {
          throw new ApiError(400, 'SIGN_IN_CODE_INCORRECT', `验证码不正确，还可以再试 ${outcome.attemptsLeft} 次`)
        }
        throw new ApiError(400, 'SIGN_IN_CODE_EXPIRED', '验证码已失效，请重新获取验证码')
      }
      setSessionCookies(reply, 'citizen', outcome.session.token, outcome.session.expiresAt, cookieSecure(fastify.config))
      request.log.info({ citizenId: outcome.citizen.id }, 'Citizen signed in')
      return reply.code(201).send(meOf(outcome.citizen, outcome.session.token, outcome.session.expiresAt))
    },
  )

  fastify.delete(
    '/sessions/current',
    {
      schema: {
        operationId: 'signOut',
        tags: ['auth'],
        summary: 'Sign out: end this session and clear its cookies',
        description: 'The app also clears the personal data it keeps on the phone.',
        security: [{ citizenSession: [] }],
        response: { 204: Type.Null({ description: 'Signed out.' }), ...errorResponses(...commonErrors, 401, 403) },
      },
    },
    async (request, reply) => {
      await endSession(fastify.db, 'citizen', currentSession(request, 'citizen').token)
      clearSessionCookies(reply, 'citizen', cookieSecure(fastify.config))
      return reply.code(204).send(null)
    },
  )
}

export default auth
