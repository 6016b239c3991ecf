import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ComplaintChannelList } from '../../../../../../contract/complaints.ts'
import { complaintChannels } from '../../../../complaints/complaint-channels.ts'
import { hallsRepository } from '../../../../repositories/halls-repository.ts'
import { commonErrors, errorResponses } from '../../../error-responses.ts'

/** Every complaint channel of 第十九条 on one list. */
const complaintChannelsRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      schema: {
        operationId: 'listComplaintChannels',
        tags: ['complaints'],
        summary: 'Where to complain (第十九条): this app, the 12345 hotline, each hall’s complaint phone, the portal, the WeChat account, the kiosks',
        description: 'Public. valueKind tel: tap to call; url: open; route: a path of this app; text: shown. confirmed: false entries are not yet confirmed by the district.',
        response: { 200: ComplaintChannelList, ...errorResponses(...commonErrors) },
      },
    },
    async (_request, reply) => {
      const halls = await hallsRepository(fastify.db).listSummaries()
      return reply.header('cache-control', 'public, max-age=300').send({ channels: complaintChannels(halls) })
    },
  )
}

export default complaintChannelsRoute
