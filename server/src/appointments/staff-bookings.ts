import type { Kysely } from 'kysely'
import { findSlot, scheduleProblems, type HallScheduleInput, type SavedHallSchedule, type ScheduledSlot } from '../../../contract/appointment-slots.ts'
import type { StaffBooking, StaffBookingList } from '../../../contract/appointments.ts'
import { formatLocalDateChinese } from '../../../contract/local-date.ts'
import type { WorkingDayCalendar } from '../../../contract/working-days/working-days.ts'
import { auditLog } from '../audit/audit-log.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http-errors.ts'
import { notifyCitizen } from '../notifications/notify-citizen.ts'
import type { SignedInStaff } from '../plugins/auth.ts'
import { appointmentSchedulesRepository } from '../repositories/appointment-schedules-repository.ts'
import { appointmentSlotsRepository } from '../repositories/appointment-slots-repository.ts'
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
 * Cancels the hall's upcoming bookings whose slot `schedule` no longer offers (same service, time
 * and kind), frees their places and tells their citizens why, with the closed day's note when
 * there is one. Answers how many were cancelled.
 */
async function cancelDisplacedBookings(trx: Kysely<Database>, hallId: string, schedule: HallScheduleInput, calendar: WorkingDayCalendar, now: Date): Promise<number> {
  const bookings = bookingsRepository(trx)
  let cancelled = 0
  for (const booking of await bookings.listUpcomingForHallForUpdate(hallId, now)) {
    let offered: ScheduledSlot | undefined
    try {
      offered = findSlot(schedule, booking.item_code, booking.slot_date, booking.start_time, booking.kind, calendar)
    } catch {
      offered = undefined // a year without its holiday notice: nothing can be offered there
    }
    if (offered?.serviceId === booking.service_id) continue
    await bookings.setStatus(booking.id, 'cancelled', now)
    await appointmentSlotsRepository(trx).releasePlace({ hallId, serviceId: booking.service_id, date: booking.slot_date, start: booking.start_time }, booking.priority_group !== null)
    const note = schedule.exceptions.find((exception) => exception.date === booking.slot_date && exception.kind === 'closed')?.note
    await notifyCitizen(trx, {
      citizenId: booking.citizen_id,
      kind: 'appointment_cancelled',
      link: `/appointments/bookings/${booking.id}`,
      title: '预约已取消：大厅服务安排调整',
      body: `您预约的${formatLocalDateChinese(booking.slot_date)} ${booking.start_time}到${booking.hall_name}办理“${booking.item_name}”（预约码 ${booking.code}）因${note ? `“${note}”` : '大厅服务安排调整'}已取消，请重新选择时段预约。`,
      now,
    })
    cancelled += 1
  }
  return cancelled
}

/**
 * Replaces the hall's schedule (422 SCHEDULE_INVALID listing every problem; windows must be the
 * hall's own). Upcoming bookings whose slot is no longer offered are cancelled with a
 * notification; a lowered capacity keeps the bookings made. Audit-logged.
 */
export async function saveSchedule(
  trx: Kysely<Database>,
  hallId: string,
  schedule: HallScheduleInput,
  staff: SignedInStaff,
  calendar: WorkingDayCalendar,
  now: Date,
): Promise<SavedHallSchedule> {
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
  const cancelledBookings = await cancelDisplacedBookings(trx, hallId, schedule, calendar, now)
  await auditLog(
    trx,
    staff,
    'appointment-schedule.save',
    `hall:${hallId}`,
    { services: schedule.services.map((service) => service.id), exceptions: schedule.exceptions.length, cancelledBookings },
    now,
  )
  return { schedule: (await repository.find(hallId))!, cancelledBookings }
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
