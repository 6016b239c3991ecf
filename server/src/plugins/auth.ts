import type { FastifySchema } from 'fastify'
import fp from 'fastify-plugin'
import { ApiError } from '../http-errors.ts'

/** Whether the route's OpenAPI schema says it needs a signed-in citizen or a staff role. */
function requiresSignIn(schema: FastifySchema | undefined): boolean {
  const security = (schema as { security?: unknown[] } | undefined)?.security
  return Array.isArray(security) && security.some((requirement) => Object.keys(requirement as object).length > 0)
}

/**
 * Enforces the `security` convention documented in plugins/swagger.ts. Sign-in does not exist
 * yet, so no request carries a session: every protected operation answers 401 (fail closed).
 * The sign-in issue replaces the check with a real session and role lookup.
 */
export default fp(
  async (fastify) => {
    fastify.addHook('onRoute', (route) => {
      if (!requiresSignIn(route.schema)) return
      const existing = route.onRequest ? [route.onRequest].flat() : []
      route.onRequest = [
        ...existing,
        async () => {
          throw new ApiError(401, 'AUTHENTICATION_REQUIRED', '请先登录')
        },
      ]
    })
  },
  { name: 'auth' },
)
