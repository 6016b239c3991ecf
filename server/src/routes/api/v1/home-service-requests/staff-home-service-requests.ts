import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  HomeServiceConfirmInput,
  HomeServiceDeclineInput,
  HomeServiceParams,
  HomeServiceRequest,
  StaffHomeServiceQuery,
  StaffHomeServiceRequestList,
} from '../../../../../../contract/appointments.ts'
import { HallParams } from '../../../../../../contract/halls.ts'
import { confirmHomeService, declineHomeService } from '../../../../appointments/home-service.ts'
import { hallForStaff } from '../../../../appointments/staff-bookings.ts'
import { signedInStaff } from '../../../../plugins/auth.ts'
import { homeServiceRequestsRepository, toHomeServiceRequest } from '../../../../repositories/home-service-requests-repository.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

const anyStaff = [{ staffSession: ['clerk', 'supervisor', 'admin'] }]

/** Staff work a hall's 上门服务 requests: confirm with a time, or decline with a reason. */
const staffHomeServiceRequests: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/halls/:id/home-service-requests',
    {
      schema: {
        operationId: 'listHallHomeServiceRequests',
        tags: ['staff', 'appointments'],
        summary: "A hall's home-service requests: waiting ones first (oldest first), with address and contact to go there",
        description: '404 HALL_NOT_FOUND (also for a hall the caller does not act for).',
        security: anyStaff,
        params: HallParams,
        querystring: StaffHomeServiceQuery,
        response: { 200: StaffHomeServiceRequestList, ...errorResponses(...commonErrors, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await hallForStaff(fastify.db, request.params.id, signedInStaff(request))
      const rows = await homeServiceRequestsRepository(fastify.db).listForHall(request.params.id, request.query.status)
      return reply.header('cache-control', 'private, no-store').send({ hallId: request.params.id, requests: rows.map(toHomeServiceRequest) })
    },
  )

  fastify.post(
    '/home-service-requests/:requestId/confirm',
    {
      schema: {
        operationId: 'confirmHomeServiceRequest',
        tags: ['staff', 'appointments'],
        summary: 'Confirm a home-service request with the time of the visit; the citizen is notified',
        description: '404 NOT_FOUND (also another hall\'s); 409 HOME_SERVICE_NOT_OPEN; 422 VISIT_TIME_INVALID. Audit-logged (home-service.confirm).',
        security: anyStaff,
        params: HomeServiceParams,
        body: HomeServiceConfirmInput,
        response: { 200: HomeServiceRequest, ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request)
      const confirmed = await fastify.db.transaction().execute((trx) => confirmHomeService(trx, request.params.requestId, request.body, staff, new Date()))
      return reply.header('cache-control', 'private, no-store').send(confirmed)
    },
  )

  fastify.post(
    '/home-service-requests/:requestId/decline',
    {
      schema: {
        operationId: 'declineHomeServiceRequest',
        tags: ['staff', 'appointments'],
        summary: 'Decline a home-service request with the reason; the citizen is notified',
        description: '404 NOT_FOUND (also another hall\'s); 409 HOME_SERVICE_NOT_OPEN. Audit-logged (home-service.decline).',
        security: anyStaff,
        params: HomeServiceParams,
        body: HomeServiceDeclineInput,
        response: { 200: HomeServiceRequest, ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request)
      const declined = await fastify.db.transaction().execute((trx) => declineHomeService(trx, request.params.requestId, request.body, staff, new Date()))
      return reply.header('cache-control', 'private, no-store').send(declined)
    },
  )
}

export default staffHomeServiceRequests
