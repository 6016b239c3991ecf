import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { BookingDetail, BookingInput, BookingList, BookingParams, RescheduleInput } from '../../../../../../contract/appointments.ts'
import { IdempotencyKeyHeader } from '../../../../../../contract/common.ts'
import { bookSlot, cancelBooking, rescheduleBooking } from '../../../../appointments/book-slot.ts'
import { bookingCalendar } from '../../../../appointments/booking-calendar.ts'
import { toBookingDetail } from '../../../../appointments/booking-views.ts'
import { ApiError } from '../../../../http-errors.ts'
import { signedInCitizen } from '../../../../plugins/auth.ts'
import { bookingsRepository, toBooking } from '../../../../repositories/bookings-repository.ts'
import { bodyErrors, commonErrors, errorResponses } from '../../../error-responses.ts'

const citizen = [{ citizenSession: [] }]
const notFound = () => new ApiError(404, 'NOT_FOUND', '没有找到该预约')

/** The citizen's bookings (预约): book, read, add to calendar, cancel, reschedule. */
const myBookings: FastifyPluginAsyncTypebox = async (fastify) => {
  const context = (citizenId: string) => ({ citizenId, calendar: fastify.workingDays, now: new Date() })

  fastify.post(
    '',
    {
      schema: {
        operationId: 'createBooking',
        tags: ['appointments'],
        summary: 'Book a slot for an item at a hall (one transaction; never beyond capacity)',
        description:
          'Idempotent per Idempotency-Key. 404 HALL_NOT_FOUND, SCHEDULE_NOT_FOUND; 409 SLOT_FULL, ALREADY_BOOKED; ' +
          '422 ITEM_NOT_BOOKABLE, SLOT_NOT_OFFERED, SLOT_CLOSED, IDEMPOTENCY_KEY_REUSED.',
        security: citizen,
        headers: IdempotencyKeyHeader,
        body: BookingInput,
        response: { 201: BookingDetail, ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const booking = await fastify.idempotentWrite(request, reply, async (trx) => ({
        statusCode: 201,
        body: await bookSlot(trx, request.body, context(signedInCitizen(request).id)),
      }))
      return reply.header('cache-control', 'private, no-store').send(booking)
    },
  )

  fastify.get(
    '',
    {
      schema: {
        operationId: 'listMyBookings',
        tags: ['appointments'],
        summary: "The caller's bookings: active upcoming ones first (soonest first), then the rest (latest first)",
        security: citizen,
        response: { 200: BookingList, ...errorResponses(...commonErrors, 401) },
      },
    },
    async (request, reply) => {
      const rows = await bookingsRepository(fastify.db).listOwn(signedInCitizen(request).id, new Date())
      return reply.header('cache-control', 'private, no-store').send({ bookings: rows.map(toBooking) })
    },
  )

  fastify.get(
    '/:bookingId',
    {
      schema: {
        operationId: 'getMyBooking',
        tags: ['appointments'],
        summary: 'One of the caller\'s bookings with its check-in QR code (SVG)',
        description: '404 NOT_FOUND for another citizen\'s booking, as for one that does not exist.',
        security: citizen,
        params: BookingParams,
        response: { 200: BookingDetail, ...errorResponses(...commonErrors, 401, 404) },
      },
    },
    async (request, reply) => {
      const row = await bookingsRepository(fastify.db).findOwn(signedInCitizen(request).id, request.params.bookingId)
      if (!row) throw notFound()
      return reply.header('cache-control', 'private, no-store').send(toBookingDetail(row))
    },
  )

  fastify.get(
    '/:bookingId/calendar.ics',
    {
      schema: {
        operationId: 'getMyBookingCalendar',
        tags: ['appointments'],
        summary: 'The booking as an iCalendar file (text/calendar) to add to the phone\'s calendar',
        description: 'SUMMARY: the item and hall; LOCATION: the hall\'s address; DESCRIPTION: the booking code. Times in UTC. 404 NOT_FOUND as above.',
        security: citizen,
        params: BookingParams,
        response: { 200: Type.String({ description: 'text/calendar' }), ...errorResponses(...commonErrors, 401, 404) },
      },
    },
    async (request, reply) => {
      const row = await bookingsRepository(fastify.db).findOwn(signedInCitizen(request).id, request.params.bookingId)
      if (!row) throw notFound()
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="booking-${row.code}.ics"`)
        .header('cache-control', 'private, no-store')
        .send(bookingCalendar(row, new Date()))
    },
  )

  fastify.post(
    '/:bookingId/cancel',
    {
      schema: {
        operationId: 'cancelMyBooking',
        tags: ['appointments'],
        summary: 'Cancel a booking up to its cut-off; the place is freed',
        description: 'Cancelling a cancelled booking answers it again. 404 NOT_FOUND; 409 BOOKING_NOT_CHANGEABLE; 422 IDEMPOTENCY_KEY_REUSED.',
        security: citizen,
        headers: IdempotencyKeyHeader,
        params: BookingParams,
        response: { 200: BookingDetail, ...errorResponses(...commonErrors, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const booking = await fastify.idempotentWrite(request, reply, async (trx) => ({
        statusCode: 200,
        body: await cancelBooking(trx, request.params.bookingId, context(signedInCitizen(request).id)),
      }))
      return reply.header('cache-control', 'private, no-store').send(booking)
    },
  )

  fastify.post(
    '/:bookingId/reschedule',
    {
      schema: {
        operationId: 'rescheduleMyBooking',
        tags: ['appointments'],
        summary: 'Move a booking to another slot of the same item and hall, up to its cut-off',
        description:
          'Same id and code; the new place is taken and the old freed in one transaction. 404 NOT_FOUND; 409 BOOKING_NOT_CHANGEABLE, SLOT_FULL, ALREADY_BOOKED; ' +
          '422 SLOT_NOT_OFFERED, SLOT_CLOSED, ITEM_NOT_BOOKABLE, IDEMPOTENCY_KEY_REUSED.',
        security: citizen,
        headers: IdempotencyKeyHeader,
        params: BookingParams,
        body: RescheduleInput,
        response: { 200: BookingDetail, ...errorResponses(...commonErrors, ...bodyErrors, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const booking = await fastify.idempotentWrite(request, reply, async (trx) => ({
        statusCode: 200,
        body: await rescheduleBooking(trx, request.params.bookingId, request.body, context(signedInCitizen(request).id)),
      }))
      return reply.header('cache-control', 'private, no-store').send(booking)
    },
  )
}

export default myBookings
