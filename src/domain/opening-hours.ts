import type { OpeningHours, OpeningPeriod } from '../../contract/halls.ts'
import { bundledWorkingDayCalendar, type DayKind, type WorkingDayCalendar } from '../../contract/working-days/working-days.ts'
import { minutesOfClockTime, shanghaiClock } from './shanghai-time.ts'
import type { Translate } from './translate.ts'

/** Consecutive ISO weekdays collapsed into runs: [1,2,3,4,5,7] → [[1,5],[7,7]]. */
export function weekdayRuns(weekdays: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(weekdays)].sort((a, b) => a - b)
  const runs: Array<[number, number]> = []
  for (const day of sorted) {
    const last = runs.at(-1)
    if (last && last[1] === day - 1) last[1] = day
    else runs.push([day, day])
  }
  return runs
}

/** 周一至周五, 周六、周日, 周一、周三 — the way a hall's notice board writes days. */
export function describeWeekdays(weekdays: readonly number[], t: Translate): string {
  const dayName = (day: number) => t(`weekday.${day}`, {})
  return weekdayRuns(weekdays)
    .map(([first, last]) => {
      if (first === last) return dayName(first)
      if (last === first + 1) return t('openingHours.dayList', { first: dayName(first), second: dayName(last) })
      return t('openingHours.dayRange', { first: dayName(first), last: dayName(last) })
    })
    .join(t('openingHours.listSeparator', {}))
}

/** Periods on the same days are written together: 周一至周五 09:00–12:00、14:00–17:30. */
export function describePeriods(periods: readonly OpeningPeriod[], t: Translate): string[] {
  const byDays = new Map<string, OpeningPeriod[]>()
  for (const period of periods) {
    const daysKey = [...period.weekdays].sort((a, b) => a - b).join(',')
    byDays.set(daysKey, [...(byDays.get(daysKey) ?? []), period])
  }
  return [...byDays.values()].map((group) => {
    const times = [...group]
      .sort((a, b) => minutesOfClockTime(a.opens) - minutesOfClockTime(b.opens))
      .map((period) => t('openingHours.timeRange', { opens: period.opens, closes: period.closes }))
      .join(t('openingHours.listSeparator', {}))
    return t('openingHours.daysAndTimes', { days: describeWeekdays(group[0]?.weekdays ?? [], t), times })
  })
}

function describeMinutes(minutes: number, t: Translate): string {
  return minutes % 60 === 0
    ? t('openingHours.hours', { hours: minutes / 60 })
    : t('openingHours.minutes', { minutes })
}

/** 早晚弹性办: 开门前1小时、下班后1小时可预约办理; null when the hall does not offer it. */
export function describeFlexibleHours(hours: OpeningHours, t: Translate): string | null {
  const flexible = hours.flexible
  if (!flexible || (flexible.beforeOpeningMinutes === 0 && flexible.afterClosingMinutes === 0)) return null
  const parts: string[] = []
  if (flexible.beforeOpeningMinutes > 0) {
    parts.push(t('openingHours.beforeOpening', { duration: describeMinutes(flexible.beforeOpeningMinutes, t) }))
  }
  if (flexible.afterClosingMinutes > 0) {
    parts.push(t('openingHours.afterClosing', { duration: describeMinutes(flexible.afterClosingMinutes, t) }))
  }
  return t('openingHours.flexibleByAppointment', { periods: parts.join(t('openingHours.listSeparator', {})) })
}

/** 午间不间断: 12:00–14:00; null when the hall closes over lunch. */
export function describeLunchService(hours: OpeningHours, t: Translate): string | null {
  if (!hours.lunch) return null
  return t('openingHours.timeRange', { opens: hours.lunch.starts, closes: hours.lunch.ends })
}

function withinPeriod(period: OpeningPeriod, weekday: number, minutesOfDay: number): boolean {
  return (
    period.weekdays.includes(weekday) &&
    minutesOfClockTime(period.opens) <= minutesOfDay &&
    minutesOfDay < minutesOfClockTime(period.closes)
  )
}

/**
 * Whether the hall serves walk-in visitors at `at`, read on the Asia/Shanghai clock: regular
 * and weekend periods, plus the lunch break on regular days when the hall serves through it.
 * Flexible hours are by appointment only, so they do not make the hall "open". The statutory
 * holiday calendar decides the day: on a public holiday (春节, 国庆…) the hall is closed whatever
 * its weekday hours say, and on a weekend day worked in lieu (调休上班) it keeps its Monday hours.
 * In a year the calendar has no notice for, the weekday alone decides.
 */
export function isOpenAt(hours: OpeningHours, at: Date, calendar: WorkingDayCalendar = bundledWorkingDayCalendar): boolean {
  const clock = shanghaiClock(at)
  const { minutesOfDay } = clock
  const kind = dayKind(calendar, clock)
  if (kind === 'holiday') return false
  // A 调休 Saturday or Sunday is worked as a Monday.
  const weekday = kind === 'adjusted_working_day' ? 1 : clock.weekday
  if ([...hours.regular, ...hours.weekend].some((period) => withinPeriod(period, weekday, minutesOfDay))) return true
  if (!hours.lunch) return false
  const servesToday = hours.regular.some((period) => period.weekdays.includes(weekday))
  return (
    servesToday &&
    minutesOfClockTime(hours.lunch.starts) <= minutesOfDay &&
    minutesOfDay < minutesOfClockTime(hours.lunch.ends)
  )
}

function dayKind(calendar: WorkingDayCalendar, clock: { year: number; month: number; day: number }): DayKind | null {
  if (!calendar.hasYear(clock.year)) return null
  const date = `${clock.year}-${String(clock.month).padStart(2, '0')}-${String(clock.day).padStart(2, '0')}`
  return calendar.day(date).kind
}
