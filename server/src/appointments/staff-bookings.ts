import type { Kysely } from 'kysely'
import { scheduleProblems, type HallSchedule, type HallScheduleInput } from '../../../contract/appointment-slots.ts'
import type { StaffBooking, StaffBookingList } from '../../../contract/appointments.ts'
import { auditLog } from '../audit/audit-log.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http-errors.ts'
import type { SignedInStaff } from '../plugins/auth.ts'
import { appointmentSchedulesRepository } from '../repositories/appointment-schedules-repository.ts'
import { bookingsRepository } from '../repositories/bookings-repository.ts'
import { shanghaiDate } from '../time.ts'
import { toStaffBooking } from './booking-views.ts'
import { staffActsForHall } from './home-service.ts'

/** The hall, when the staff member acts for it; else 404 HALL_NOT_FOUND, as for a hall that does not exist. */
export async function hallForStaff(db: Kysely<Database>, hallId: string, staff: SignedInStaff): Promise<{ id: string; name: string }> {
  const hall = await db.selectFrom('halls').select(['id', 'name']).where('id', '=', hallId).executeTakeFirst()
  if (!hall || !staffActsForHall(staff, hallId)) throw new ApiError(404, 'HALL_NOT_FOUND', '没有找到该办事大厅，或您不负责该大厅')
  return hall
}

/**
 * Replaces the hall's schedule (422 SCHEDULE_INVALID listing every problem; windows must be the
 * hall's own). Bookings already made keep their places; audit-logged.
 */
export async function saveSchedule(trx: Kysely<Database>, hallId: string, schedule: HallScheduleInput, staff: SignedInStaff, now: Date): Promise<HallSchedule> {
  await hallForStaff(trx, hallId, staff)
  const problems = scheduleProblems(schedule)
  const windows = new Set((await trx.selectFrom('hall_windows').select('id').where('hall_id', '=', hallId).execute()).map((row) => row.id))
  for (const service of schedule.services) {
    if (service.windowId !== null && !windows.has(service.windowId)) problems.push(`“${service.name}”的窗口“${service.windowId}”不属于该办事大厅`)
  }
  if (problems.length > 0) {
    throw new ApiError(422, 'SCHEDULE_INVALID', `预约排班有 ${problems.length} 处问题，请修改后再保存`, problems.map((message) => ({ path: '/body', message })))
  }
  const repository = appointmentSchedulesRepository(trx)
  await repository.save(hallId, schedule, staff.id, now)
  await auditLog(trx, staff, 'appointment-schedule.save', `hall:${hallId}`, { services: schedule.services.map((service) => service.id), exceptions: schedule.exceptions.length }, now)
  return (await repository.find(hallId))!
}

/** The hall's bookings of the day, with masked contacts and priority groups. */
export async function bookingsOfDay(db: Kysely<Database>, hallId: string, date: string, staff: SignedInStaff): Promise<StaffBookingList> {
  await hallForStaff(db, hallId, staff)
  const rows = await bookingsRepository(db).listForHallDay(hallId, date)
  return { hallId, date, bookings: rows.map((row) => toStaffBooking(row, { name: row.contact_name, phone: row.contact_phone })) }
}

const bookingNotFound = () => new ApiError(404, 'BOOKING_NOT_FOUND', '没有找到该预约码对应的本大厅预约')

/** Checks a booking in by its code, today only; a second check-in answers it unchanged. Audit-logged. */
export async function checkIn(trx: Kysely<Database>, code: string, staff: SignedInStaff, now: Date): Promise<StaffBooking> {
  const bookings = bookingsRepository(trx)
  const booking = await bookings.findByCode(code)
  if (!booking || !staffActsForHall(staff, booking.hall_id)) throw bookingNotFound()
  if (booking.status !== 'checked_in') {
    if (booking.status !== 'booked') throw new ApiError(409, 'BOOKING_NOT_CHECKABLE', booking.status === 'cancelled' ? '该预约已取消' : '该预约已登记为未到')
    if (booking.slot_date !== shanghaiDate(now)) throw new ApiError(409, 'BOOKING_NOT_CHECKABLE', `该预约的办理日期是 ${booking.slot_date}，不是今天`)
    await bookings.setStatus(booking.id, 'checked_in', now)
    await auditLog(trx, staff, 'booking.check-in', `booking:${booking.id}`, { hallId: booking.hall_id, code }, now)
  }
  return toStaffBooking((await bookings.findById(booking.id))!, await bookings.contactOf(booking.citizen_id))
}

/** Marks a booking whose slot has begun as missed (未到); audit-logged. */
export async function markNoShow(trx: Kysely<Database>, bookingId: string, staff: SignedInStaff, now: Date): Promise<StaffBooking> {
  const bookings = bookingsRepository(trx)
  const booking = await bookings.findById(bookingId)
  if (!booking || !staffActsForHall(staff, booking.hall_id)) throw bookingNotFound()
  if (booking.status !== 'no_show') {
    if (booking.status !== 'booked') throw new ApiError(409, 'BOOKING_NOT_CHECKABLE', booking.status === 'cancelled' ? '该预约已取消' : '该预约已签到')
    if (now < booking.starts_at) throw new ApiError(409, 'BOOKING_NOT_CHECKABLE', '预约时段尚未开始，不能登记为未到')
    await bookings.setStatus(booking.id, 'no_show', now)
    await auditLog(trx, staff, 'booking.no-show', `booking:${booking.id}`, { hallId: booking.hall_id }, now)
  }
  return toStaffBooking((await bookings.findById(booking.id))!, await bookings.contactOf(booking.citizen_id))
}
