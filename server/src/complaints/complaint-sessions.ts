import type { FastifyRequest } from 'fastify'
import { SESSION_COOKIES } from '../../../contract/auth.ts'
import { csrfTokenFor, isWellFormedSessionToken, secretsEqual } from '../auth/tokens.ts'
import { ApiError } from '../http-errors.ts'

/**
 * On the complaint writes open to senders without a session, a citizen cookie sent without its
 * CSRF token must not quietly turn the write anonymous (a real-name complaint filed without its
 * name, a photo that is then nobody's): such a request is refused with 403 CSRF_TOKEN_INVALID,
 * as on routes that need the session.
 */
export function refuseCitizenCookieWithoutCsrf(request: FastifyRequest): void {
  if (request.citizen !== null) return
  const token = request.cookies[SESSION_COOKIES.citizen.session]
  if (token === undefined || !isWellFormedSessionToken(token)) return
  const header = request.headers['x-csrf-token']
  if (typeof header !== 'string' || !secretsEqual(header, csrfTokenFor(token))) {
    throw new ApiError(403, 'CSRF_TOKEN_INVALID', '页面已过期，请刷新页面后重试')
  }
}
