import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sql } from 'kysely'
import { Type } from 'typebox'
import { ApiError } from '../../http-errors.ts'
import { commonErrors, errorResponses } from '../error-responses.ts'

const Health = Type.Object({ status: Type.Literal('ok'), database: Type.Literal('ok') })

const health: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/health',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['health'],
        summary: 'Whether the server is up and its database answers',
        response: { 200: Health, ...errorResponses(...commonErrors, 503) },
      },
    },
    async (request) => {
      try {
        await sql`select 1`.execute(fastify.db)
      } catch (error) {
        request.log.error({ err: error }, 'Database health check failed')
        throw new ApiError(503, 'DATABASE_UNAVAILABLE', '服务暂时不可用，请稍后再试')
      }
      return { status: 'ok' as const, database: 'ok' as const }
    },
  )
}

export default health
