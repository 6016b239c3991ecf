import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HallSchedule } from '../../../../../../contract/appointment-schedule.ts'
import { SlotAvailability, SlotQuery } from '../../../../../../contract/appointments.ts'
import { HallParams } from '../../../../../../contract/halls.ts'
import { hallWithSchedule } from '../../../../appointments/bookable-item.ts'
import { slotAvailability } from '../../../../appointments/slot-availability.ts'
import { commonErrors, errorResponses } from '../../../error-responses.ts'

/** Public appointment reads of a hall (预约, 第十八条): its schedule, and the slots left for an item. */
const appointments: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/:id/appointment-schedule',
    {
      schema: {
        operationId: 'getHallAppointmentSchedule',
        tags: ['appointments'],
        summary: "The hall's appointment schedule: services, kinds of slot, items allowed flexible, rest-day and home service",
        description: '404 HALL_NOT_FOUND; 404 SCHEDULE_NOT_FOUND when the hall takes no appointments.',
        params: HallParams,
        response: { 200: HallSchedule, ...errorResponses(...commonErrors, 404) },
      },
    },
    async (request, reply) => {
      const { schedule } = await hallWithSchedule(fastify.db, request.params.id)
      return reply.header('cache-control', 'public, max-age=60').send(schedule)
    },
  )

  fastify.get(
    '/:id/slots',
    {
      schema: {
        operationId: 'listHallSlots',
        tags: ['appointments'],
        summary: 'Slots of an item at the hall with the places left (live)',
        description:
          'from defaults to today, to to from + 6 days (at most 31 days; cut to the booking horizon). Slots past their cut-off are left out; full ones have remaining 0. ' +
          '404 HALL_NOT_FOUND, SCHEDULE_NOT_FOUND; 422 ITEM_NOT_BOOKABLE, DATE_RANGE_INVALID.',
        params: HallParams,
        querystring: SlotQuery,
        response: { 200: SlotAvailability, ...errorResponses(...commonErrors, 404, 422) },
      },
    },
    async (request, reply) => {
      const availability = await slotAvailability(fastify.db, request.params.id, request.query, fastify.workingDays, new Date())
      // Live counts: a short shared cache absorbs bursts without showing stale places for long.
      return reply.header('cache-control', 'public, max-age=5').send(availability)
    },
  )
}

export default appointments
