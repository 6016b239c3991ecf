// Every API test runs on the same district day, 2026-11-25 (a Wednesday), with its clock
// running from 10:00 Asia/Shanghai: bookings, deadlines and reminders are counted in working
// days of the statutory holiday calendar, and a test that took "today" from the machine would
// reach into a year the bundled calendar has no notice for yet as the year ends (then nothing
// can be booked or counted). Only Date is replaced, and it runs on millisecond by millisecond as
// a real clock does (so what is stored in turn keeps its order); timers are real. A test that
// needs another day sets it with vi.setSystemTime.
import { afterAll, beforeAll, vi } from 'vitest'

export const DISTRICT_TODAY = new Date('2026-11-25T10:00:00+08:00')

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: DISTRICT_TODAY, shouldAdvanceTime: true, advanceTimeDelta: 1 })
})

afterAll(() => {
  vi.useRealTimers()
})
