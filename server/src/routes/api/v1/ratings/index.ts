import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdempotencyKeyHeader } from '../../../../../../contract/common.ts'
import { CaseRatingInput, CaseRatingParams, HallRatingInput, Rating, RatingList } from '../../../../../../contract/ratings.ts'
import { signedInCitizen } from '../../../../plugins/auth.ts'
import { rateCase, rateHallVisit } from '../../../../ratings/ratings.ts'
import { ratingsRepository } from '../../../../repositories/ratings-repository.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

const citizenOnly = [{ citizenSession: [] }]
const writeErrors = [...commonErrors, ...bodyErrors, 401, 403] as const

/**
 * 好差评 by the signed-in citizen: of their completed cases and of their visits to a hall, and
 * their ratings with what the follow-ups of the low ones came to (contract/ratings.ts).
 */
const ratings: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/cases/:caseNumber/rating',
    {
      schema: {
        operationId: 'rateMyCase',
        tags: ['ratings'],
        summary: 'Rate one of my completed cases (好差评), once',
        description:
          'Idempotent: a retry with the same Idempotency-Key and body answers the first rating. 404 for a case that is not the caller’s; ' +
          '409 ALREADY_RATED; 422 CASE_NOT_COMPLETED, IDEMPOTENCY_KEY_REUSED. A level of 2 (不满意) or 1 opens a follow-up for the department’s supervisors.',
        security: citizenOnly,
        params: CaseRatingParams,
        headers: IdempotencyKeyHeader,
        body: CaseRatingInput,
        response: { 201: Rating, ...errorResponses(...writeErrors, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const citizenId = signedInCitizen(request).id
      reply.header('cache-control', 'private, no-store')
      return fastify.idempotentWrite(request, reply, async (trx) => ({
        statusCode: 201,
        body: await rateCase(trx, { citizenId, caseNumber: request.params.caseNumber, input: request.body, now: new Date() }),
      }))
    },
  )

  fastify.post(
    '/hall-ratings',
    {
      schema: {
        operationId: 'rateHallVisit',
        tags: ['ratings'],
        summary: 'Rate a visit to a hall (好差评), once per hall and day',
        description:
          'Idempotent (Idempotency-Key). 409 ALREADY_RATED; 422 HALL_NOT_FOUND, VISIT_DATE_IN_FUTURE, IDEMPOTENCY_KEY_REUSED. ' +
          'A level of 2 (不满意) or 1 opens a follow-up for the hall’s supervisors.',
        security: citizenOnly,
        headers: IdempotencyKeyHeader,
        body: HallRatingInput,
        response: { 201: Rating, ...errorResponses(...writeErrors, 409, 422) },
      },
    },
    async (request, reply) => {
      const citizenId = signedInCitizen(request).id
      reply.header('cache-control', 'private, no-store')
      return fastify.idempotentWrite(request, reply, async (trx) => ({
        statusCode: 201,
        body: await rateHallVisit(trx, { citizenId, input: request.body, now: new Date() }),
      }))
    },
  )

  fastify.get(
    '/ratings',
    {
      schema: {
        operationId: 'listMyRatings',
        tags: ['ratings'],
        summary: 'My ratings, newest first, with the status and outcome of their follow-ups',
        security: citizenOnly,
        response: { 200: RatingList, ...errorResponses(...commonErrors, 401) },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', 'private, no-store').send({ ratings: await ratingsRepository(fastify.db).listForCitizen(signedInCitizen(request).id) }),
  )
}

export default ratings
