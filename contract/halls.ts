import { Type, type Static } from 'typebox'
import { ClockTime, Phone, Timestamp } from './common.ts'

/** Days of the week, ISO numbering: 1 = Monday … 7 = Sunday. */
export const Weekday = Type.Integer({ minimum: 1, maximum: 7 })

/** One opening period on the given weekdays, e.g. Mon–Fri 09:00–12:00. */
export const OpeningPeriod = Type.Object({
  weekdays: Type.Array(Weekday, { minItems: 1, uniqueItems: true }),
  opens: ClockTime,
  closes: ClockTime,
})
export type OpeningPeriod = Static<typeof OpeningPeriod>

/**
 * A hall's opening hours with the special services of 第十八条: flexible hours
 * (早晚弹性办), lunch service (午间不间断) and weekend service.
 */
export const OpeningHours = Type.Object({
  /** Regular hours on legal working days. */
  regular: Type.Array(OpeningPeriod),
  /** 早晚弹性办: minutes before opening and after closing offered by appointment; null when not offered. */
  flexible: Type.Union([
    Type.Object({
      beforeOpeningMinutes: Type.Integer({ minimum: 0, maximum: 60 }),
      afterClosingMinutes: Type.Integer({ minimum: 0, maximum: 60 }),
    }),
    Type.Null(),
  ]),
  /** 午间不间断: the lunch break during which the hall keeps serving; null when not offered. */
  lunch: Type.Union([Type.Object({ starts: ClockTime, ends: ClockTime }), Type.Null()]),
  /** Weekend and public-holiday service periods (周末不休息 / 预约服务). */
  weekend: Type.Array(OpeningPeriod),
  /** Anything the hours above cannot say, as published. */
  note: Type.Union([Type.String(), Type.Null()]),
})
export type OpeningHours = Static<typeof OpeningHours>

/** A functional zone of the hall (第九条): 咨询服务区, 窗口服务区, 自助服务区 … */
export const HallZone = Type.Object({
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
})
export type HallZone = Static<typeof HallZone>

/** A staff card at a window (第十一条): name, duties and contact, published for supervision. */
export const StaffCard = Type.Object({
  name: Type.String(),
  duties: Type.String(),
  contact: Type.Union([Type.String(), Type.Null()]),
})
export type StaffCard = Static<typeof StaffCard>

export const HallWindow = Type.Object({
  id: Type.String(),
  /** The window's number as signed in the hall, e.g. `1`, `A3`. */
  number: Type.String(),
  name: Type.String(),
  /** What the window handles, as published. */
  handles: Type.Array(Type.String()),
  staff: Type.Array(StaffCard),
})
export type HallWindow = Static<typeof HallWindow>

/** Whether the published data has been confirmed by the hall itself. */
export const HallVerification = Type.Union([Type.Literal('confirmed'), Type.Literal('unconfirmed')])

const hallSummaryFields = {
  id: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }),
  name: Type.String(),
  kind: Type.Union([Type.Literal('district_centre'), Type.Literal('street_station')]),
  address: Type.String(),
  /** A link that opens the hall in a map app or site. */
  mapUrl: Type.Union([Type.String({ format: 'uri' }), Type.Null()]),
  phones: Type.Array(Phone),
  openingHours: OpeningHours,
  verification: HallVerification,
  /** When the hall's published data last changed. */
  updatedAt: Timestamp,
}

export const HallSummary = Type.Object(hallSummaryFields, { $id: 'HallSummary' })
export type HallSummary = Static<typeof HallSummary>

export const Hall = Type.Object(
  {
    ...hallSummaryFields,
    zones: Type.Array(HallZone),
    /** Accessibility facilities (无障碍设施), as published. */
    accessibility: Type.Array(Type.String()),
    windows: Type.Array(HallWindow),
  },
  { $id: 'Hall' },
)
export type Hall = Static<typeof Hall>

export const HallList = Type.Object({ halls: Type.Array(HallSummary) }, { $id: 'HallList' })
export type HallList = Static<typeof HallList>

/** `examples` name a seeded hall, so generated API tests can build a request that finds one. */
export const HallParams = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]{1,64}$', examples: ['kundulun-civic-centre'] }),
})
export type HallParams = Static<typeof HallParams>
