import type { Kysely } from 'kysely'
import { findSlot, type ScheduledSlot, type SlotKindValue } from '../../../contract/appointment-slots.ts'
import type { BookingDetail, BookingInput, RescheduleInput } from '../../../contract/appointments.ts'
import { addCalendarDays, formatLocalDateChinese } from '../../../contract/local-date.ts'
import type { WorkingDayCalendar } from '../../../contract/working-days/working-days.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http-errors.ts'
import { appointmentSlotsRepository, type SlotKey } from '../repositories/appointment-slots-repository.ts'
import { bookingsRepository, DuplicateBookingError, type BookingRecord } from '../repositories/bookings-repository.ts'
import { shanghaiDate } from '../time.ts'
import { findBookableItem, type BookableItem } from './bookable-item.ts'
import { newBookingCode } from './booking-code.ts'
import { toBookingDetail } from './booking-views.ts'
import { changeableUntil, slotInstant } from './slot-time.ts'

export interface BookingContext {
  citizenId: string
  calendar: WorkingDayCalendar
  now: Date
}

const slotFull = () => new ApiError(409, 'SLOT_FULL', '该时段已约满，请选择其他时段')
const alreadyBooked = () => new ApiError(409, 'ALREADY_BOOKED', '您已预约该事项的这个时段，无需重复预约')
const notFound = () => new ApiError(404, 'NOT_FOUND', '没有找到该预约')

/**
 * The slot the item may be booked in, checked against the rules: offered by the schedule (kind
 * included: no flexible or rest-day slot for an item the hall does not list for it, none on a
 * closed day), not past its cut-off, within the horizon.
 */
function offeredSlot(item: BookableItem, date: string, start: string, kind: SlotKindValue, context: BookingContext): { slot: ScheduledSlot; startsAt: Date; until: Date } {
  const today = shanghaiDate(context.now)
  const lastDay = addCalendarDays(today, item.schedule.horizonDays)
  if (date < today || date > lastDay) {
    throw new ApiError(422, 'SLOT_CLOSED', date < today ? '不能预约已经过去的日期' : `目前只能预约${formatLocalDateChinese(lastDay)}及以前的时段`)
  }
  let slot: ScheduledSlot | undefined
  try {
    slot = findSlot(item.schedule, item.code, date, start, kind, context.calendar)
  } catch {
    slot = undefined // a date in a year without a holiday notice: not offered rather than guessed
  }
  if (!slot) throw new ApiError(422, 'SLOT_NOT_OFFERED', '该时段不提供此事项的预约，请按可预约时段选择')
  const startsAt = slotInstant(slot.date, slot.start)
  const until = changeableUntil(startsAt, item.schedule.bookingCutoffMinutes)
  if (context.now >= until) throw new ApiError(422, 'SLOT_CLOSED', '该时段已截止预约，请选择其他时段')
  return { slot, startsAt, until }
}

function slotKey(hallId: string, serviceId: string, date: string, start: string): SlotKey {
  return { hallId, serviceId, date, start }
}

/**
 * Books a place for the signed-in citizen, inside the caller's transaction: the rules, one
 * active booking per person, item and slot, then the slot's counter (never beyond capacity).
 */
export async function bookSlot(trx: Kysely<Database>, input: BookingInput, context: BookingContext): Promise<BookingDetail> {
  const item = await findBookableItem(trx, input.itemCode, input.hallId)
  const { slot, startsAt, until } = offeredSlot(item, input.date, input.start, input.kind, context)
  const bookings = bookingsRepository(trx)
  if (await bookings.hasActive(context.citizenId, item.code, item.hall.id, slot.date, slot.start)) throw alreadyBooked()
  if (!(await appointmentSlotsRepository(trx).claimPlace(slotKey(item.hall.id, item.service.id, slot.date, slot.start), slot, input.priorityGroup !== null))) throw slotFull()
  try {
    const id = await bookings.insert({
      code: newBookingCode(),
      citizenId: context.citizenId,
      itemCode: item.code,
      itemName: item.name,
      hallId: item.hall.id,
      serviceId: item.service.id,
      serviceName: item.service.name,
      windowNumber: item.windowNumber,
      slot,
      priorityGroup: input.priorityGroup,
      startsAt,
      changeableUntil: until,
      createdAt: context.now,
    })
    return toBookingDetail((await bookings.findById(id))!)
  } catch (error) {
    if (error instanceof DuplicateBookingError) throw alreadyBooked()
    throw error
  }
}

function assertChangeable(booking: BookingRecord, now: Date): void {
  if (booking.status !== 'booked') {
    throw new ApiError(409, 'BOOKING_NOT_CHANGEABLE', booking.status === 'cancelled' ? '该预约已取消' : '该预约已签到或已过期，不能再更改')
  }
  if (now >= booking.changeable_until) throw new ApiError(409, 'BOOKING_NOT_CHANGEABLE', '已超过取消或改约的截止时间，如需帮助请致电办事大厅')
}

/** Cancels the citizen's booking and frees its place; cancelling a cancelled booking answers it again. */
export async function cancelBooking(trx: Kysely<Database>, bookingId: string, context: BookingContext): Promise<BookingDetail> {
  const bookings = bookingsRepository(trx)
  const booking = await bookings.findOwnForUpdate(context.citizenId, bookingId)
  if (!booking) throw notFound()
  if (booking.status === 'cancelled') return toBookingDetail(booking)
  assertChangeable(booking, context.now)
  await bookings.setStatus(booking.id, 'cancelled', context.now)
  await appointmentSlotsRepository(trx).releasePlace(slotKey(booking.hall_id, booking.service_id, booking.slot_date, booking.start_time), booking.priority_group !== null)
  return toBookingDetail((await bookings.findById(booking.id))!)
}

/**
 * Moves the citizen's booking to another slot of the same item and hall, keeping its id and
 * code: the new place is taken and the old one freed in one transaction. Counter rows are
 * touched in key order, so two people swapping slots cannot deadlock.
 */
export async function rescheduleBooking(trx: Kysely<Database>, bookingId: string, input: RescheduleInput, context: BookingContext): Promise<BookingDetail> {
  const bookings = bookingsRepository(trx)
  const booking = await bookings.findOwnForUpdate(context.citizenId, bookingId)
  if (!booking) throw notFound()
  assertChangeable(booking, context.now)
  const item = await findBookableItem(trx, booking.item_code, booking.hall_id)
  const { slot, startsAt, until } = offeredSlot(item, input.date, input.start, input.kind, context)
  const oldKey = slotKey(booking.hall_id, booking.service_id, booking.slot_date, booking.start_time)
  const newKey = slotKey(booking.hall_id, item.service.id, slot.date, slot.start)
  const priority = booking.priority_group !== null
  const same = JSON.stringify(oldKey) === JSON.stringify(newKey)
  if (!same) {
    const oldFirst = `${oldKey.serviceId} ${oldKey.date} ${oldKey.start}` < `${newKey.serviceId} ${newKey.date} ${newKey.start}`
    if (oldFirst) await appointmentSlotsRepository(trx).releasePlace(oldKey, priority)
    // On failure the transaction rolls back, the release above with it.
    if (!(await appointmentSlotsRepository(trx).claimPlace(newKey, slot, priority))) throw slotFull()
    if (!oldFirst) await appointmentSlotsRepository(trx).releasePlace(oldKey, priority)
  }
  try {
    await bookings.move(booking.id, slot, item.service.id, startsAt, until)
  } catch (error) {
    if (error instanceof DuplicateBookingError) throw alreadyBooked()
    throw error
  }
  return toBookingDetail((await bookings.findById(booking.id))!)
}
