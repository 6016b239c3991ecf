import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'
import { isLocalDate, isoWeekday } from '../local-date.ts'

// One year of China's statutory holidays and adjusted working days (调休), as the State Council
// publishes them each November for the following year (国务院办公厅关于某年部分节假日安排的通知).
// The bundled years live beside this file in years/<year>.json; the server reads extra or
// corrected years from DATA_DIR/calendar/<year>.json in the same format.

const DateName = Type.Record(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.String({ minLength: 1 }))

export const WorkingDayCalendarYear = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    /** The notice the dates are transcribed from (title and where it is published). */
    source: Type.String({ minLength: 1 }),
    /** Days off: date → the holiday it belongs to, e.g. "2026-02-16": "春节". Weekends inside a holiday are listed too. */
    holidays: DateName,
    /** Weekend days that are working days (调休上班): date → the holiday they make up for. */
    adjustedWorkingDays: DateName,
  },
  { additionalProperties: false },
)
export type WorkingDayCalendarYear = Static<typeof WorkingDayCalendarYear>

/**
 * What is wrong with a year's calendar, in Chinese, or [] when it can be used: the schema, dates
 * that do not exist or belong to another year, a day both off and working, and adjusted working
 * days that are not weekend days (a weekday is a working day anyway: such an entry is a typo).
 */
export function calendarYearProblems(value: unknown): string[] {
  if (!Value.Check(WorkingDayCalendarYear, value)) {
    return [...Value.Errors(WorkingDayCalendarYear, value)].slice(0, 5).map((error) => `格式错误 ${error.instancePath || '/'}：${error.message}`)
  }
  const problems: string[] = []
  for (const [list, dates] of [['holidays', value.holidays], ['adjustedWorkingDays', value.adjustedWorkingDays]] as const) {
    for (const date of Object.keys(dates)) {
      if (!isLocalDate(date)) problems.push(`${list} 中的 ${date} 不是有效日期`)
      else if (Number(date.slice(0, 4)) !== value.year) problems.push(`${list} 中的 ${date} 不属于 ${value.year} 年`)
    }
  }
  for (const date of Object.keys(value.adjustedWorkingDays)) {
    if (date in value.holidays) problems.push(`${date} 同时列为放假日和调休上班日`)
    else if (isLocalDate(date) && isoWeekday(date) < 6) problems.push(`调休上班日 ${date} 不是周末`)
  }
  return problems
}
