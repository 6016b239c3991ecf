import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Hall, HallList, HallParams } from '../../../../../../contract/halls.ts'
import { notFound } from '../../../../http-errors.ts'
import { hallsRepository } from '../../../../repositories/halls-repository.ts'
import { commonErrors, errorResponses } from '../../../error-responses.ts'

const halls: FastifyPluginAsyncTypebox = async (fastify) => {
  const repository = hallsRepository(fastify.db)

  fastify.get(
    '',
    {
      schema: {
        operationId: 'listHalls',
        tags: ['halls'],
        summary: 'All service halls, the district centre first',
        response: { 200: HallList, ...errorResponses(...commonErrors) },
      },
    },
    async () => ({ halls: await repository.listSummaries() }),
  )

  fastify.get(
    '/:id',
    {
      schema: {
        operationId: 'getHall',
        tags: ['halls'],
        summary: 'One hall with zones, accessibility facilities, windows and staff cards',
        params: HallParams,
        response: { 200: Hall, ...errorResponses(...commonErrors, 404) },
      },
    },
    async (request) => {
      const hall = await repository.findById(request.params.id)
      if (!hall) throw notFound('未找到该办事大厅')
      return hall
    },
  )
}

export default halls
