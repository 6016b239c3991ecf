import type { HallSchedule, ScheduleService, SlotKindValue } from '../../../contract/appointment-slots.ts'
import type { AvailableSlot, Booking, PriorityGroupValue } from '../../../contract/appointments.ts'
import { addCalendarDays, shanghaiToday } from '../../../contract/local-date.ts'
import { shanghaiClock } from '../../domain/shanghai-time.ts'

// What the 预约 pages decide about bookings and slots, framework-free. Types only from the
// contract: its schemas (TypeBox) stay out of the app's JS.

/** The kinds of slot in the order the tabs show them. */
export const SLOT_KIND_ORDER: readonly SlotKindValue[] = ['regular', 'flexible', 'lunch', 'rest_day']

/** 绿色通道 groups of 第十八条(1), in the regulation's order. */
export const PRIORITY_GROUP_ORDER: readonly PriorityGroupValue[] = ['military', 'fire_rescue', 'medical', 'elderly', 'sick', 'disabled', 'pregnant']

/** How many days ahead the booking page offers: today and the next 13. */
export const BOOKING_DAYS = 14

/** The dates the booking page asks slots for: today to 13 days on, never beyond the hall's horizon. */
export function bookingRange(horizonDays: number, now: Date = new Date()): { from: string; to: string } {
  const from = shanghaiToday(now)
  return { from, to: addCalendarDays(from, Math.max(0, Math.min(BOOKING_DAYS, horizonDays) - 1)) }
}

/** The service of a schedule that takes the item (contract/appointment-slots.ts serviceForItem). */
export function serviceForItem(services: readonly ScheduleService[], itemCode: string): ScheduleService | undefined {
  return services.find((service) => service.itemCodes?.includes(itemCode)) ?? services.find((service) => service.itemCodes === null)
}

/**
 * Whether a hall takes bookings of the item, as the server decides it: the item is offered there
 * (a service of the schedule lists it, or the guide's 办理地点 names the hall) and a service takes
 * it. `guideHallIds` null: the guide is not at hand (offline), the schedule alone decides.
 */
export function hallTakesItem(schedule: HallSchedule | null | undefined, itemCode: string, guideHallIds: readonly string[] | null = null): boolean {
  if (!schedule || serviceForItem(schedule.services, itemCode) === undefined) return false
  const listed = schedule.services.some((service) => service.itemCodes?.includes(itemCode))
  return listed || guideHallIds === null || guideHallIds.includes(schedule.hallId)
}

/** Whether a hall's staff serve the item at home (上门服务). */
export function hallServesAtHome(schedule: HallSchedule | null | undefined, itemCode: string): boolean {
  return !!schedule?.homeService?.itemCodes.includes(itemCode)
}

/** Places the booker can still take: a 绿色通道 booking may use the places held for priority. */
export function placesLeft(slot: AvailableSlot, priority: boolean): number {
  return priority ? slot.remainingPriority : slot.remaining
}

/** The dates that have slots, in order, with the kinds each offers (tabs only where offered). */
export function slotDates(slots: readonly AvailableSlot[]): Array<{ date: string; kinds: SlotKindValue[] }> {
  const byDate = new Map<string, Set<SlotKindValue>>()
  for (const slot of slots) {
    if (!byDate.has(slot.date)) byDate.set(slot.date, new Set())
    byDate.get(slot.date)!.add(slot.kind)
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, kinds]) => ({ date, kinds: SLOT_KIND_ORDER.filter((kind) => kinds.has(kind)) }))
}

/** The ISO time a slot starts (Asia/Shanghai wall clock, UTC+8 all year). */
export function slotStartsAt(date: string, start: string): string {
  return `${date}T${start}:00+08:00`
}

/** A booking still to come: booked and not yet ended. */
export function isUpcoming(booking: Booking, now: Date = new Date()): boolean {
  return booking.status === 'booked' && Date.parse(slotStartsAt(booking.date, booking.end)) > now.getTime()
}

/** Whether the booking can still be cancelled or moved (booked, before the hall's cut-off). */
export function isChangeable(booking: Booking, now: Date = new Date()): boolean {
  return booking.status === 'booked' && Date.parse(booking.changeableUntil) > now.getTime()
}

/** Upcoming bookings first, soonest first; then the others, latest first. */
export function sortBookings(bookings: readonly Booking[], now: Date = new Date()): Booking[] {
  const key = (booking: Booking) => `${booking.date} ${booking.start}`
  const upcoming = bookings.filter((booking) => isUpcoming(booking, now)).sort((a, b) => key(a).localeCompare(key(b)))
  const others = bookings.filter((booking) => !isUpcoming(booking, now)).sort((a, b) => key(b).localeCompare(key(a)))
  return [...upcoming, ...others]
}

/** ISO weekday (1 = Monday) of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): number {
  return shanghaiClock(new Date(`${date}T12:00:00+08:00`)).weekday
}

/** Dates a 上门服务 visit can be asked for: from tomorrow, `count` days. */
export function homeServiceDates(count: number, now: Date = new Date()): string[] {
  const today = shanghaiToday(now)
  return Array.from({ length: count }, (_, index) => addCalendarDays(today, index + 1))
}
