import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FollowUpList, FollowUpOutcomeInput, FollowUpParams, FollowUpTask } from '../../../../../../contract/ratings.ts'
import { signedInStaff } from '../../../../plugins/auth.ts'
import { followUpScope, recordFollowUpOutcome } from '../../../../ratings/ratings.ts'
import { followUpsRepository } from '../../../../repositories/follow-ups-repository.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

const supervisors = [{ staffSession: ['supervisor', 'admin'] }]

/** 回访整改: the follow-ups of ratings of 不满意 or worse, for the supervisors concerned. */
const followUps: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '',
    {
      schema: {
        operationId: 'listFollowUps',
        tags: ['staff'],
        summary: 'Follow-ups of low ratings (回访整改): open first, oldest first',
        description: 'A supervisor sees those of case ratings of their departments and of hall ratings of their halls; an administrator all. No data of the citizen.',
        security: supervisors,
        response: { 200: FollowUpList, ...errorResponses(...commonErrors, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', 'private, no-store').send({ followUps: await followUpsRepository(fastify.db).list(followUpScope(signedInStaff(request))) }),
  )

  fastify.post(
    '/:followUpId/outcome',
    {
      schema: {
        operationId: 'recordFollowUpOutcome',
        tags: ['staff'],
        summary: 'Record what was done about a low rating; closes the follow-up and tells the citizen',
        description: '404 for a follow-up the caller does not act for; 409 FOLLOW_UP_CLOSED. Audit-logged (follow-up.close).',
        security: supervisors,
        params: FollowUpParams,
        body: FollowUpOutcomeInput,
        response: { 200: FollowUpTask, ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request)
      const task = await fastify.db
        .transaction()
        .execute((trx) => recordFollowUpOutcome(trx, { staff, followUpId: request.params.followUpId, outcome: request.body.outcome, now: new Date() }))
      return reply.header('cache-control', 'private, no-store').send(task)
    },
  )
}

export default followUps
