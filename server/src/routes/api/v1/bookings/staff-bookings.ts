import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HallScheduleInput, SavedHallSchedule } from '../../../../../../contract/appointment-schedule.ts'
import { BookingParams, CheckInInput, StaffBooking, StaffBookingList, StaffBookingsQuery } from '../../../../../../contract/appointments.ts'
import { HallParams } from '../../../../../../contract/halls.ts'
import { bookingsOfDay, checkIn, markNoShow, saveSchedule } from '../../../../appointments/staff-bookings.ts'
import { ApiError } from '../../../../http-errors.ts'
import { signedInStaff } from '../../../../plugins/auth.ts'
import { isLocalDate } from '../../../../../../contract/local-date.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

const supervisors = [{ staffSession: ['supervisor', 'admin'] }]
const anyStaff = [{ staffSession: ['clerk', 'supervisor', 'admin'] }]

/**
 * The staff side of appointments: a hall's schedule, the day's bookings, check-in, no-shows.
 * Staff act for the halls of their account (an administrator for all); another hall answers 404.
 */
const staffBookings: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.put(
    '/halls/:id/schedule',
    {
      schema: {
        operationId: 'saveHallSchedule',
        tags: ['staff', 'appointments'],
        summary: "Set the hall's appointment schedule and exceptions (replaces the whole schedule)",
        description:
          'Supervisors and administrators. Upcoming bookings whose slot the new schedule no longer offers are cancelled, their places freed and their citizens notified (cancelledBookings counts them). ' +
          '404 HALL_NOT_FOUND (also for a hall the caller does not act for); 422 SCHEDULE_INVALID with details. Audit-logged (appointment-schedule.save).',
        security: supervisors,
        params: HallParams,
        body: HallScheduleInput,
        response: { 200: SavedHallSchedule, ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request)
      const schedule = await fastify.db.transaction().execute((trx) => saveSchedule(trx, request.params.id, request.body, staff, fastify.workingDays, new Date()))
      return reply.header('cache-control', 'private, no-store').send(schedule)
    },
  )

  fastify.get(
    '/halls/:id/bookings',
    {
      schema: {
        operationId: 'listHallBookingsOfDay',
        tags: ['staff', 'appointments'],
        summary: "A hall's bookings of a day, by time, priority (绿色通道) first within a slot, contacts masked",
        security: anyStaff,
        params: HallParams,
        querystring: StaffBookingsQuery,
        response: { 200: StaffBookingList, ...errorResponses(...commonErrors, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      if (!isLocalDate(request.query.date)) throw new ApiError(422, 'DATE_INVALID', '日期无效')
      const list = await bookingsOfDay(fastify.db, request.params.id, request.query.date, signedInStaff(request))
      return reply.header('cache-control', 'private, no-store').send(list)
    },
  )

  fastify.post(
    '/bookings/check-in',
    {
      schema: {
        operationId: 'checkInBooking',
        tags: ['staff', 'appointments'],
        summary: 'Check a booking in by its code (scanned from the QR code or read out), on its day',
        description: 'Again answers it unchanged. 404 BOOKING_NOT_FOUND (also another hall\'s); 409 BOOKING_NOT_CHECKABLE. Audit-logged (booking.check-in).',
        security: anyStaff,
        body: CheckInInput,
        response: { 200: StaffBooking, ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request)
      const booking = await fastify.db.transaction().execute((trx) => checkIn(trx, request.body.code, staff, new Date()))
      return reply.header('cache-control', 'private, no-store').send(booking)
    },
  )

  fastify.post(
    '/bookings/:bookingId/no-show',
    {
      schema: {
        operationId: 'markBookingNoShow',
        tags: ['staff', 'appointments'],
        summary: 'Mark a booking whose slot has begun as missed (未到)',
        description: '404 BOOKING_NOT_FOUND; 409 BOOKING_NOT_CHECKABLE (cancelled, checked in, or not begun). Audit-logged (booking.no-show).',
        security: anyStaff,
        params: BookingParams,
        response: { 200: StaffBooking, ...errorResponses(...commonErrors, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const staff = signedInStaff(request)
      const booking = await fastify.db.transaction().execute((trx) => markNoShow(trx, request.params.bookingId, staff, new Date()))
      return reply.header('cache-control', 'private, no-store').send(booking)
    },
  )
}

export default staffBookings
