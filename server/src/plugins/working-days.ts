import fp from 'fastify-plugin'
import type { WorkingDayCalendar } from '../../../contract/working-days/working-days.ts'
import { calendarDir, loadWorkingDayCalendar } from '../calendar/load-working-day-calendar.ts'
import { shanghaiDate } from '../time.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Statutory holidays and 调休 for deadlines and appointment days: bundled years plus DATA_DIR/calendar. */
    workingDays: WorkingDayCalendar
  }
}

/**
 * Loads the working-day calendar once at start-up; a bad file under DATA_DIR/calendar stops the
 * start. From November on, a missing next year is logged: its notice is usually out by then, and
 * deadlines reaching into it can only be estimated until it is added.
 */
export default fp<{ dataDir: string; now?: () => Date }>(
  async (fastify, { dataDir, now = () => new Date() }) => {
    const { calendar, fromFiles } = await loadWorkingDayCalendar(calendarDir(dataDir))
    fastify.decorate('workingDays', calendar)
    const today = shanghaiDate(now())
    const nextYear = Number(today.slice(0, 4)) + 1
    fastify.log.info({ years: calendar.years, fromFiles }, 'working-day calendar loaded')
    if (today.slice(5) >= '11-01' && !calendar.hasYear(nextYear)) {
      fastify.log.warn({ year: nextYear, dir: calendarDir(dataDir) }, `No statutory holiday calendar for ${nextYear}: add ${nextYear}.json (docs/working-days.md)`)
    }
  },
  { name: 'working-days' },
)
