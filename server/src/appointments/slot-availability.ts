import type { Kysely } from 'kysely'
import { generateSlots } from '../../../contract/appointment-slots.ts'
import type { SlotAvailability, SlotQuery } from '../../../contract/appointments.ts'
import { addCalendarDays, calendarDaysBetween, isLocalDate } from '../../../contract/local-date.ts'
import type { WorkingDayCalendar } from '../../../contract/working-days/working-days.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http-errors.ts'
import { appointmentSlotsRepository } from '../repositories/appointment-slots-repository.ts'
import { shanghaiDate } from '../time.ts'
import { findBookableItem } from './bookable-item.ts'
import { changeableUntil, slotInstant } from './slot-time.ts'

/** The longest range one request may ask for, in days. */
export const SLOT_RANGE_MAX_DAYS = 31

/**
 * The item's slots at the hall with the places left, from `from` (default today) to `to`
 * (default a week), cut to today … today + horizon and to the years the calendar knows (a year
 * without its holiday notice is never guessed). Slots past their cut-off are left out.
 */
export async function slotAvailability(db: Kysely<Database>, hallId: string, query: SlotQuery, calendar: WorkingDayCalendar, now: Date): Promise<SlotAvailability> {
  const item = await findBookableItem(db, query.itemCode, hallId)
  const today = shanghaiDate(now)
  const from = query.from ?? today
  const to = query.to ?? addCalendarDays(from, 6)
  if (!isLocalDate(from) || !isLocalDate(to) || to < from || calendarDaysBetween(from, to) >= SLOT_RANGE_MAX_DAYS) {
    throw new ApiError(422, 'DATE_RANGE_INVALID', `日期范围无效：结束日期不能早于开始日期，且一次最多查询 ${SLOT_RANGE_MAX_DAYS} 天`)
  }
  const lastKnownDay = calendar.years.length > 0 ? `${calendar.years.at(-1)}-12-31` : today
  const first = from < today ? today : from
  const last = [to, addCalendarDays(today, item.schedule.horizonDays), lastKnownDay].sort()[0]!
  const scheduled = first <= last ? generateSlots(item.schedule, first, last, calendar, { itemCode: item.code }) : []
  const usage = first <= last ? await appointmentSlotsRepository(db).usage(hallId, item.service.id, first, last) : new Map()
  const slots = scheduled
    .filter((slot) => now < changeableUntil(slotInstant(slot.date, slot.start), item.schedule.bookingCutoffMinutes))
    .map((slot) => {
      const used = usage.get(`${slot.date} ${slot.start}`) ?? { booked: 0, bookedPriority: 0 }
      const held = Math.max(0, slot.priorityReserved - used.bookedPriority)
      return {
        date: slot.date,
        start: slot.start,
        end: slot.end,
        kind: slot.kind,
        capacity: slot.capacity,
        remaining: Math.max(0, slot.capacity - used.booked - held),
        remainingPriority: Math.max(0, slot.capacity - used.booked),
      }
    })
  return {
    hallId,
    itemCode: item.code,
    serviceId: item.service.id,
    serviceName: item.service.name,
    from,
    to,
    bookingCutoffMinutes: item.schedule.bookingCutoffMinutes,
    slots,
  }
}
