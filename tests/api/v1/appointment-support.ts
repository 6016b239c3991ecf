import type { HallScheduleInput } from '../../../contract/appointment-slots.ts'
import type { BookingInput } from '../../../contract/appointments.ts'
import { addCalendarDays, shanghaiToday } from '../../../contract/local-date.ts'
import { bundledWorkingDayCalendar } from '../../../contract/working-days/working-days.ts'
import type { TestApp } from '../support/test-app.ts'
import { signedInStaff } from '../support/sign-in.ts'
import { idempotencyKey } from './factories.ts'

export const HALL = 'kundulun-civic-centre'
/** 居民身份证首次申领 (personal): allowed flexible, rest-day and home service in the test schedule. */
export const ID_CARD = '1115020300011500100001'
/** 社会团体成立登记: regular and lunch slots only. */
export const SOCIETY = '1115020300003700100001'

/** The schedule the appointment tests set: capacity 8 with 2 held for 绿色通道, all four kinds. */
export function testSchedule(overrides: Partial<HallScheduleInput> = {}): HallScheduleInput {
  const weekdays = [1, 2, 3, 4, 5]
  return {
    slotMinutes: 30,
    bookingCutoffMinutes: 60,
    horizonDays: 30,
    services: [
      {
        id: 'general',
        name: '综合受理',
        windowId: 'kundulun-civic-centre-w01',
        itemCodes: null,
        capacity: 8,
        priorityReserved: 2,
        regular: [
          { weekdays, opens: '09:00', closes: '12:00' },
          { weekdays, opens: '14:00', closes: '17:30' },
        ],
        flexible: { beforeOpeningMinutes: 60, afterClosingMinutes: 60, capacity: 2, itemCodes: [ID_CARD] },
        lunch: { starts: '12:00', ends: '14:00', capacity: 2 },
        restDays: { weekend: [{ weekdays: [6, 7], opens: '09:00', closes: '12:00' }], holidays: [], capacity: 3, itemCodes: [ID_CARD] },
      },
    ],
    exceptions: [],
    homeService: { itemCodes: [ID_CARD] },
    ...overrides,
  }
}

/** The `n`-th legal working day after today (n ≥ 2 keeps every slot of it beyond the cut-off). */
export function workingDay(n = 2): string {
  return bundledWorkingDayCalendar.addWorkingDays(shanghaiToday(), n)
}

/** The first weekend day after tomorrow that is neither a holiday nor an adjusted working day. */
export function restDay(): string {
  for (let date = addCalendarDays(shanghaiToday(), 2); ; date = addCalendarDays(date, 1)) {
    if (bundledWorkingDayCalendar.day(date).kind === 'weekend') return date
  }
}

let staffCount = 0

/** A signed-in staff member's session headers, bound to the given halls. */
export async function staffHeaders(testApp: TestApp, role: 'clerk' | 'supervisor' | 'admin', hallIds: string[] = [HALL]): Promise<Record<string, string>> {
  staffCount += 1
  const signedIn = await signedInStaff(testApp.app, testApp.db, { username: `appointments.${role}.${staffCount}`, role, password: 'appointments-test-password', hallIds })
  return signedIn.headers
}

export async function setSchedule(testApp: TestApp, schedule: HallScheduleInput = testSchedule()): Promise<void> {
  const headers = await staffHeaders(testApp, 'supervisor')
  const response = await testApp.app.inject({ method: 'PUT', url: `/api/v1/staff/halls/${HALL}/schedule`, headers, payload: schedule })
  if (response.statusCode !== 200) throw new Error(`schedule not saved: ${response.body}`)
}

export function bookingInput(overrides: Partial<BookingInput> = {}): BookingInput {
  return { itemCode: ID_CARD, hallId: HALL, date: workingDay(), start: '09:00', kind: 'regular', priorityGroup: null, ...overrides }
}

export function book(testApp: TestApp, headers: Record<string, string>, input: BookingInput = bookingInput(), key = idempotencyKey()) {
  return testApp.app.inject({ method: 'POST', url: '/api/v1/me/bookings', headers: { ...headers, 'idempotency-key': key }, payload: input })
}
