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

const clockFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: DISTRICT_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  weekday: 'short',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
})

const isoWeekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 }

/** Reads `at` on a clock in Asia/Shanghai, whatever the device's own time zone is. */
export function shanghaiClock(at: Date): ShanghaiClock {
  const parts: Record<string, string> = {}
  for (const part of clockFormat.formatToParts(at)) parts[part.type] = part.value
  const hour = Number(parts.hour)
  const minute = Number(parts.minute)
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: isoWeekdays[parts.weekday ?? ''] ?? 1,
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
