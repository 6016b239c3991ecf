import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AuditLogPage, AuditLogQuery } from '../../../../../../contract/staff.ts'
import { auditLogRepository } from '../../../../repositories/audit-log-repository.ts'
import { commonErrors, errorResponses } from '../../../error-responses.ts'

/** The audit log of staff actions, newest first (admin). */
const auditLogRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      schema: {
        operationId: 'listAuditLog',
        tags: ['staff'],
        summary: 'The audit log of staff actions, newest first (admin)',
        description: 'Page with `before` = the last id of the previous page.',
        security: [{ staffSession: ['admin'] }],
        querystring: AuditLogQuery,
        response: { 200: AuditLogPage, ...errorResponses(...commonErrors, 401, 403) },
      },
    },
    async (request, reply) => {
      const { before, limit = 50 } = request.query
      return reply.header('cache-control', 'private, no-store').send({ entries: await auditLogRepository(fastify.db).page({ before, limit }) })
    },
  )
}

export default auditLogRoutes
