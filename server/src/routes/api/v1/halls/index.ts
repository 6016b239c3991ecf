import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Hall, HallList, HallParams } from '../../../../../../contract/halls.ts'
import { contentETag, matchesETag } from '../../../../http-caching.ts'
import { notFound } from '../../../../http-errors.ts'
import { hallsRepository } from '../../../../repositories/halls-repository.ts'
import { commonErrors, errorResponses } from '../../../error-responses.ts'

const notModified = Type.Null({ description: 'The copy the client holds (If-None-Match) is current.' })

const halls: FastifyPluginAsyncTypebox = async (fastify) => {
  const repository = hallsRepository(fastify.db)

  fastify.get(
    '',
    {
      schema: {
        operationId: 'listHalls',
        tags: ['halls'],
        summary: 'All service halls, the district centre first',
        description: 'Answers a strong ETag and `Cache-Control: no-cache`; a matching If-None-Match gets 304.',
        response: { 200: HallList, 304: notModified, ...errorResponses(...commonErrors) },
      },
    },
    async (request, reply) => {
      const list = { halls: await repository.listSummaries() }
      const etag = contentETag(list)
      reply.header('etag', etag).header('cache-control', 'no-cache')
      if (matchesETag(request.headers['if-none-match'], etag)) return reply.code(304).send(null)
      return list
    },
  )

  fastify.get(
    '/:id',
    {
      schema: {
        operationId: 'getHall',
        tags: ['halls'],
        summary: 'One hall with zones, accessibility facilities, windows and staff cards',
        description: 'Answers a strong ETag and `Cache-Control: no-cache`; a matching If-None-Match gets 304.',
        params: HallParams,
        response: { 200: Hall, 304: notModified, ...errorResponses(...commonErrors, 404) },
      },
    },
    async (request, reply) => {
      const hall = await repository.findById(request.params.id)
      if (!hall) throw notFound('未找到该办事大厅')
      const etag = contentETag(hall)
      reply.header('etag', etag).header('cache-control', 'no-cache')
      if (matchesETag(request.headers['if-none-match'], etag)) return reply.code(304).send(null)
      return hall
    },
  )
}

export default halls
