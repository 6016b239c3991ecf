import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CatalogueChanges, CatalogueChangesQuery } from '../../../../../../contract/guides.ts'
import { catalogueSequenceRepository } from '../../../../repositories/catalogue-sequence-repository.ts'
import { departmentsRepository, themesRepository } from '../../../../repositories/departments-repository.ts'
import { serviceItemsRepository } from '../../../../repositories/service-items-repository.ts'
import { commonErrors, errorResponses } from '../../../error-responses.ts'

const catalogue: FastifyPluginAsyncTypebox = async (fastify) => {
  const sequence = catalogueSequenceRepository(fastify.db)
  const items = serviceItemsRepository(fastify.db)
  const departments = departmentsRepository(fastify.db)
  const themes = themesRepository(fastify.db)

  fastify.get(
    '/changes',
    {
      schema: {
        operationId: 'getCatalogueChanges',
        tags: ['catalogue'],
        summary: 'The catalogue index for offline use: everything, or what changed since a cursor',
        description:
          'Without `since`, every published entry (`full: true`). With the `cursor` of an earlier answer, the entries published or changed since and the codes withdrawn since. A cursor this server never gave (ahead of it) answers the full index.',
        querystring: CatalogueChangesQuery,
        response: { 200: CatalogueChanges, ...errorResponses(...commonErrors) },
      },
    },
    async (request) => {
      // The cursor is read first: a change committed after it is answered again next time, never missed.
      const cursor = await sequence.current()
      const since = request.query.since
      const full = since === undefined || BigInt(since) > BigInt(cursor)
      const { changed, withdrawn } = await items.changesSince(full ? null : since)
      return { cursor, full, changed, withdrawn, departments: await departments.list(), themes: await themes.list() }
    },
  )
}

export default catalogue
