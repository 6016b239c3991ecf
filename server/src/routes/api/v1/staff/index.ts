import type { FastifyPluginAsync } from 'fastify'
import accounts from './accounts.ts'
import auditLog from './audit-log.ts'
import guideImports from './guide-imports.ts'
import sessions from './sessions.ts'

/** The staff side of the API (PRODUCT.md §9): sign-in, accounts, audit log, guide imports. */
const staff: FastifyPluginAsync = async (fastify) => {
  await fastify.register(sessions)
  await fastify.register(accounts, { prefix: '/accounts' })
  await fastify.register(auditLog, { prefix: '/audit-log' })
  await fastify.register(guideImports, { prefix: '/guides/imports' })
}

export default staff
