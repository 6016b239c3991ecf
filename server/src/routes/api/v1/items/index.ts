import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { CatalogueQuery, CataloguePage, ItemParams, ServiceItem } from '../../../../../../contract/guides.ts'
import { guideQrSvg } from '../../../../guides/qr-code.ts'
import { findServiceItem, serviceItemETag } from '../../../../guides/service-item.ts'
import { matchesETag } from '../../../../http-caching.ts'
import { notFound } from '../../../../http-errors.ts'
import { serviceItemsRepository } from '../../../../repositories/service-items-repository.ts'
import { commonErrors, errorResponses } from '../../../error-responses.ts'

const items: FastifyPluginAsyncTypebox = async (fastify) => {
  const repository = serviceItemsRepository(fastify.db)

  fastify.get(
    '',
    {
      schema: {
        operationId: 'listItems',
        tags: ['catalogue'],
        summary: 'The service catalogue, hot items first, filtered by audience, department, theme or text',
        querystring: CatalogueQuery,
        response: { 200: CataloguePage, ...errorResponses(...commonErrors) },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filters } = request.query
      const { items: entries, total } = await repository.listEntries({ ...filters, page, pageSize })
      return { items: entries, total, page, pageSize }
    },
  )

  fastify.get(
    '/:code',
    {
      schema: {
        operationId: 'getItem',
        tags: ['catalogue'],
        summary: 'One item with its current published guide and its version history',
        description: 'Answers a strong ETag and `Cache-Control: no-cache`; a matching If-None-Match gets 304.',
        params: ItemParams,
        headers: Type.Object({ 'if-none-match': Type.Optional(Type.String({ maxLength: 1000 })) }),
        response: {
          200: ServiceItem,
          304: Type.Null({ description: 'The copy the client holds (If-None-Match) is current.' }),
          ...errorResponses(...commonErrors, 404),
        },
      },
    },
    async (request, reply) => {
      const item = await findServiceItem(fastify.db, request.params.code)
      if (!item) throw notFound('未找到该事项')
      const etag = serviceItemETag(item)
      reply.header('etag', etag).header('cache-control', 'no-cache')
      if (matchesETag(request.headers['if-none-match'], etag)) return reply.code(304).send(null)
      return item
    },
  )

  fastify.get(
    '/:code/qr.svg',
    {
      schema: {
        operationId: 'getItemQrCode',
        tags: ['catalogue'],
        summary: "The QR code of the item's canonical short URL (/g/<code>), as SVG for printing",
        description: 'The URL uses PUBLIC_URL when it is set, else the origin the request came to.',
        params: ItemParams,
        response: {
          200: Type.String({ description: 'image/svg+xml' }),
          ...errorResponses(...commonErrors, 404),
        },
      },
    },
    async (request, reply) => {
      const item = await findServiceItem(fastify.db, request.params.code)
      if (!item) throw notFound('未找到该事项')
      const origin = fastify.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .send(guideQrSvg(`${origin}${item.canonicalUrl}`))
    },
  )
}

export default items
