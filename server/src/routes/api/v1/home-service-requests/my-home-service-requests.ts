import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HomeServiceInput, HomeServiceParams, HomeServiceRequest, HomeServiceRequestList } from '../../../../../../contract/appointments.ts'
import { IdempotencyKeyHeader } from '../../../../../../contract/common.ts'
import { cancelHomeService, requestHomeService } from '../../../../appointments/home-service.ts'
import { ApiError } from '../../../../http-errors.ts'
import { signedInCitizen } from '../../../../plugins/auth.ts'
import { homeServiceRequestsRepository, toHomeServiceRequest } from '../../../../repositories/home-service-requests-repository.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

const citizen = [{ citizenSession: [] }]

/** The citizen's 上门服务 requests (第十八条(2)): request, follow, cancel. */
const myHomeServiceRequests: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '',
    {
      schema: {
        operationId: 'requestHomeService',
        tags: ['appointments'],
        summary: 'Ask for home service (上门服务) for an item the hall offers it for',
        description: 'Idempotent per Idempotency-Key. 404 HALL_NOT_FOUND, SCHEDULE_NOT_FOUND; 422 HOME_SERVICE_NOT_OFFERED, DATES_INVALID, IDEMPOTENCY_KEY_REUSED.',
        security: citizen,
        headers: IdempotencyKeyHeader,
        body: HomeServiceInput,
        response: { 201: HomeServiceRequest, ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const created = await fastify.idempotentWrite(request, reply, async (trx) => ({
        statusCode: 201,
        body: await requestHomeService(trx, request.body, signedInCitizen(request).id, new Date()),
      }))
      return reply.header('cache-control', 'private, no-store').send(created)
    },
  )

  fastify.get(
    '',
    {
      schema: {
        operationId: 'listMyHomeServiceRequests',
        tags: ['appointments'],
        summary: "The caller's home-service requests, newest first, with staff's answer",
        security: citizen,
        response: { 200: HomeServiceRequestList, ...errorResponses(...commonErrors, 401) },
      },
    },
    async (request, reply) => {
      const rows = await homeServiceRequestsRepository(fastify.db).listOwn(signedInCitizen(request).id)
      return reply.header('cache-control', 'private, no-store').send({ requests: rows.map(toHomeServiceRequest) })
    },
  )

  fastify.get(
    '/:requestId',
    {
      schema: {
        operationId: 'getMyHomeServiceRequest',
        tags: ['appointments'],
        summary: 'One of the caller\'s home-service requests',
        description: '404 NOT_FOUND for another citizen\'s request, as for one that does not exist.',
        security: citizen,
        params: HomeServiceParams,
        response: { 200: HomeServiceRequest, ...errorResponses(...commonErrors, 401, 404) },
      },
    },
    async (request, reply) => {
      const row = await homeServiceRequestsRepository(fastify.db).findOwn(signedInCitizen(request).id, request.params.requestId)
      if (!row) throw new ApiError(404, 'NOT_FOUND', '没有找到该上门服务申请')
      return reply.header('cache-control', 'private, no-store').send(toHomeServiceRequest(row))
    },
  )

  fastify.post(
    '/:requestId/cancel',
    {
      schema: {
        operationId: 'cancelMyHomeServiceRequest',
        tags: ['appointments'],
        summary: 'Cancel a home-service request that is waiting or confirmed',
        description: 'Cancelling a cancelled request answers it again. 404 NOT_FOUND; 409 HOME_SERVICE_NOT_OPEN (declined); 422 IDEMPOTENCY_KEY_REUSED.',
        security: citizen,
        headers: IdempotencyKeyHeader,
        params: HomeServiceParams,
        response: { 200: HomeServiceRequest, ...errorResponses(...commonErrors, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const cancelled = await fastify.idempotentWrite(request, reply, async (trx) => ({
        statusCode: 200,
        body: await cancelHomeService(trx, request.params.requestId, signedInCitizen(request).id, new Date()),
      }))
      return reply.header('cache-control', 'private, no-store').send(cancelled)
    },
  )
}

export default myHomeServiceRequests
