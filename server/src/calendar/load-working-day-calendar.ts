import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { calendarYearProblems, type WorkingDayCalendarYear } from '../../../contract/working-days/calendar-year.ts'
import { BUNDLED_CALENDAR_YEARS, createWorkingDayCalendar, type WorkingDayCalendar } from '../../../contract/working-days/working-days.ts'

/** A calendar file under DATA_DIR/calendar that cannot be used; the server refuses to start with it. */
export class CalendarFileError extends Error {
  override name = 'CalendarFileError'
}

export interface LoadedWorkingDayCalendar {
  calendar: WorkingDayCalendar
  /** Years read from the directory (new ones and corrections of bundled ones), ascending. */
  fromFiles: number[]
}

/** The directory the server reads extra and corrected years from. */
export const calendarDir = (dataDir: string) => join(dataDir, 'calendar')

/**
 * The bundled years plus every `<year>.json` in `dir` (absent directory: none), a file replacing
 * the bundled data of its year. A file that does not parse, breaks the format or names another
 * year than its file name throws CalendarFileError: a wrong calendar would shift every deadline,
 * so it stops the start-up rather than being skipped.
 */
export async function loadWorkingDayCalendar(dir: string): Promise<LoadedWorkingDayCalendar> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { calendar: createWorkingDayCalendar(BUNDLED_CALENDAR_YEARS), fromFiles: [] }
    throw error
  }
  const files: WorkingDayCalendarYear[] = []
  for (const name of names.filter((candidate) => candidate.endsWith('.json')).sort()) {
    const path = join(dir, name)
    if (!/^\d{4}\.json$/.test(name)) throw new CalendarFileError(`${path}：文件名应为 <年份>.json`)
    let value: unknown
    try {
      value = JSON.parse(await readFile(path, 'utf8'))
    } catch (error) {
      throw new CalendarFileError(`${path}：不是有效的 JSON（${(error as Error).message}）`)
    }
    const problems = calendarYearProblems(value)
    if (problems.length > 0) throw new CalendarFileError(`${path}：${problems.join('；')}`)
    const year = value as WorkingDayCalendarYear
    if (`${year.year}.json` !== name) throw new CalendarFileError(`${path}：文件名与其中的 year（${year.year}）不一致`)
    files.push(year)
  }
  return { calendar: createWorkingDayCalendar([...BUNDLED_CALENDAR_YEARS, ...files]), fromFiles: files.map((year) => year.year) }
}
