import type { PromisedCompletion } from '../../../contract/applications.ts'
import type { TimeLimit } from '../../../contract/guides.ts'
import { addCalendarDays, isoWeekday } from '../../../contract/local-date.ts'
import { MissingCalendarYearError, type WorkingDayCalendar } from '../../../contract/working-days/working-days.ts'

/** Whether `date` is a working day; in a year without a holiday notice, Monday to Friday (estimated). */
function workingDay(calendar: WorkingDayCalendar, date: string): { working: boolean; estimated: boolean } {
  try {
    return { working: calendar.isWorkingDay(date), estimated: false }
  } catch (error) {
    if (!(error instanceof MissingCalendarYearError)) throw error
    return { working: isoWeekday(date) <= 5, estimated: true }
  }
}

/**
 * The promised completion of a case submitted on `submittedDay` (Asia/Shanghai). The guide's
 * 承诺办结时限 runs from acceptance (受理之日起, the acceptance day itself not counted); until staff
 * accept, acceptance is taken to be the day of submission when that is a working day, else the
 * next working day. Working-day limits count statutory holidays and 调休 from `calendar`.
 * null when the guide gives no promised limit.
 */
export function promisedCompletion(limit: TimeLimit | null, submittedDay: string, calendar: WorkingDayCalendar): PromisedCompletion | null {
  if (limit === null) return null
  const submitted = workingDay(calendar, submittedDay)
  const acceptance = submitted.working ? { date: submittedDay, estimated: submitted.estimated } : calendar.estimateAddWorkingDays(submittedDay, 1)
  const base = { timeLimit: limit, countedFrom: 'acceptance' as const, acceptanceDate: acceptance.date }
  if (limit.days === null || limit.unit === null) return { ...base, expectedDate: null, estimated: acceptance.estimated }
  if (limit.unit === 'calendar_day') return { ...base, expectedDate: addCalendarDays(acceptance.date, limit.days), estimated: acceptance.estimated }
  const due = calendar.estimateAddWorkingDays(acceptance.date, limit.days)
  return { ...base, expectedDate: due.date, estimated: acceptance.estimated || due.estimated }
}
