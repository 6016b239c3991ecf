import { addCalendarDays, isLocalDate, isoWeekday } from '../local-date.ts'
import type { WorkingDayCalendarYear } from './calendar-year.ts'
import data2025 from './years/2025.json' with { type: 'json' }
import data2026 from './years/2026.json' with { type: 'json' }

// Working-day arithmetic on China's statutory holidays and adjusted working days (调休), for
// case deadlines (法定 / 承诺办结时限 "N个工作日") and appointment schedules. Dates are Asia/Shanghai
// calendar dates as `YYYY-MM-DD` strings. A year the calendar has no notice for is never guessed
// as "weekends only": the exact functions throw MissingCalendarYearError, and
// estimateAddWorkingDays says plainly that its answer is an estimate.

/** What a day is: a plain working day, a weekend, a statutory holiday, or a weekend day worked (调休上班). */
export type DayKind = 'working_day' | 'weekend' | 'holiday' | 'adjusted_working_day'

export interface CalendarDay {
  date: string
  kind: DayKind
  working: boolean
  /** The holiday a holiday or adjusted working day belongs to, e.g. 春节; null otherwise. */
  holiday: string | null
}

/** Thrown when a date falls in a year whose holiday notice the calendar does not have. */
export class MissingCalendarYearError extends Error {
  override name = 'MissingCalendarYearError'
  readonly year: number

  constructor(year: number) {
    super(`缺少${year}年的法定节假日安排，无法按工作日计算期限（请在 DATA_DIR/calendar/${year}.json 中补充，见 docs/working-days.md）`)
    this.year = year
  }
}

/** A working-day count whose missing years were counted as Monday–Friday; `estimated` says so. */
export interface WorkingDayEstimate {
  date: string
  /** true when some day on the way fell in a year without a holiday notice. */
  estimated: boolean
  /** Those years, ascending. */
  missingYears: number[]
}

export interface WorkingDayCalendar {
  /** The years this calendar knows, ascending. */
  readonly years: readonly number[]
  hasYear(year: number): boolean
  /** What `date` is. Throws MissingCalendarYearError for a year without data. */
  day(date: string): CalendarDay
  isWorkingDay(date: string): boolean
  /**
   * The `n`-th working day after `start` (the day of acceptance itself is not counted, as Chinese
   * law counts periods); `n` = 0 gives `start`, a negative `n` counts back.
   */
  addWorkingDays(start: string, n: number): string
  /**
   * Working days after `from` up to and including `to` (negative when `to` is earlier), so that
   * `workingDaysBetween(start, addWorkingDays(start, n)) === n`: the days left until a deadline.
   */
  workingDaysBetween(from: string, to: string): number
  /** addWorkingDays that does not throw for a missing year but reports it as an estimate. */
  estimateAddWorkingDays(start: string, n: number): WorkingDayEstimate
}

function assertLocalDate(date: string): void {
  if (!isLocalDate(date)) throw new RangeError(`不是有效日期（应为 YYYY-MM-DD）：${date}`)
}

/**
 * A calendar of the given years; when a year appears twice, the later entry wins (the server
 * passes the bundled years first and DATA_DIR's corrections after them).
 */
export function createWorkingDayCalendar(years: readonly WorkingDayCalendarYear[]): WorkingDayCalendar {
  const byYear = new Map<number, WorkingDayCalendarYear>()
  for (const year of years) byYear.set(year.year, year)
  const knownYears = [...byYear.keys()].sort((a, b) => a - b)

  /** The day as the data says, or null for a year without data (weekday rule applied by the caller). */
  function lookup(date: string): CalendarDay | null {
    assertLocalDate(date)
    const year = byYear.get(Number(date.slice(0, 4)))
    if (!year) return null
    return classify(date, year)
  }

  function day(date: string): CalendarDay {
    const found = lookup(date)
    if (!found) throw new MissingCalendarYearError(Number(date.slice(0, 4)))
    return found
  }

  function step(start: string, n: number, isWorking: (date: string) => boolean): string {
    assertLocalDate(start)
    if (!Number.isInteger(n)) throw new RangeError(`工作日数应为整数：${n}`)
    const direction = n < 0 ? -1 : 1
    let date = start
    for (let remaining = Math.abs(n); remaining > 0; ) {
      date = addCalendarDays(date, direction)
      if (isWorking(date)) remaining -= 1
    }
    return date
  }

  return {
    years: knownYears,
    hasYear: (year) => byYear.has(year),
    day,
    isWorkingDay: (date) => day(date).working,
    addWorkingDays: (start, n) => step(start, n, (date) => day(date).working),
    workingDaysBetween(from, to) {
      assertLocalDate(from)
      assertLocalDate(to)
      const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1]
      let count = 0
      for (let date = addCalendarDays(low, 1); date <= high; date = addCalendarDays(date, 1)) {
        if (day(date).working) count += 1
      }
      return sign * count
    },
    estimateAddWorkingDays(start, n) {
      const missing = new Set<number>()
      const date = step(start, n, (candidate) => {
        const found = lookup(candidate)
        if (found) return found.working
        missing.add(Number(candidate.slice(0, 4)))
        return isoWeekday(candidate) < 6
      })
      return { date, estimated: missing.size > 0, missingYears: [...missing].sort((a, b) => a - b) }
    },
  }
}

function classify(date: string, year: WorkingDayCalendarYear): CalendarDay {
  const holiday = year.holidays[date]
  if (holiday !== undefined) return { date, kind: 'holiday', working: false, holiday }
  const adjusted = year.adjustedWorkingDays[date]
  if (adjusted !== undefined) return { date, kind: 'adjusted_working_day', working: true, holiday: adjusted }
  return isoWeekday(date) >= 6 ? { date, kind: 'weekend', working: false, holiday: null } : { date, kind: 'working_day', working: true, holiday: null }
}

/** The years shipped with the code (years/<year>.json, transcribed from the State Council notices). */
export const BUNDLED_CALENDAR_YEARS: readonly WorkingDayCalendarYear[] = [data2025, data2026]

/** The calendar of the bundled years, for the app and for tests; the server adds DATA_DIR's years to it. */
export const bundledWorkingDayCalendar: WorkingDayCalendar = createWorkingDayCalendar(BUNDLED_CALENDAR_YEARS)

/** Whether `date` is a working day (weekday not on holiday, or an adjusted working day). */
export function isWorkingDay(date: string, calendar: WorkingDayCalendar = bundledWorkingDayCalendar): boolean {
  return calendar.isWorkingDay(date)
}

/** The `n`-th working day after `start`; see WorkingDayCalendar.addWorkingDays. */
export function addWorkingDays(start: string, n: number, calendar: WorkingDayCalendar = bundledWorkingDayCalendar): string {
  return calendar.addWorkingDays(start, n)
}

/** Working days after `from` up to and including `to`; see WorkingDayCalendar.workingDaysBetween. */
export function workingDaysBetween(from: string, to: string, calendar: WorkingDayCalendar = bundledWorkingDayCalendar): number {
  return calendar.workingDaysBetween(from, to)
}
