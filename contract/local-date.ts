// Calendar dates as the district reads them: `YYYY-MM-DD` strings in Asia/Shanghai, never Date
// objects with a time zone attached. Framework-free, shared by the app, the server and the
// validators. Arithmetic runs on UTC midnights, where every day has 24 hours.

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })

const DAY_MS = 86_400_000

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isLocalDate(value: string): boolean {
  const match = localDatePattern.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** Today's date in Asia/Shanghai, whatever the device's or server's own time zone. */
export function shanghaiToday(now: Date = new Date()): string {
  return shanghaiDay.format(now)
}

function toUtcMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** `date` moved by `days` calendar days (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS)
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS)
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(toUtcMs(date)).getUTCDay()
  return day === 0 ? 7 : day
}

/** `2026-02-14` → `2026年2月14日`, for messages that the server sends as well as the app. */
export function formatLocalDateChinese(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}
