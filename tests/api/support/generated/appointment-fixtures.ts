import { randomUUID } from 'node:crypto'
import type { FastifyInstance, InjectOptions } from 'fastify'
import type { Kysely } from 'kysely'
import { addCalendarDays, shanghaiToday } from '../../../../contract/local-date.ts'
import { bundledWorkingDayCalendar } from '../../../../contract/working-days/working-days.ts'
import type { Database } from '../../../../server/src/db/schema.ts'

// Makes the synthesised requests of the appointment operations succeed: their `examples` hold
// fixed dates and ids, so a booking or home-service request of the caller's is made first and
// the request is pointed at it, with dates moved to the days ahead that the rules accept.

const HALL = 'kundulun-civic-centre'
/** 居民身份证首次申领: bookable at the civic centre, listed for home service by the seeded schedule. */
const ITEM = '1115020300011500100001'
const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/

type Headers = Record<string, string>

const operations = new Set([
  'createBooking',
  'getMyBooking',
  'getMyBookingCalendar',
  'cancelMyBooking',
  'rescheduleMyBooking',
  'checkInBooking',
  'markBookingNoShow',
  'saveHallSchedule',
  'requestHomeService',
  'getMyHomeServiceRequest',
  'cancelMyHomeServiceRequest',
  'getStaffHomeServiceRequest',
  'confirmHomeServiceRequest',
  'declineHomeServiceRequest',
])

export function isAppointmentOperation(operationId: string): boolean {
  return operations.has(operationId)
}

const bookingDay = () => bundledWorkingDayCalendar.addWorkingDays(shanghaiToday(), 2)

function withPayload(request: InjectOptions, change: (body: Record<string, unknown>) => Record<string, unknown>): InjectOptions {
  return { ...request, payload: JSON.stringify(change(JSON.parse(String(request.payload)) as Record<string, unknown>)) }
}

async function bookFor(app: FastifyInstance, headers: Headers, start = '10:00'): Promise<{ id: string; code: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/me/bookings',
    headers: { ...headers, 'idempotency-key': randomUUID() },
    payload: { itemCode: ITEM, hallId: HALL, date: bookingDay(), start, kind: 'regular', priorityGroup: null },
  })
  if (response.statusCode !== 201) throw new Error(`The fixture booking was refused: ${response.body}`)
  return response.json<{ id: string; code: string }>()
}

async function homeServiceFor(app: FastifyInstance, headers: Headers): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/me/home-service-requests',
    headers: { ...headers, 'idempotency-key': randomUUID() },
    payload: { itemCode: ITEM, hallId: HALL, address: '包头市昆都仑区某小区1号楼', reason: 'mobility', note: null, preferredDates: [addCalendarDays(shanghaiToday(), 2)], contactName: '王秀英', contactPhone: '13800000000' },
  })
  if (response.statusCode !== 201) throw new Error(`The fixture home-service request was refused: ${response.body}`)
  return response.json<{ id: string }>().id
}

/**
 * Prepares an appointment operation's request. `headers` are the caller's; `citizen` signs a new
 * citizen in (for staff operations on a citizen's booking or request); `supervisorId` is the
 * fixture supervisor, bound to the hall here so that it may set the hall's schedule.
 */
export async function prepareAppointmentRequest(
  app: FastifyInstance,
  db: Kysely<Database>,
  operationId: string,
  request: InjectOptions,
  citizen: () => Promise<Headers>,
  supervisorId: string,
): Promise<InjectOptions> {
  const headers = request.headers as Headers
  const url = String(request.url)
  switch (operationId) {
    case 'createBooking':
      return withPayload(request, (body) => ({ ...body, date: bookingDay(), start: '09:00', kind: 'regular', priorityGroup: null }))
    case 'getMyBooking':
    case 'getMyBookingCalendar':
    case 'cancelMyBooking':
      return { ...request, url: url.replace(uuidPattern, (await bookFor(app, headers)).id) }
    case 'rescheduleMyBooking': {
      const { id } = await bookFor(app, headers)
      return withPayload({ ...request, url: url.replace(uuidPattern, id) }, () => ({ date: bookingDay(), start: '10:30', kind: 'regular' }))
    }
    case 'checkInBooking': {
      const { id, code } = await bookFor(app, await citizen())
      await db.updateTable('bookings').set({ slot_date: shanghaiToday() }).where('id', '=', id).execute()
      return withPayload(request, () => ({ code }))
    }
    case 'markBookingNoShow': {
      const { id } = await bookFor(app, await citizen())
      await db.updateTable('bookings').set({ starts_at: new Date(Date.now() - 60_000) }).where('id', '=', id).execute()
      return { ...request, url: url.replace(uuidPattern, id) }
    }
    case 'saveHallSchedule': {
      await db.insertInto('staff_halls').values({ staff_id: supervisorId, hall_id: HALL }).onConflict((conflict) => conflict.doNothing()).execute()
      const current = await app.inject({ method: 'GET', url: `/api/v1/halls/${HALL}/appointment-schedule` })
      const { hallId: _hallId, updatedAt: _updatedAt, ...schedule } = current.json<Record<string, unknown>>()
      return withPayload({ ...request, url: url.replace(/\/halls\/[^/]+\//, `/halls/${HALL}/`) }, () => schedule)
    }
    case 'requestHomeService':
      return withPayload(request, (body) => ({ ...body, itemCode: ITEM, hallId: HALL, preferredDates: [addCalendarDays(shanghaiToday(), 2)] }))
    case 'getMyHomeServiceRequest':
    case 'cancelMyHomeServiceRequest':
      return { ...request, url: url.replace(uuidPattern, await homeServiceFor(app, headers)) }
    case 'getStaffHomeServiceRequest':
    case 'confirmHomeServiceRequest':
    case 'declineHomeServiceRequest': {
      const prepared = { ...request, url: url.replace(uuidPattern, await homeServiceFor(app, await citizen())) }
      if (operationId !== 'confirmHomeServiceRequest') return prepared
      return withPayload(prepared, (body) => ({ ...body, visitAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }))
    }
    default:
      return request
  }
}
