import type { Translate } from './translate.ts'

/** The district's clock: every date and time the app shows or reasons about is in this zone. */
export const DISTRICT_TIME_ZONE = 'Asia/Shanghai'

/** A moment as read on a wall clock in Kundulun (Asia/Shanghai). */
export interface ShanghaiClock {
  year: number
  month: number
  day: number
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number
  hour: number
  minute: number
  /** Minutes since local midnight, for comparing with opening periods. */
  minutesOfDay: number
}

/**
 * Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so its wall clock is the UTC
 * clock moved by eight hours: exact for every date the app handles, and far cheaper on a slow
 * phone than an Intl.DateTimeFormat with a time zone (which loads time-zone data on first use).
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** Reads `at` on a clock in Asia/Shanghai, whatever the device's own time zone is. */
export function shanghaiClock(at: Date): ShanghaiClock {
  const wall = new Date(at.getTime() + SHANGHAI_OFFSET_MS)
  const hour = wall.getUTCHours()
  const minute = wall.getUTCMinutes()
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    weekday: wall.getUTCDay() === 0 ? 7 : wall.getUTCDay(),
    hour,
    minute,
    minutesOfDay: hour * 60 + minute,
  }
}

/** `HH:mm` → minutes since midnight. */
export function minutesOfClockTime(clockTime: string): number {
  const [hours = '0', minutes = '0'] = clockTime.split(':')
  return Number(hours) * 60 + Number(minutes)
}

/** A timestamp as `YYYY年M月D日 HH:mm` in Asia/Shanghai (the pattern comes from the locale). */
export function formatShanghaiDateTime(at: Date | string, t: Translate): string {
  const clock = shanghaiClock(typeof at === 'string' ? new Date(at) : at)
  return t('format.dateTime', {
    year: clock.year,
    month: clock.month,
    day: clock.day,
    time: `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`,
  })
}

/**
 * A date as `YYYY年M月D日`: a calendar date (`YYYY-MM-DD`, already the district's) as it is,
 * a timestamp read in Asia/Shanghai.
 */
export function formatShanghaiDate(at: Date | string, t: Translate): string {
  const calendarDate = typeof at === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(at) : null
  if (calendarDate) return t('format.date', { year: Number(calendarDate[1]), month: Number(calendarDate[2]), day: Number(calendarDate[3]) })
  const clock = shanghaiClock(typeof at === 'string' ? new Date(at) : at)
  return t('format.date', { year: clock.year, month: clock.month, day: clock.day })
}
