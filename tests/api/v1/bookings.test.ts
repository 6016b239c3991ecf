import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HallSchedule, SavedHallSchedule } from '../../../contract/appointment-slots.ts'
import type { BookingDetail, BookingList, SlotAvailability, StaffBooking, StaffBookingList } from '../../../contract/appointments.ts'
import { bookingCodePattern } from '../../../contract/appointments.ts'
import { addCalendarDays, shanghaiToday } from '../../../contract/local-date.ts'
import { sendBookingReminders } from '../../../server/src/appointments/booking-reminders.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { signInCitizen, withoutCsrf } from '../support/sign-in.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { book, bookingInput, HALL, ID_CARD, restDay, setSchedule, SOCIETY, staffHeaders, testSchedule, workingDay } from './appointment-support.ts'
import { idempotencyKey } from './factories.ts'

let testApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
  await setSchedule(testApp)
})
afterAll(() => testApp.close())

type Headers = Record<string, string>
const citizen = async (): Promise<Headers> => (await signInCitizen(testApp.app)).headers

async function slots(itemCode: string, from: string, to = from): Promise<SlotAvailability> {
  const response = await testApp.app.inject({ method: 'GET', url: `/api/v1/halls/${HALL}/slots`, query: { itemCode, from, to } })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<SlotAvailability>()
}

async function slotAt(itemCode: string, date: string, start: string) {
  return (await slots(itemCode, date)).slots.find((slot) => slot.start === start)
}

const post = (url: string, headers: Headers, payload?: object, key = idempotencyKey()) =>
  testApp.app.inject({ method: 'POST', url, headers: { ...headers, 'idempotency-key': key }, ...(payload ? { payload } : {}) })

describe('GET /api/v1/halls/{id}/slots', () => {
  it('lists the item’s slots of a working day with the places left, flexible ones only for items the hall allows', async () => {
    const day = workingDay(3)
    const idCard = await slots(ID_CARD, day)
    expect(idCard.serviceName).toBe('综合受理')
    const kinds = new Set(idCard.slots.map((slot) => slot.kind))
    expect(kinds).toEqual(new Set(['flexible', 'regular', 'lunch']))
    expect(idCard.slots.find((slot) => slot.start === '09:00')).toMatchObject({ kind: 'regular', capacity: 8, remaining: 6, remainingPriority: 8 })
    expect(idCard.slots.find((slot) => slot.start === '08:00')).toMatchObject({ kind: 'flexible', capacity: 2 })
    const society = await slots(SOCIETY, day)
    expect(society.slots.some((slot) => slot.kind === 'flexible')).toBe(false)
    expect(society.slots.some((slot) => slot.kind === 'lunch')).toBe(true)
  })

  it('offers weekend slots only to the items the hall sets for them', async () => {
    const saturday = restDay()
    expect((await slots(ID_CARD, saturday)).slots.every((slot) => slot.kind === 'rest_day')).toBe(true)
    expect((await slots(ID_CARD, saturday)).slots.length).toBeGreaterThan(0)
    expect((await slots(SOCIETY, saturday)).slots).toEqual([])
  })

  it('answers 422 for an item not bookable at the hall and for a range that is too long', async () => {
    const unknown = await testApp.app.inject({ method: 'GET', url: `/api/v1/halls/${HALL}/slots`, query: { itemCode: '999999999999' } })
    expectErrorBody(unknown, 422, 'ITEM_NOT_BOOKABLE')
    const today = shanghaiToday()
    const tooLong = await testApp.app.inject({ method: 'GET', url: `/api/v1/halls/${HALL}/slots`, query: { itemCode: ID_CARD, from: today, to: addCalendarDays(today, 40) } })
    expectErrorBody(tooLong, 422, 'DATE_RANGE_INVALID')
  })

  it('tells the public the hall’s schedule', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: `/api/v1/halls/${HALL}/appointment-schedule` })
    expect(response.statusCode).toBe(200)
    expect(response.json<HallSchedule>().homeService).toEqual({ itemCodes: [ID_CARD] })
  })
})

describe('booking', () => {
  it('books a place: a code, a QR code, the place counted, the booking in 我的预约; another citizen gets 404', async () => {
    const headers = await citizen()
    const input = bookingInput({ date: workingDay(2), start: '09:30' })
    const before = await slotAt(ID_CARD, input.date, '09:30')
    const response = await book(testApp, headers, input)
    expect(response.statusCode, response.body).toBe(201)
    const booking = response.json<BookingDetail>()
    expect(booking).toMatchObject({ status: 'booked', itemCode: ID_CARD, hallId: HALL, date: input.date, start: '09:30', end: '10:00', kind: 'regular', windowNumber: '1' })
    expect(booking.code).toMatch(new RegExp(bookingCodePattern))
    expect(booking.qrSvg).toContain('<svg')
    expect(booking.qrSvg).toContain(booking.code)
    expect((await slotAt(ID_CARD, input.date, '09:30'))!.remaining).toBe(before!.remaining - 1)

    const list = await testApp.app.inject({ method: 'GET', url: '/api/v1/me/bookings', headers })
    expect(list.json<BookingList>().bookings.map((entry) => entry.id)).toEqual([booking.id])
    const detail = await testApp.app.inject({ method: 'GET', url: `/api/v1/me/bookings/${booking.id}`, headers })
    expect(detail.json<BookingDetail>().code).toBe(booking.code)

    const other = await citizen()
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: `/api/v1/me/bookings/${booking.id}`, headers: other }), 404, 'NOT_FOUND')
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: `/api/v1/me/bookings/${booking.id}/calendar.ics`, headers: other }), 404, 'NOT_FOUND')
    expectErrorBody(await post(`/api/v1/me/bookings/${booking.id}/cancel`, other), 404, 'NOT_FOUND')
    expect((await testApp.app.inject({ method: 'GET', url: '/api/v1/me/bookings', headers: other })).json<BookingList>().bookings).toEqual([])
  })

  it('answers a retry with the same Idempotency-Key with the first booking and books once', async () => {
    const headers = await citizen()
    const input = bookingInput({ date: workingDay(2), start: '10:00' })
    const key = idempotencyKey()
    const first = await book(testApp, headers, input, key)
    const again = await book(testApp, headers, input, key)
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json<BookingDetail>().id).toBe(first.json<BookingDetail>().id)
    const rows = await testApp.db.selectFrom('bookings').select('id').where('citizen_id', '=', (await testApp.db.selectFrom('bookings').select('citizen_id').where('id', '=', first.json<BookingDetail>().id).executeTakeFirstOrThrow()).citizen_id).execute()
    expect(rows).toHaveLength(1)
  })

  it('keeps one active booking per person, item and slot', async () => {
    const headers = await citizen()
    const input = bookingInput({ date: workingDay(2), start: '10:30' })
    expect((await book(testApp, headers, input)).statusCode).toBe(201)
    const body = expectErrorBody(await book(testApp, headers, input), 409, 'ALREADY_BOOKED')
    expect(body.message).toMatch(/已预约/)
  })

  it('refuses, on the server, what the rules forbid', async () => {
    const headers = await citizen()
    // 早晚弹性办 for an item the hall does not list for it
    expectErrorBody(await book(testApp, headers, bookingInput({ itemCode: SOCIETY, start: '08:00', kind: 'flexible' })), 422, 'SLOT_NOT_OFFERED')
    // the flexible slot is there for an item that allows it
    expect((await book(testApp, headers, bookingInput({ start: '08:00', kind: 'flexible' }))).statusCode).toBe(201)
    // a regular slot claimed to be flexible, a time off the grid, a weekend slot for an item without weekend service
    expectErrorBody(await book(testApp, headers, bookingInput({ start: '09:00', kind: 'flexible' })), 422, 'SLOT_NOT_OFFERED')
    expectErrorBody(await book(testApp, headers, bookingInput({ start: '09:10' })), 422, 'SLOT_NOT_OFFERED')
    expectErrorBody(await book(testApp, headers, bookingInput({ itemCode: SOCIETY, date: restDay(), kind: 'rest_day' })), 422, 'SLOT_NOT_OFFERED')
    // the past, and beyond the horizon
    expectErrorBody(await book(testApp, headers, bookingInput({ date: addCalendarDays(shanghaiToday(), -1) })), 422, 'SLOT_CLOSED')
    expectErrorBody(await book(testApp, headers, bookingInput({ date: addCalendarDays(shanghaiToday(), 31) })), 422, 'SLOT_CLOSED')
    // a weekend slot for an item the hall offers on weekends
    expect((await book(testApp, headers, bookingInput({ date: restDay(), kind: 'rest_day' }))).statusCode).toBe(201)
  })

  it('refuses a slot whose cut-off has passed', async () => {
    const headers = await citizen()
    const cutoffAll = testSchedule({ bookingCutoffMinutes: 4320, horizonDays: 30 })
    await setSchedule(testApp, cutoffAll)
    try {
      // three days of cut-off: tomorrow's slots are closed
      const tomorrow = addCalendarDays(shanghaiToday(), 1)
      const response = await book(testApp, headers, bookingInput({ date: tomorrow, start: '17:00' }))
      expect([422]).toContain(response.statusCode)
      expect(['SLOT_CLOSED', 'SLOT_NOT_OFFERED']).toContain(response.json<{ code: string }>().code)
    } finally {
      await setSchedule(testApp)
    }
  })

  it('holds the priority share for 绿色通道 bookings', async () => {
    const date = workingDay(4)
    for (let index = 0; index < 6; index++) expect((await book(testApp, await citizen(), bookingInput({ date, start: '11:00' }))).statusCode).toBe(201)
    const full = expectErrorBody(await book(testApp, await citizen(), bookingInput({ date, start: '11:00' })), 409, 'SLOT_FULL')
    expect(full.message).toMatch(/约满/)
    expect(await slotAt(ID_CARD, date, '11:00')).toMatchObject({ remaining: 0, remainingPriority: 2 })
    const priority = await book(testApp, await citizen(), bookingInput({ date, start: '11:00', priorityGroup: 'elderly' }))
    expect(priority.statusCode, priority.body).toBe(201)
    expect(priority.json<BookingDetail>().priorityGroup).toBe('elderly')
    expect((await book(testApp, await citizen(), bookingInput({ date, start: '11:00', priorityGroup: 'pregnant' }))).statusCode).toBe(201)
    expectErrorBody(await book(testApp, await citizen(), bookingInput({ date, start: '11:00', priorityGroup: 'military' })), 409, 'SLOT_FULL')
  })

  it('writes nothing without the CSRF token', async () => {
    const headers = await citizen()
    expectErrorBody(await book(testApp, withoutCsrf(headers as never), bookingInput({ start: '11:30' })), 403, 'CSRF_TOKEN_INVALID')
  })
})

describe('cancel and reschedule', () => {
  it('cancelling frees the place, and cancelling again answers the cancelled booking', async () => {
    const headers = await citizen()
    const input = bookingInput({ date: workingDay(5), start: '14:00' })
    const booking = (await book(testApp, headers, input)).json<BookingDetail>()
    const taken = (await slotAt(ID_CARD, input.date, '14:00'))!.remaining
    const cancelled = await post(`/api/v1/me/bookings/${booking.id}/cancel`, headers)
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect(cancelled.json<BookingDetail>()).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) })
    expect((await slotAt(ID_CARD, input.date, '14:00'))!.remaining).toBe(taken + 1)
    const again = await post(`/api/v1/me/bookings/${booking.id}/cancel`, headers)
    expect(again.statusCode).toBe(200)
    expect((await slotAt(ID_CARD, input.date, '14:00'))!.remaining).toBe(taken + 1)
    // the same slot can be booked again after cancelling
    expect((await book(testApp, headers, input)).statusCode).toBe(201)
  })

  it('reschedules to another slot keeping the code: the new place taken, the old one freed', async () => {
    const headers = await citizen()
    const date = workingDay(5)
    const booking = (await book(testApp, headers, bookingInput({ date, start: '14:30', priorityGroup: 'disabled' }))).json<BookingDetail>()
    const oldBefore = (await slotAt(ID_CARD, date, '14:30'))!
    const newBefore = (await slotAt(ID_CARD, date, '15:00'))!
    const response = await post(`/api/v1/me/bookings/${booking.id}/reschedule`, headers, { date, start: '15:00', kind: 'regular' })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json<BookingDetail>()).toMatchObject({ id: booking.id, code: booking.code, start: '15:00', status: 'booked', priorityGroup: 'disabled' })
    expect((await slotAt(ID_CARD, date, '14:30'))!.remainingPriority).toBe(oldBefore.remainingPriority + 1)
    expect((await slotAt(ID_CARD, date, '15:00'))!.remainingPriority).toBe(newBefore.remainingPriority - 1)
    expectErrorBody(await post(`/api/v1/me/bookings/${booking.id}/reschedule`, headers, { date, start: '15:00', kind: 'flexible' }), 422, 'SLOT_NOT_OFFERED')
  })

  it('refuses cancelling or rescheduling after the cut-off', async () => {
    const headers = await citizen()
    const booking = (await book(testApp, headers, bookingInput({ date: workingDay(5), start: '15:30' }))).json<BookingDetail>()
    await testApp.db.updateTable('bookings').set({ changeable_until: new Date(Date.now() - 60_000) }).where('id', '=', booking.id).execute()
    expectErrorBody(await post(`/api/v1/me/bookings/${booking.id}/cancel`, headers), 409, 'BOOKING_NOT_CHANGEABLE')
    expectErrorBody(await post(`/api/v1/me/bookings/${booking.id}/reschedule`, headers, { date: workingDay(5), start: '16:00', kind: 'regular' }), 409, 'BOOKING_NOT_CHANGEABLE')
  })
})

describe('GET /api/v1/me/bookings', () => {
  it('lists upcoming bookings first, soonest first, then past and cancelled ones, latest first', async () => {
    const headers = await citizen()
    const later = (await book(testApp, headers, bookingInput({ date: workingDay(6), start: '16:00' }))).json<BookingDetail>()
    const sooner = (await book(testApp, headers, bookingInput({ date: workingDay(3), start: '16:00' }))).json<BookingDetail>()
    const cancelled = (await book(testApp, headers, bookingInput({ date: workingDay(4), start: '16:00' }))).json<BookingDetail>()
    expect((await post(`/api/v1/me/bookings/${cancelled.id}/cancel`, headers)).statusCode).toBe(200)
    const missed = (await book(testApp, headers, bookingInput({ date: workingDay(5), start: '16:00' }))).json<BookingDetail>()
    // a booking whose time has passed without a check-in is no longer upcoming
    await testApp.db.updateTable('bookings').set({ starts_at: new Date(Date.now() - 86_400_000) }).where('id', '=', missed.id).execute()
    const list = (await testApp.app.inject({ method: 'GET', url: '/api/v1/me/bookings', headers })).json<BookingList>().bookings
    expect(list.map((entry) => entry.id)).toEqual([sooner.id, later.id, cancelled.id, missed.id])
  })
})

describe('GET /api/v1/me/bookings/{id}/calendar.ics', () => {
  it('is an iCalendar event with the item and hall, the hall’s address and the booking code, and nothing personal', async () => {
    const signedIn = await signInCitizen(testApp.app)
    const booking = (await book(testApp, signedIn.headers, bookingInput({ date: workingDay(6), start: '09:00' }))).json<BookingDetail>()
    const response = await testApp.app.inject({ method: 'GET', url: `/api/v1/me/bookings/${booking.id}/calendar.ics`, headers: signedIn.headers })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/calendar/)
    const text = response.body.replace(/\r\n /g, '')
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/)
    expect(text).toContain(`UID:${booking.id}@`)
    const start = new Date(`${booking.date}T09:00:00+08:00`).toISOString().replace(/[-:]/g, '').replace('.000', '')
    expect(text).toContain(`DTSTART:${start}`)
    expect(text).toContain(`SUMMARY:预约办理：${booking.itemName}（${booking.hallName}）`)
    expect(text).toContain(`LOCATION:${booking.hallAddress}`)
    expect(text).toContain(booking.code)
    expect(text).not.toContain(signedIn.phone)
    expect(response.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true)
  })
})

describe('never overbooked', () => {
  it('lets exactly 5 of 200 concurrent bookings take the last 5 places; the rest get a Chinese 409', async () => {
    const date = workingDay(7)
    const input = bookingInput({ date, start: '16:30' })
    // capacity 8, 2 held for priority: 6 ordinary places; one taken leaves the last 5
    expect((await book(testApp, await citizen(), input)).statusCode).toBe(201)
    const bookers = await Promise.all(Array.from({ length: 200 }, () => citizen()))
    const responses = await Promise.all(bookers.map((headers) => book(testApp, headers, input)))
    const created = responses.filter((response) => response.statusCode === 201)
    const refused = responses.filter((response) => response.statusCode !== 201)
    expect(created).toHaveLength(5)
    expect(refused).toHaveLength(195)
    for (const response of refused) {
      const body = expectErrorBody(response, 409, 'SLOT_FULL')
      expect(body.message).toBe('该时段已约满，请选择其他时段')
    }
    const active = await testApp.db.selectFrom('bookings').select('id').where('slot_date', '=', date).where('start_time', '=', '16:30').where('status', '=', 'booked').execute()
    expect(active).toHaveLength(6)
    expect(await slotAt(ID_CARD, date, '16:30')).toMatchObject({ remaining: 0, remainingPriority: 2 })
  }, 120_000)
})

describe('reminders', () => {
  it('notifies the citizen the day before and two hours before, each once', async () => {
    const signedIn = await signInCitizen(testApp.app)
    const booking = (await book(testApp, signedIn.headers, bookingInput({ date: workingDay(8), start: '09:00' }))).json<BookingDetail>()
    const startsAt = new Date(`${booking.date}T09:00:00+08:00`).getTime()
    const reminders = () =>
      testApp.db.selectFrom('notifications').select(['title', 'body', 'link']).where('citizen_id', '=', signedIn.me.id).where('kind', '=', 'appointment_reminder').orderBy('created_at').execute()

    await sendBookingReminders(testApp.db, new Date(startsAt - 26 * 3_600_000))
    expect(await reminders()).toHaveLength(0)
    await sendBookingReminders(testApp.db, new Date(startsAt - 23 * 3_600_000))
    await sendBookingReminders(testApp.db, new Date(startsAt - 22 * 3_600_000))
    expect((await reminders()).map((row) => [row.title, row.link])).toEqual([['预约提醒：明天办理', `/appointments/bookings/${booking.id}`]])
    await sendBookingReminders(testApp.db, new Date(startsAt - 100 * 60_000))
    await sendBookingReminders(testApp.db, new Date(startsAt - 90 * 60_000))
    const sent = await reminders()
    expect(sent.map((row) => row.title)).toEqual(['预约提醒：明天办理', '预约提醒：两小时后办理'])
    expect(sent[1]!.body).toContain(booking.code)
    expect(sent[1]!.body).toContain(booking.hallName)
  })

  it('sends no reminder for a cancelled booking', async () => {
    const signedIn = await signInCitizen(testApp.app)
    const booking = (await book(testApp, signedIn.headers, bookingInput({ date: workingDay(8), start: '09:30' }))).json<BookingDetail>()
    expect((await post(`/api/v1/me/bookings/${booking.id}/cancel`, signedIn.headers)).statusCode).toBe(200)
    await sendBookingReminders(testApp.db, new Date(new Date(`${booking.date}T09:30:00+08:00`).getTime() - 90 * 60_000))
    const rows = await testApp.db.selectFrom('notifications').select('id').where('citizen_id', '=', signedIn.me.id).execute()
    expect(rows).toHaveLength(0)
  })
})

describe('staff', () => {
  it('see the day’s bookings with priority groups and masked contacts, check one in by code, and mark a no-show', async () => {
    const date = workingDay(9)
    const signedIn = await signInCitizen(testApp.app)
    const booking = (await book(testApp, signedIn.headers, bookingInput({ date, start: '09:00', priorityGroup: 'military' }))).json<BookingDetail>()
    await book(testApp, await citizen(), bookingInput({ date, start: '09:00' }))
    const clerk = await staffHeaders(testApp, 'clerk')
    const day = await testApp.app.inject({ method: 'GET', url: `/api/v1/staff/halls/${HALL}/bookings`, query: { date }, headers: clerk })
    expect(day.statusCode, day.body).toBe(200)
    const list = day.json<StaffBookingList>().bookings
    expect(list[0]).toMatchObject({ id: booking.id, priorityGroup: 'military', contactPhone: `${signedIn.phone.slice(0, 3)}****${signedIn.phone.slice(-4)}` })
    expect(day.body).not.toContain(signedIn.phone)

    // not today yet: 409; on its day: checked in, and again unchanged
    expectErrorBody(await testApp.app.inject({ method: 'POST', url: '/api/v1/staff/bookings/check-in', headers: clerk, payload: { code: booking.code } }), 409, 'BOOKING_NOT_CHECKABLE')
    await testApp.db.updateTable('bookings').set({ slot_date: shanghaiToday() }).where('id', '=', booking.id).execute()
    const checkedIn = await testApp.app.inject({ method: 'POST', url: '/api/v1/staff/bookings/check-in', headers: clerk, payload: { code: booking.code } })
    expect(checkedIn.statusCode, checkedIn.body).toBe(200)
    expect(checkedIn.json<StaffBooking>()).toMatchObject({ status: 'checked_in', checkedInAt: expect.any(String) })
    expect((await testApp.app.inject({ method: 'POST', url: '/api/v1/staff/bookings/check-in', headers: clerk, payload: { code: booking.code } })).statusCode).toBe(200)
    const audit = await testApp.db.selectFrom('audit_log').select('action').where('target', '=', `booking:${booking.id}`).execute()
    expect(audit.map((row) => row.action)).toEqual(['booking.check-in'])
    const seen = await testApp.app.inject({ method: 'GET', url: `/api/v1/me/bookings/${booking.id}`, headers: signedIn.headers })
    expect(seen.json<BookingDetail>().status).toBe('checked_in')

    const missed = (await book(testApp, await citizen(), bookingInput({ date, start: '09:30' }))).json<BookingDetail>()
    expectErrorBody(await testApp.app.inject({ method: 'POST', url: `/api/v1/staff/bookings/${missed.id}/no-show`, headers: clerk }), 409, 'BOOKING_NOT_CHECKABLE')
    await testApp.db.updateTable('bookings').set({ starts_at: new Date(Date.now() - 60_000) }).where('id', '=', missed.id).execute()
    const noShow = await testApp.app.inject({ method: 'POST', url: `/api/v1/staff/bookings/${missed.id}/no-show`, headers: clerk })
    expect(noShow.statusCode, noShow.body).toBe(200)
    expect(noShow.json<StaffBooking>().status).toBe('no_show')
  })

  it('are bound to their halls: another hall’s bookings, codes and schedule answer 404', async () => {
    const booking = (await book(testApp, await citizen(), bookingInput({ date: workingDay(9), start: '10:00' }))).json<BookingDetail>()
    const elsewhere = await staffHeaders(testApp, 'supervisor', ['shaoxianlu-street-station'])
    expectErrorBody(await testApp.app.inject({ method: 'GET', url: `/api/v1/staff/halls/${HALL}/bookings`, query: { date: workingDay(9) }, headers: elsewhere }), 404, 'HALL_NOT_FOUND')
    expectErrorBody(await testApp.app.inject({ method: 'POST', url: '/api/v1/staff/bookings/check-in', headers: elsewhere, payload: { code: booking.code } }), 404, 'BOOKING_NOT_FOUND')
    expectErrorBody(await testApp.app.inject({ method: 'PUT', url: `/api/v1/staff/halls/${HALL}/schedule`, headers: elsewhere, payload: testSchedule() }), 404, 'HALL_NOT_FOUND')
    const admin = await staffHeaders(testApp, 'admin', [])
    expect((await testApp.app.inject({ method: 'GET', url: `/api/v1/staff/halls/${HALL}/bookings`, query: { date: workingDay(9) }, headers: admin })).statusCode).toBe(200)
  })

  it('set schedules as supervisors only, checked and audit-logged; closed days take no booking', async () => {
    const clerk = await staffHeaders(testApp, 'clerk')
    expectErrorBody(await testApp.app.inject({ method: 'PUT', url: `/api/v1/staff/halls/${HALL}/schedule`, headers: clerk, payload: testSchedule() }), 403, 'FORBIDDEN')
    const supervisor = await staffHeaders(testApp, 'supervisor')
    const invalid = testSchedule()
    invalid.services[0]!.priorityReserved = 9
    const refused = expectErrorBody(await testApp.app.inject({ method: 'PUT', url: `/api/v1/staff/halls/${HALL}/schedule`, headers: supervisor, payload: invalid }), 422, 'SCHEDULE_INVALID')
    expect(refused.details?.[0]?.message).toMatch(/绿色通道/)

    const closed = workingDay(10)
    const signedIn = await signInCitizen(testApp.app)
    const displaced = (await book(testApp, signedIn.headers, bookingInput({ date: closed, start: '10:00' }))).json<BookingDetail>()
    const kept = (await book(testApp, signedIn.headers, bookingInput({ date: workingDay(11), start: '10:00' }))).json<BookingDetail>()
    const saved = await testApp.app.inject({
      method: 'PUT',
      url: `/api/v1/staff/halls/${HALL}/schedule`,
      headers: supervisor,
      payload: testSchedule({ exceptions: [{ date: closed, kind: 'closed', periods: [], note: '系统升级暂停服务' }] }),
    })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json<SavedHallSchedule>()).toMatchObject({ cancelledBookings: 1, schedule: { hallId: HALL, exceptions: [expect.objectContaining({ date: closed })] } })
    try {
      // the booking on the closed day is cancelled, its citizen told why; the other stays
      const mine = (await testApp.app.inject({ method: 'GET', url: '/api/v1/me/bookings', headers: signedIn.headers })).json<BookingList>().bookings
      expect(mine.find((entry) => entry.id === displaced.id)?.status).toBe('cancelled')
      expect(mine.find((entry) => entry.id === kept.id)?.status).toBe('booked')
      const notices = await testApp.db.selectFrom('notifications').select(['kind', 'body']).where('citizen_id', '=', signedIn.me.id).execute()
      expect(notices).toEqual([{ kind: 'appointment_cancelled', body: expect.stringContaining('系统升级暂停服务') }])
      expect(notices[0]!.body).toContain(displaced.code)
      expect((await slots(ID_CARD, closed)).slots).toEqual([])
      expectErrorBody(await book(testApp, await citizen(), bookingInput({ date: closed })), 422, 'SLOT_NOT_OFFERED')
      const audit = await testApp.db.selectFrom('audit_log').select('action').where('target', '=', `hall:${HALL}`).where('action', '=', 'appointment-schedule.save').execute()
      expect(audit.length).toBeGreaterThan(0)
    } finally {
      await setSchedule(testApp)
    }
  })
})
