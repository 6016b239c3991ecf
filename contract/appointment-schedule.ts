import { Type, type Static } from 'typebox'
import { ClockTime, Timestamp } from './common.ts'
import { itemCodePattern } from './guides.ts'
import { OpeningPeriod } from './halls.ts'

// The schemas of a hall's appointment schedule (预约排班, 第十八条): what staff set and the API
// serves. The rules that turn a schedule into slots, free of TypeBox so the app can run them
// too, are in contract/appointment-slots.ts, which also re-exports these types.

/** regular 正常时段, flexible 早晚弹性办, lunch 午间不间断, rest_day 周末/节假日预约. */
export const SlotKind = Type.Union([Type.Literal('regular'), Type.Literal('flexible'), Type.Literal('lunch'), Type.Literal('rest_day')], { examples: ['regular'] })
export type SlotKind = Static<typeof SlotKind>

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

