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
import { maskName, maskPhone } from '../../../../appointments/booking-views.ts'
import { confirmHomeService, declineHomeService, staffActsForHall } from '../../../../appointments/home-service.ts'
import { auditLog } from '../../../../audit/audit-log.ts'
import { ApiError } from '../../../../http-errors.ts'
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
      const requests = rows.map((row) => ({ ...toHomeServiceRequest(row), contactName: maskName(row.contact_name), contactPhone: maskPhone(row.contact_phone) }))
      return reply.header('cache-control', 'private, no-store').send({ hallId: request.params.id, requests })
    },
  )

  fastify.get(
    '/home-service-requests/:requestId',
    {
      schema: {
        operationId: 'getStaffHomeServiceRequest',
        tags: ['staff', 'appointments'],
        summary: 'One home-service request in full (address and contact), to arrange the visit',
        description: '404 NOT_FOUND for a request of a hall the caller does not act for, as for one that does not exist. Every read is audit-logged (home-service.read).',
        security: anyStaff,
        params: HomeServiceParams,
        response: { 200: HomeServiceRequest, ...errorResponses(...commonErrors, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request)
      const row = await homeServiceRequestsRepository(fastify.db).findById(request.params.requestId)
      if (!row || !staffActsForHall(staff, row.hall_id)) throw new ApiError(404, 'NOT_FOUND', '没有找到该上门服务申请')
      await auditLog(fastify.db, staff, 'home-service.read', `home-service-request:${row.id}`, { hallId: row.hall_id })
      return reply.header('cache-control', 'private, no-store').send(toHomeServiceRequest(row))
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
