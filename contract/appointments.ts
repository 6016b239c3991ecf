import { Type, type Static } from 'typebox'
import { SlotKind } from './appointment-schedule.ts'
import { ClockTime, Timestamp } from './common.ts'
import { itemCodePattern, LocalDate } from './guides.ts'

// Appointments (预约, PRODUCT.md §4, 第十八条): booking a visit to a hall in a slot of its schedule
// (contract/appointment-slots.ts), 绿色通道 priority, and 上门服务 home-service requests.
//
// Public (no sign-in):
//   GET  /api/v1/halls/{id}/appointment-schedule          HallSchedule: services, kinds offered,
//        which items may use flexible / rest-day slots and home service. 404 HALL_NOT_FOUND;
//        404 SCHEDULE_NOT_FOUND when the hall takes no appointments.
//   GET  /api/v1/halls/{id}/slots?itemCode=&from=&to=     SlotAvailability: every slot of the item
//        from `from` (default today) to `to` (default from + 6 days; at most 31 days, not beyond
//        the hall's horizon), with the places left, live (Cache-Control: max-age=5). Slots whose
//        cut-off has passed are left out; full ones are listed with remaining 0.
//        404 HALL_NOT_FOUND, SCHEDULE_NOT_FOUND; 422 ITEM_NOT_BOOKABLE (not published, no 预约办理,
//        or not offered at this hall), DATE_RANGE_INVALID.
//
// Citizen (signed in; writes need X-CSRF-Token and an Idempotency-Key — the app sends them through
// its outbox; a retry with the same key answers the first result, `Idempotent-Replayed: true`):
//   POST /api/v1/me/bookings                              BookingInput → 201 BookingDetail
//   GET  /api/v1/me/bookings                              BookingList, upcoming first then past
//   GET  /api/v1/me/bookings/{bookingId}                  BookingDetail (with the QR code SVG)
//   GET  /api/v1/me/bookings/{bookingId}/calendar.ics     text/calendar (an iCalendar VEVENT: the
//        item and hall in SUMMARY, the hall's address in LOCATION, the booking code in DESCRIPTION,
//        times in Asia/Shanghai; nothing else personal). Read with the session cookie.
//   POST /api/v1/me/bookings/{bookingId}/cancel           → 200 BookingDetail (cancelling a
//        cancelled booking answers it again)
//   POST /api/v1/me/bookings/{bookingId}/reschedule       RescheduleInput → 200 BookingDetail: the
//        same booking (id and code) moved to the new slot, in one transaction.
//   POST /api/v1/me/home-service-requests                 HomeServiceInput → 201 HomeServiceRequest
//   GET  /api/v1/me/home-service-requests                 HomeServiceRequestList, newest first
//   GET  /api/v1/me/home-service-requests/{requestId}     HomeServiceRequest
//   POST /api/v1/me/home-service-requests/{requestId}/cancel → 200 HomeServiceRequest
//   Another citizen's booking or request answers 404 NOT_FOUND, as one that does not exist.
// Booking errors (ErrorBody, messages in Chinese to show as they are):
//   404 HALL_NOT_FOUND; 422 ITEM_NOT_BOOKABLE; 422 SLOT_NOT_OFFERED (no such slot: wrong time,
//   closed day, a flexible or rest-day slot the item may not use); 422 SLOT_CLOSED (in the past or
//   after the cut-off, or beyond the horizon); 409 SLOT_FULL (no place left — for priority bookings
//   the held places count too); 409 ALREADY_BOOKED (the caller holds an active booking of this item
//   in this slot); 409 BOOKING_NOT_CHANGEABLE (cancel/reschedule after the cut-off, or of a booking
//   checked in, missed or cancelled); 422 IDEMPOTENCY_KEY_REUSED.
//
// Staff (staff session; bound to halls — an administrator acts for every hall, others only for
// the halls of their account, else 404 as for a hall that does not exist). Writes need
// X-CSRF-Token and are audit-logged:
//   PUT  /api/v1/staff/halls/{id}/schedule                HallScheduleInput → 200 SavedHallSchedule
//        (supervisor, admin; 422 SCHEDULE_INVALID with the problems in `details`). Active bookings
//        whose slot the new schedule no longer offers are cancelled and their citizens notified
//        (kind appointment_cancelled); a lowered capacity keeps the bookings already made.
//   GET  /api/v1/staff/halls/{id}/bookings?date=          StaffBookingList of the day, by time, with
//        priority groups (clerk, supervisor, admin)
//   POST /api/v1/staff/bookings/check-in                  { code } → 200 StaffBooking (checked in;
//        again → 200 unchanged); 404 BOOKING_NOT_FOUND; 409 BOOKING_NOT_CHECKABLE (cancelled, or
//        not for today)
//   POST /api/v1/staff/bookings/{bookingId}/no-show       → 200 StaffBooking (once the slot began)
//   GET  /api/v1/staff/halls/{id}/home-service-requests?status=  StaffHomeServiceRequestList
//        (waiting first; contacts masked)
//   GET  /api/v1/staff/home-service-requests/{requestId}   HomeServiceRequest in full, to go
//        there (audit-logged read: home-service.read)
//   POST /api/v1/staff/home-service-requests/{requestId}/confirm  HomeServiceConfirmInput → 200
//   POST /api/v1/staff/home-service-requests/{requestId}/decline  HomeServiceDeclineInput → 200
//        (409 HOME_SERVICE_NOT_OPEN unless the request is `requested`); the citizen is notified.
// Reminders: a booked citizen gets a notification (kind appointment_reminder, and Web Push where
// enabled) the day before and two hours before the slot, each once.

const uuid = (example: string) => Type.String({ format: 'uuid', examples: [example] })

/** 绿色通道 groups of 第十八条(1). */
export const PRIORITY_GROUPS = ['military', 'fire_rescue', 'medical', 'elderly', 'sick', 'disabled', 'pregnant'] as const
export type PriorityGroupValue = (typeof PRIORITY_GROUPS)[number]

export const PriorityGroup = Type.Union([
  Type.Literal('military'),
  Type.Literal('fire_rescue'),
  Type.Literal('medical'),
  Type.Literal('elderly'),
  Type.Literal('sick'),
  Type.Literal('disabled'),
  Type.Literal('pregnant'),
])
export type PriorityGroup = Static<typeof PriorityGroup>

/** The names the hall uses for each priority group. */
export const PRIORITY_GROUP_NAMES: Record<PriorityGroupValue, string> = {
  military: '军人',
  fire_rescue: '消防救援人员',
  medical: '医护人员',
  elderly: '老年人',
  sick: '病患',
  disabled: '残疾人',
  pregnant: '孕妇',
}

/** The booking code shown and encoded in the QR code: 8 characters without 0/O/1/I/L, e.g. `K7QM-3XPD`. */
export const bookingCodePattern = '^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$'
export const BookingCode = Type.String({ pattern: bookingCodePattern, examples: ['K7QM-3XPD'] })

const HallId = Type.String({ pattern: '^[a-z0-9-]{1,64}$', examples: ['kundulun-civic-centre'] })
const ItemCodeParam = Type.String({ pattern: itemCodePattern, examples: ['1115020300011500100001'] })
const DateParam = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2026-12-01'] })

/** Query of GET /api/v1/halls/{id}/slots. */
export const SlotQuery = Type.Object({
  itemCode: ItemCodeParam,
  from: Type.Optional(DateParam),
  to: Type.Optional(DateParam),
})
export type SlotQuery = Static<typeof SlotQuery>

/** A slot with the places left in it. */
export const AvailableSlot = Type.Object({
  date: LocalDate,
  start: ClockTime,
  end: ClockTime,
  kind: SlotKind,
  capacity: Type.Integer({ minimum: 1 }),
  /** Places an ordinary booking can still take (the priority places still held are not counted). */
  remaining: Type.Integer({ minimum: 0 }),
  /** Places a priority (绿色通道) booking can still take. */
  remainingPriority: Type.Integer({ minimum: 0 }),
})
export type AvailableSlot = Static<typeof AvailableSlot>

export const SlotAvailability = Type.Object({
  hallId: Type.String(),
  itemCode: Type.String(),
  /** The schedule's service that takes the item (ScheduleService.id / name). */
  serviceId: Type.String(),
  serviceName: Type.String(),
  from: LocalDate,
  to: LocalDate,
  bookingCutoffMinutes: Type.Integer({ minimum: 0 }),
  slots: Type.Array(AvailableSlot),
})
export type SlotAvailability = Static<typeof SlotAvailability>

/** Body of POST /api/v1/me/bookings. The contact is the signed-in citizen's. */
export const BookingInput = Type.Object(
  {
    itemCode: ItemCodeParam,
    hallId: HallId,
    date: DateParam,
    start: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', examples: ['09:00'] }),
    kind: SlotKind,
    /** The 绿色通道 group declared, or null. Shown to staff; may use the held places. */
    priorityGroup: Type.Union([PriorityGroup, Type.Null()], { examples: [null] }),
  },
  { additionalProperties: false },
)
export type BookingInput = Static<typeof BookingInput>

/** Body of POST /api/v1/me/bookings/{bookingId}/reschedule: the new slot (same item and hall). */
export const RescheduleInput = Type.Object(
  {
    date: DateParam,
    start: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', examples: ['09:30'] }),
    kind: SlotKind,
  },
  { additionalProperties: false },
)
export type RescheduleInput = Static<typeof RescheduleInput>

/** booked 已预约, checked_in 已签到, no_show 未到, cancelled 已取消. */
export const BookingStatus = Type.Union([Type.Literal('booked'), Type.Literal('checked_in'), Type.Literal('no_show'), Type.Literal('cancelled')])
export type BookingStatus = Static<typeof BookingStatus>

const bookingFields = {
  id: Type.String({ format: 'uuid' }),
  code: BookingCode,
  status: BookingStatus,
  itemCode: Type.String(),
  itemName: Type.String(),
  hallId: Type.String(),
  hallName: Type.String(),
  hallAddress: Type.String(),
  serviceName: Type.String(),
  /** The window as signed in the hall (e.g. `5`), when the service has one. */
  windowNumber: Type.Union([Type.String(), Type.Null()]),
  date: LocalDate,
  start: ClockTime,
  end: ClockTime,
  kind: SlotKind,
  priorityGroup: Type.Union([PriorityGroup, Type.Null()]),
  createdAt: Timestamp,
  /** Cancelling and rescheduling are possible until then (the hall's cut-off before the start). */
  changeableUntil: Timestamp,
  cancelledAt: Type.Union([Timestamp, Type.Null()]),
  checkedInAt: Type.Union([Timestamp, Type.Null()]),
}

/** A booking as its citizen sees it in the list. */
export const Booking = Type.Object(bookingFields)
export type Booking = Static<typeof Booking>

/** One booking with its check-in QR code. */
export const BookingDetail = Type.Object({
  ...bookingFields,
  /** SVG of the QR code of `code` (what staff scan to check in), ready to inline. */
  qrSvg: Type.String(),
})
export type BookingDetail = Static<typeof BookingDetail>

export const BookingList = Type.Object({ bookings: Type.Array(Booking) })
export type BookingList = Static<typeof BookingList>

export const BookingParams = Type.Object({ bookingId: uuid('00000000-0000-4000-8000-000000000000') })
export type BookingParams = Static<typeof BookingParams>

/** A booking as staff see it: the citizen's contact masked (name 王*燕, phone 139****0000). */
export const StaffBooking = Type.Object({
  ...bookingFields,
  contactName: Type.Union([Type.String(), Type.Null()]),
  contactPhone: Type.String(),
})
export type StaffBooking = Static<typeof StaffBooking>

export const StaffBookingList = Type.Object({
  hallId: Type.String(),
  date: LocalDate,
  /** By start time; priority bookings first within a slot. */
  bookings: Type.Array(StaffBooking),
})
export type StaffBookingList = Static<typeof StaffBookingList>

export const StaffBookingsQuery = Type.Object({ date: DateParam })

/** Body of POST /api/v1/staff/bookings/check-in (the code from the QR code or as read out). */
export const CheckInInput = Type.Object({ code: BookingCode }, { additionalProperties: false })
export type CheckInInput = Static<typeof CheckInInput>

/** mobility 行动不便, on_site_inspection 需现场检验 (第十八条(2)). */
export const HomeServiceReason = Type.Union([Type.Literal('mobility'), Type.Literal('on_site_inspection')], { examples: ['mobility'] })
export type HomeServiceReason = Static<typeof HomeServiceReason>

export const HOME_SERVICE_REASON_NAMES: Record<HomeServiceReason, string> = {
  mobility: '行动不便',
  on_site_inspection: '需现场检验',
}

/** Body of POST /api/v1/me/home-service-requests. */
export const HomeServiceInput = Type.Object(
  {
    itemCode: ItemCodeParam,
    /** The hall whose staff come (its schedule's homeService lists the item). */
    hallId: HallId,
    address: Type.String({ minLength: 5, maxLength: 200, pattern: '\\S', examples: ['包头市昆都仑区少先路街道某小区3号楼2单元501'] }),
    reason: HomeServiceReason,
    /** Anything staff should know (e.g. 卧床，需要携带便携设备). */
    note: Type.Union([Type.String({ maxLength: 500 }), Type.Null()], { examples: [null] }),
    /** One to three dates, each from tomorrow on. */
    preferredDates: Type.Array(DateParam, { minItems: 1, maxItems: 3, uniqueItems: true }),
    contactName: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S', examples: ['王秀英'] }),
    contactPhone: Type.String({ pattern: '^1[3-9]\\d{9}$', examples: ['13800000000'] }),
  },
  { additionalProperties: false },
)
export type HomeServiceInput = Static<typeof HomeServiceInput>

/** requested 待确认, confirmed 已确认, declined 未能安排, cancelled 已取消. */
export const HomeServiceStatus = Type.Union([Type.Literal('requested'), Type.Literal('confirmed'), Type.Literal('declined'), Type.Literal('cancelled')])
export type HomeServiceStatus = Static<typeof HomeServiceStatus>

export const HomeServiceRequest = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: HomeServiceStatus,
  itemCode: Type.String(),
  itemName: Type.String(),
  hallId: Type.String(),
  hallName: Type.String(),
  address: Type.String(),
  reason: HomeServiceReason,
  note: Type.Union([Type.String(), Type.Null()]),
  preferredDates: Type.Array(LocalDate),
  contactName: Type.String(),
  contactPhone: Type.String(),
  /** When staff will come (set on confirmation). */
  visitAt: Type.Union([Timestamp, Type.Null()]),
  /** Staff's note with the confirmation, or the reason of the decline. */
  staffNote: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  decidedAt: Type.Union([Timestamp, Type.Null()]),
  cancelledAt: Type.Union([Timestamp, Type.Null()]),
})
export type HomeServiceRequest = Static<typeof HomeServiceRequest>

export const HomeServiceRequestList = Type.Object({ requests: Type.Array(HomeServiceRequest) })
export type HomeServiceRequestList = Static<typeof HomeServiceRequestList>

export const HomeServiceParams = Type.Object({ requestId: uuid('00000000-0000-4000-8000-000000000000') })
export type HomeServiceParams = Static<typeof HomeServiceParams>

export const StaffHomeServiceQuery = Type.Object({ status: Type.Optional(HomeServiceStatus) })

/** Body of POST /api/v1/staff/home-service-requests/{requestId}/confirm. */
export const HomeServiceConfirmInput = Type.Object(
  {
    visitAt: Type.String({ format: 'date-time', examples: ['2026-12-02T09:30:00+08:00'] }),
    note: Type.Union([Type.String({ maxLength: 500 }), Type.Null()], { examples: ['工作人员将携带便携式采集设备上门'] }),
  },
  { additionalProperties: false },
)
export type HomeServiceConfirmInput = Static<typeof HomeServiceConfirmInput>

/** Body of POST /api/v1/staff/home-service-requests/{requestId}/decline. */
export const HomeServiceDeclineInput = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 500, pattern: '\\S', examples: ['该事项需本人到大厅现场采集指纹'] }) },
  { additionalProperties: false },
)
export type HomeServiceDeclineInput = Static<typeof HomeServiceDeclineInput>

/** How many minutes before a slot the reminders go out: the day before, and two hours before. */
export const BOOKING_REMINDERS = [
  { kind: 'day_before', minutesBefore: 24 * 60 },
  { kind: 'two_hours_before', minutesBefore: 120 },
] as const

/**
 * A hall's home-service requests for staff, contacts masked (王*英, 138****0000) as in every list;
 * GET /api/v1/staff/home-service-requests/{requestId} gives one in full (an audit-logged read).
 */
export const StaffHomeServiceRequestList = Type.Object({ hallId: Type.String(), requests: Type.Array(HomeServiceRequest) })
export type StaffHomeServiceRequestList = Static<typeof StaffHomeServiceRequestList>
