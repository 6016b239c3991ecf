import type { DayPeriod, HallScheduleInput, ScheduleService } from './appointment-schedule.ts'
import type { OpeningPeriod } from './halls.ts'
import { addCalendarDays, isoWeekday } from './local-date.ts'
import type { WorkingDayCalendar } from './working-days/working-days.ts'

// A hall's appointment schedule (预约排班, 第十八条) and the pure slot generation that the app and
// the server share: the same schedule and calendar give the same slots on both sides.
//
// Kinds of slot:
//   regular   正常时段: the regular periods on legal working days (调休上班 Saturdays included);
//   flexible  早晚弹性办 (第十八条(4)): up to 60 minutes before the first opening and after the last
//             closing of a legal working day, only for the items the hall lists for it;
//   lunch     午间不间断 (第十八条(5)): the lunch break of a legal working day, for every item of the
//             service (全部进驻事项);
//   rest_day  周末/节假日预约 (第十八条(3)(6)): weekends and public holidays that are not working days,
//             only for the items and hours the hall sets.
// Exceptions: a closed date has no slot at all; an extra date is served like a working day with
// the periods given (regular slots only).
// Times are Asia/Shanghai wall-clock `HH:mm`; dates `YYYY-MM-DD` (contract/local-date.ts).

// Framework-free (no TypeBox at run time): the schemas are in contract/appointment-schedule.ts.

export type { DayPeriod, HallSchedule, HallScheduleInput, SavedHallSchedule, ScheduleException, ScheduleService, SlotKind } from './appointment-schedule.ts'

export const SLOT_KINDS = ['regular', 'flexible', 'lunch', 'rest_day'] as const
export type SlotKindValue = (typeof SLOT_KINDS)[number]

/** The Chinese name of each kind, as the hall's notices say it. */
export const SLOT_KIND_NAMES: Record<SlotKindValue, string> = {
  regular: '正常时段',
  flexible: '早晚弹性办',
  lunch: '午间不间断',
  rest_day: '周末及节假日预约',
}

/** One slot the schedule offers (before bookings are counted). */
export interface ScheduledSlot {
  date: string
  /** `HH:mm`, inclusive. */
  start: string
  /** `HH:mm`, exclusive. */
  end: string
  kind: SlotKindValue
  serviceId: string
  capacity: number
  /** Places held for priority bookings in this slot (less than its capacity). */
  priorityReserved: number
}

/** What in a schedule generateSlots reads (HallSchedule and HallScheduleInput both fit). */
export type SlotSchedule = Pick<HallScheduleInput, 'slotMinutes' | 'services' | 'exceptions'>

export interface GenerateSlotsOptions {
  /** Only slots that this item may be booked in (its service; flexible and rest-day lists). */
  itemCode?: string
}

function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

function toClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** The service that takes `itemCode`: the first listing it, else the first taking every item. */
export function serviceForItem<S extends Pick<ScheduleService, 'itemCodes'>>(services: readonly S[], itemCode: string): S | undefined {
  return services.find((service) => service.itemCodes?.includes(itemCode)) ?? services.find((service) => service.itemCodes === null)
}

function periodsOnWeekday(periods: readonly OpeningPeriod[], weekday: number): DayPeriod[] {
  return periods.filter((period) => period.weekdays.includes(weekday)).map(({ opens, closes }) => ({ opens, closes }))
}

/** Slots of `slotMinutes` inside [from, to) (minutes), a trailing part shorter than a slot dropped. */
function cut(from: number, to: number, slotMinutes: number, make: (start: number, end: number) => ScheduledSlot): ScheduledSlot[] {
  const slots: ScheduledSlot[] = []
  for (let start = from; start + slotMinutes <= Math.min(to, 24 * 60); start += slotMinutes) slots.push(make(start, start + slotMinutes))
  return slots
}

function serviceSlotsOn(date: string, service: ScheduleService, schedule: SlotSchedule, calendar: WorkingDayCalendar, options: GenerateSlotsOptions): ScheduledSlot[] {
  const slot = (kind: SlotKindValue, capacity: number) => (start: number, end: number): ScheduledSlot => ({
    date,
    start: toClock(start),
    end: toClock(end),
    kind,
    serviceId: service.id,
    capacity,
    priorityReserved: Math.min(service.priorityReserved, capacity - 1),
  })
  const allows = (itemCodes: readonly string[]) => options.itemCode === undefined || itemCodes.includes(options.itemCode)
  const size = schedule.slotMinutes
  const exception = schedule.exceptions.find((candidate) => candidate.date === date)
  if (exception?.kind === 'closed') return []
  if (exception?.kind === 'extra') {
    return exception.periods.flatMap((period) => cut(toMinutes(period.opens), toMinutes(period.closes), size, slot('regular', service.capacity)))
  }

  const day = calendar.day(date)
  if (!day.working) {
    const rest = service.restDays
    if (!rest || !allows(rest.itemCodes)) return []
    const periods = day.kind === 'holiday' ? rest.holidays : periodsOnWeekday(rest.weekend, isoWeekday(date))
    return periods.flatMap((period) => cut(toMinutes(period.opens), toMinutes(period.closes), size, slot('rest_day', rest.capacity)))
  }

  const regular = periodsOnWeekday(service.regular, day.kind === 'adjusted_working_day' ? 1 : isoWeekday(date))
  const slots = regular.flatMap((period) => cut(toMinutes(period.opens), toMinutes(period.closes), size, slot('regular', service.capacity)))
  if (regular.length === 0) return slots
  const opening = Math.min(...regular.map((period) => toMinutes(period.opens)))
  const closing = Math.max(...regular.map((period) => toMinutes(period.closes)))
  if (service.lunch) {
    const { starts, ends, capacity } = service.lunch
    slots.push(...cut(toMinutes(starts), toMinutes(ends), size, slot('lunch', capacity)))
  }
  if (service.flexible && allows(service.flexible.itemCodes)) {
    const { beforeOpeningMinutes, afterClosingMinutes, capacity } = service.flexible
    // Whole slots only: a 60-minute window with 30-minute slots gives two, with 45-minute slots one.
    const before = Math.floor(beforeOpeningMinutes / size) * size
    slots.push(...cut(opening - before, opening, size, slot('flexible', capacity)))
    slots.push(...cut(closing, closing + afterClosingMinutes, size, slot('flexible', capacity)))
  }
  return slots
}

/**
 * Every slot the schedule offers from `fromDate` to `toDate` (both included), sorted by date,
 * start and service. Working days, weekends and holidays come from `calendar` (调休 included);
 * a date in a year the calendar does not know throws MissingCalendarYearError. With
 * `options.itemCode`, only the slots that item may be booked in.
 */
export function generateSlots(schedule: SlotSchedule, fromDate: string, toDate: string, calendar: WorkingDayCalendar, options: GenerateSlotsOptions = {}): ScheduledSlot[] {
  const services = options.itemCode === undefined ? schedule.services : [serviceForItem(schedule.services, options.itemCode)].filter((service) => service !== undefined)
  const slots: ScheduledSlot[] = []
  for (let date = fromDate; date <= toDate; date = addCalendarDays(date, 1)) {
    for (const service of services) slots.push(...serviceSlotsOn(date, service, schedule, calendar, options))
  }
  return slots.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.serviceId.localeCompare(b.serviceId))
}

/** The slot of `itemCode` on `date` at `start` of `kind`, if the schedule offers it. */
export function findSlot(schedule: SlotSchedule, itemCode: string, date: string, start: string, kind: SlotKindValue, calendar: WorkingDayCalendar): ScheduledSlot | undefined {
  return generateSlots(schedule, date, date, calendar, { itemCode }).find((slot) => slot.start === start && slot.kind === kind)
}

/**
 * Problems of a schedule that its schema cannot see, in Chinese ([] when none): periods that end
 * before they start, duplicate service ids, a reserved priority share above capacity, two
 * exceptions on one date.
 */
export function scheduleProblems(schedule: HallScheduleInput): string[] {
  const problems: string[] = []
  const ids = new Set<string>()
  const checkPeriod = (where: string, opens: string, closes: string) => {
    if (toMinutes(closes) <= toMinutes(opens)) problems.push(`${where}的结束时间 ${closes} 应晚于开始时间 ${opens}`)
  }
  for (const service of schedule.services) {
    if (ids.has(service.id)) problems.push(`服务编号“${service.id}”重复`)
    ids.add(service.id)
    const name = `“${service.name}”`
    if (service.priorityReserved >= service.capacity) problems.push(`${name}的绿色通道预留名额应少于每个时段的名额`)
    for (const period of service.regular) checkPeriod(`${name}正常时段`, period.opens, period.closes)
    if (service.lunch) checkPeriod(`${name}午间时段`, service.lunch.starts, service.lunch.ends)
    for (const period of service.restDays?.weekend ?? []) checkPeriod(`${name}周末时段`, period.opens, period.closes)
    for (const period of service.restDays?.holidays ?? []) checkPeriod(`${name}节假日时段`, period.opens, period.closes)
  }
  if (schedule.services.filter((service) => service.itemCodes === null).length > 1) problems.push('只能有一项服务受理全部事项（itemCodes 为 null）')
  const dates = new Set<string>()
  for (const exception of schedule.exceptions) {
    if (dates.has(exception.date)) problems.push(`${exception.date} 有多条例外安排`)
    dates.add(exception.date)
    for (const period of exception.periods) checkPeriod(`${exception.date} 的时段`, period.opens, period.closes)
  }
  return problems
}
