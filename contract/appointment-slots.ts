import { Type, type Static } from 'typebox'
import { ClockTime, Timestamp } from './common.ts'
import { itemCodePattern } from './guides.ts'
import { OpeningPeriod } from './halls.ts'
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

export const SLOT_KINDS = ['regular', 'flexible', 'lunch', 'rest_day'] as const
export type SlotKindValue = (typeof SLOT_KINDS)[number]

/** regular 正常时段, flexible 早晚弹性办, lunch 午间不间断, rest_day 周末/节假日预约. */
export const SlotKind = Type.Union([Type.Literal('regular'), Type.Literal('flexible'), Type.Literal('lunch'), Type.Literal('rest_day')], { examples: ['regular'] })
export type SlotKind = Static<typeof SlotKind>

/** The Chinese name of each kind, as the hall's notices say it. */
export const SLOT_KIND_NAMES: Record<SlotKindValue, string> = {
  regular: '正常时段',
  flexible: '早晚弹性办',
  lunch: '午间不间断',
  rest_day: '周末及节假日预约',
}

const ItemCodeList = Type.Array(Type.String({ pattern: itemCodePattern }), { uniqueItems: true, maxItems: 500 })
const Capacity = Type.Integer({ minimum: 1, maximum: 200, description: 'Bookings accepted per slot.' })

/** A period within a day: `opens` inclusive, `closes` exclusive. */
export const DayPeriod = Type.Object({ opens: ClockTime, closes: ClockTime })
export type DayPeriod = Static<typeof DayPeriod>

/**
 * One bookable service of a hall: the whole hall, or a window (or group of items) whose capacity
 * differs. An item is served by the first service listing it in `itemCodes`, else by the first
 * service with `itemCodes: null` (every item bookable at the hall).
 */
export const ScheduleService = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]{1,40}$', examples: ['general'] }),
  name: Type.String({ minLength: 1, maxLength: 60, examples: ['综合受理'] }),
  /** The hall window (contract/halls.ts HallWindow.id) where the visit is served, if one. */
  windowId: Type.Union([Type.String({ pattern: '^[a-z0-9-]{1,64}$' }), Type.Null()]),
  /** Items this service takes; null: every item bookable at the hall not listed by another service. */
  itemCodes: Type.Union([ItemCodeList, Type.Null()]),
  /** Bookings per regular slot. */
  capacity: Capacity,
  /**
   * Places of each slot held for 绿色通道 (priority) bookings: others may book only while more
   * than this many places (less the priority bookings made) are left. 0: none held. Less than
   * `capacity`; in a slot kind of smaller capacity, at most that capacity less one are held, so
   * no slot is closed to ordinary bookings.
   */
  priorityReserved: Type.Integer({ minimum: 0, maximum: 200 }),
  /** Regular periods on working days (an adjusted working day 调休上班 follows Monday's periods). */
  regular: Type.Array(OpeningPeriod, { maxItems: 14 }),
  /** 早晚弹性办; null when not offered. */
  flexible: Type.Union([
    Type.Object({
      beforeOpeningMinutes: Type.Integer({ minimum: 0, maximum: 60 }),
      afterClosingMinutes: Type.Integer({ minimum: 0, maximum: 60 }),
      capacity: Capacity,
      /** Only these items may be booked in flexible slots (第十八条(4) 预约事项). */
      itemCodes: ItemCodeList,
    }),
    Type.Null(),
  ]),
  /** 午间不间断 on working days; null when not offered. */
  lunch: Type.Union([Type.Object({ starts: ClockTime, ends: ClockTime, capacity: Capacity }), Type.Null()]),
  /** Weekend and public-holiday appointments; null when not offered. */
  restDays: Type.Union([
    Type.Object({
      /** Periods on weekend days that are not working days (weekdays 6 and/or 7). */
      weekend: Type.Array(OpeningPeriod, { maxItems: 14 }),
      /** Periods on public holidays (法定节假日); [] when closed on them. */
      holidays: Type.Array(DayPeriod, { maxItems: 14 }),
      capacity: Capacity,
      /** Only these items (第十八条(3): the hall decides which). */
      itemCodes: ItemCodeList,
    }),
    Type.Null(),
  ]),
})
export type ScheduleService = Static<typeof ScheduleService>

/** A date that differs from the schedule: closed (no slot of any kind) or an extra opening day. */
export const ScheduleException = Type.Object({
  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2026-12-31'] }),
  kind: Type.Union([Type.Literal('closed'), Type.Literal('extra')]),
  /** For `extra`: the periods served, as regular slots of every service. Ignored for `closed`. */
  periods: Type.Array(DayPeriod, { maxItems: 14 }),
  /** Shown to citizens, e.g. 系统升级暂停服务. */
  note: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
})
export type ScheduleException = Static<typeof ScheduleException>

const scheduleFields = {
  /** Minutes per slot (10 to 120). */
  slotMinutes: Type.Integer({ minimum: 10, maximum: 120, examples: [30] }),
  /** Booking, cancelling and rescheduling close this many minutes before the slot starts. */
  bookingCutoffMinutes: Type.Integer({ minimum: 0, maximum: 4320, examples: [60] }),
  /** How many days ahead (from today) slots can be booked. */
  horizonDays: Type.Integer({ minimum: 1, maximum: 90, examples: [14] }),
  services: Type.Array(ScheduleService, { minItems: 1, maxItems: 20 }),
  exceptions: Type.Array(ScheduleException, { maxItems: 366 }),
  /** 上门服务 (第十八条(2)): items this hall's staff serve at home; null when not offered. */
  homeService: Type.Union([Type.Object({ itemCodes: ItemCodeList }), Type.Null()]),
}

const workingWeek = [1, 2, 3, 4, 5]

/** A district hall's schedule: the shape of a real one, and the example of the API documents. */
const exampleSchedule = {
  slotMinutes: 30,
  bookingCutoffMinutes: 60,
  horizonDays: 14,
  services: [
    {
      id: 'general',
      name: '综合受理',
      windowId: 'kundulun-civic-centre-w01',
      itemCodes: null,
      capacity: 6,
      priorityReserved: 1,
      regular: [
        { weekdays: workingWeek, opens: '09:00', closes: '12:00' },
        { weekdays: workingWeek, opens: '14:00', closes: '17:30' },
      ],
      flexible: { beforeOpeningMinutes: 60, afterClosingMinutes: 60, capacity: 2, itemCodes: ['1115020300011500100001'] },
      lunch: { starts: '12:00', ends: '14:00', capacity: 2 },
      restDays: { weekend: [{ weekdays: [6, 7], opens: '09:00', closes: '12:00' }], holidays: [], capacity: 4, itemCodes: ['1115020300011500100001'] },
    },
  ],
  exceptions: [{ date: '2026-12-31', kind: 'closed', periods: [], note: '年终盘点暂停预约' }],
  homeService: { itemCodes: ['1115020300011500100001'] },
}

/** Body of PUT /api/v1/staff/halls/{id}/schedule: the whole schedule, replacing the old one. */
export const HallScheduleInput = Type.Object(scheduleFields, { additionalProperties: false, examples: [exampleSchedule] })
export type HallScheduleInput = Static<typeof HallScheduleInput>

/** A hall's schedule as stored (GET /api/v1/halls/{id}/appointment-schedule). */
export const HallSchedule = Type.Object({
  hallId: Type.String(),
  ...scheduleFields,
  updatedAt: Timestamp,
})
export type HallSchedule = Static<typeof HallSchedule>

/**
 * Answer of PUT /api/v1/staff/halls/{id}/schedule: the schedule saved, and how many active
 * bookings it displaced — those whose slot it no longer offers (a closed day, shorter hours, an
 * item taken out of a kind) are cancelled, their places freed and their citizens notified.
 */
export const SavedHallSchedule = Type.Object({
  schedule: HallSchedule,
  cancelledBookings: Type.Integer({ minimum: 0 }),
})
export type SavedHallSchedule = Static<typeof SavedHallSchedule>

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
