// 预约 end to end on the real server, on a phone (Android Chrome and WeChat's in-app browser): from
// the guide's 预约办理, book a weekend slot at 昆都仑区市民大厅 (the seed offers its high-frequency
// items on Saturday and Sunday mornings), see the booking code and its QR code, add it to the
// calendar (.ics on Android; the open-in-browser hint in WeChat), move it to another weekend time,
// cancel it; request 上门服务 and see the hall's confirmation, made through the staff API.
import { randomInt } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { BookingList, HomeServiceRequest } from '../../contract/appointments.ts'
import { addCalendarDays, formatLocalDateChinese, shanghaiToday } from '../../contract/local-date.ts'
import type { AppServer } from './support/app-server.ts'
import { PHONE_AGENTS, cspViolations, launchChromium, newPhoneContext, seriousAxeViolations } from './support/browser.ts'
import { signInOnPage } from './support/sign-in-codes.ts'
import { staffRequest, staffSignIn, startAppServerWithAdmin } from './support/staff-api.ts'

/** 居民身份证申领、换领、补领: bookable at the civic centre, on weekends too, and served at home. */
const ITEM = '000172008000001'
const HALL = 'kundulun-civic-centre'
const ADMIN = { username: 'appointments.admin', password: 'e2e-admin-password-1', displayName: '孙丽' }

let browser: Browser
let server: AppServer
beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchChromium(), startAppServerWithAdmin(ADMIN)])
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Confirms a home-service request as the administrator (who acts for every hall), with the visit's time. */
async function confirmHomeService(requestId: string, visitAt: string, note: string): Promise<HomeServiceRequest> {
  const admin = await staffSignIn(server, ADMIN)
  return await staffRequest<HomeServiceRequest>(server, admin, 'POST', `/api/v1/staff/home-service-requests/${requestId}/confirm`, { visitAt, note })
}

async function myBookings(page: Page): Promise<BookingList['bookings']> {
  return await page.evaluate(async () => ((await (await fetch('/api/v1/me/bookings')).json()) as BookingList).bookings)
}

/** Chooses the first weekend date offered, its 周末及节假日 tab and the first time with a place left; answers the time. */
async function chooseWeekendTime(page: Page, skip?: string): Promise<string> {
  const weekendDate = page.locator('[data-testid^="slot-date-"]', { hasText: '休息日' }).first()
  await expect.poll(() => weekendDate.isVisible(), { timeout: 15_000 }).toBe(true)
  await weekendDate.click()
  expect((await page.getByTestId('slot-kinds').locator('label').allTextContents()).map((text) => text.trim())).toEqual(['周末及节假日'])
  const free = page.locator('[data-testid^="slot-"]:is(button):not([disabled])')
  const starts = await free.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-testid')!.slice('slot-'.length)))
  const start = starts.find((candidate) => candidate !== skip)!
  expect(await page.getByTestId(`slot-${start}`).getByTestId('slot-left').textContent()).toMatch(/^余\d+$/)
  await page.getByTestId(`slot-${start}`).click()
  return start
}

describe.each(PHONE_AGENTS)('预约 in $name', ({ name, userAgent }) => {
  const inWeChat = name === 'WeChat'

  test('a weekend slot is booked from the guide, added to the calendar, moved and cancelled', async () => {
    const phone = `136${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
    const context = await newPhoneContext(browser, server.baseURL, userAgent)
    const page = await context.newPage()

    // The guide offers 预约办理: the times are open to everyone, with the item chosen.
    await page.goto(`/g/${ITEM}`)
    await page.getByTestId('guide-book').click()
    await expect.poll(() => page.getByTestId('booking-item-name').textContent(), { timeout: 15_000 }).toBe('居民身份证申领、换领、补领')
    await expect.poll(() => page.getByTestId(`booking-hall-${HALL}`).locator('input').isChecked(), { timeout: 15_000 }).toBe(true)

    const start = await chooseWeekendTime(page)
    await page.getByTestId('priority-select').selectOption('elderly')
    expect(await page.getByTestId('booking-chosen').textContent()).toMatch(new RegExp(`^\\d{4}年\\d{1,2}月\\d{1,2}日 周[六日] ${start}–\\d{2}:\\d{2} · 周末及节假日$`))
    // Nothing widens the page beyond the phone's screen (the row of 14 dates scrolls on its own).
    expect(await page.evaluate(() => [window.innerWidth, document.documentElement.scrollWidth])).toEqual([390, 390])
    expect(await seriousAxeViolations(page)).toEqual([])
    // Confirming needs a session: sign in, and the page comes back with the same choice.
    expect(await page.getByTestId('booking-confirm').textContent()).toContain('登录后确认预约')
    const chosen = await page.getByTestId('booking-chosen').textContent()
    await page.getByTestId('booking-confirm').click()
    await signInOnPage(page, server, phone)
    await expect.poll(async () => (await page.getByTestId('booking-confirm').textContent())?.trim(), { timeout: 15_000 }).toBe('确认预约')
    await expect.poll(() => page.getByTestId('booking-chosen').textContent(), { timeout: 15_000 }).toBe(chosen)
    expect(await page.getByTestId('priority-select').inputValue()).toBe('elderly')
    await page.getByTestId('booking-confirm').dblclick()

    // The booking: its code large, the QR code, the time in words.
    await expect.poll(() => page.getByTestId('booking-code').textContent(), { timeout: 20_000 }).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/)
    const code = (await page.getByTestId('booking-code').textContent())!
    expect(await page.getByTestId('booking-qr').getAttribute('aria-label')).toBe(`签到二维码，预约码 ${code}`)
    expect(await page.getByTestId('booking-detail-when').textContent()).toContain(` ${start}–`)
    expect(await page.getByTestId('booking-detail-priority').textContent()).toBe('老年人')
    const booked = await myBookings(page)
    expect(booked).toHaveLength(1)
    expect(booked[0]).toMatchObject({ code, kind: 'rest_day', start, status: 'booked', priorityGroup: 'elderly' })
    expect(await seriousAxeViolations(page)).toEqual([])

    // 添加到日历: the .ics on Android; WeChat cannot open it, and says how to go on.
    if (inWeChat) {
      expect(await page.getByTestId('wechat-calendar-hint').textContent()).toContain('在浏览器中打开')
    } else {
      expect(await page.getByTestId('wechat-calendar-hint').count()).toBe(0)
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('booking-calendar').click()])
      expect(download.suggestedFilename()).toMatch(new RegExp(`${code}\\.ics$`))
      const ics = readFileSync((await download.path())!, 'utf8')
      expect(ics).toContain('BEGIN:VCALENDAR')
      expect(ics).toContain(code)
    }

    // 改约: another weekend time, the same booking and code.
    await page.getByTestId('booking-move').click()
    const moved = await chooseWeekendTime(page, start)
    await page.getByTestId('booking-move-confirm').click()
    await expect.poll(() => page.getByTestId('booking-detail-when').textContent(), { timeout: 20_000 }).toContain(` ${moved}–`)
    expect(await page.getByTestId('booking-code').textContent()).toBe(code)
    expect((await myBookings(page)).map((booking) => [booking.code, booking.start])).toEqual([[code, moved]])

    // 取消, after saying yes.
    await page.getByTestId('booking-cancel').click()
    await page.locator('.van-dialog__confirm').click()
    await expect.poll(() => page.getByTestId('booking-detail-status').textContent(), { timeout: 20_000 }).toBe('已取消')
    expect(await page.getByTestId('booking-qr').count()).toBe(0)
    expect((await myBookings(page)).map((booking) => booking.status)).toEqual(['cancelled'])

    // 预约 lists it, cancelled.
    await page.goto('/appointments')
    await expect.poll(() => page.getByTestId('bookings-list').textContent(), { timeout: 15_000 }).toContain('已取消')
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await cspViolations(page)).toEqual([])
    await context.close()
  })

  test('上门服务 is requested from the phone and the hall\'s confirmation shows there', async () => {
    const phone = `135${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
    const context = await newPhoneContext(browser, server.baseURL, userAgent)
    const page = await context.newPage()
    await page.goto('/appointments')
    await page.getByTestId('appointments-sign-in-link').click()
    await signInOnPage(page, server, phone)
    await page.getByTestId('appointments-home-service').click()

    await expect.poll(() => page.getByTestId('home-service-form').isVisible(), { timeout: 15_000 }).toBe(true)
    await page.getByTestId('home-service-item').selectOption(ITEM)
    await page.locator('#home-address').fill('内蒙古自治区包头市昆都仑区少先路街道某小区3号楼2单元501')
    await page.getByTestId('home-service-reason-mobility').locator('input').check()
    await page.locator('[data-testid^="home-service-date-"] input').nth(1).check()
    await page.locator('#home-contactName').fill('王秀英')
    // 我的资料 is empty for a new citizen: the number is typed.
    await page.locator('#home-contactPhone').fill(phone)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.getByTestId('home-service-submit').click()

    await expect.poll(() => page.getByTestId('home-service-detail-status').textContent(), { timeout: 20_000 }).toBe('待确认')
    const requestId = new URL(page.url()).pathname.split('/').pop()!
    // A week from today, whatever day the test runs.
    const visitDate = addCalendarDays(shanghaiToday(), 7)
    await confirmHomeService(requestId, `${visitDate}T09:30:00+08:00`, '工作人员将携带便携式采集设备上门')

    await page.reload()
    await expect.poll(() => page.getByTestId('home-service-detail-status').textContent(), { timeout: 20_000 }).toBe('已确认')
    expect(await page.getByTestId('home-service-outcome').textContent()).toContain(`${formatLocalDateChinese(visitDate)} 09:30`)
    expect(await page.getByTestId('home-service-staff-note').textContent()).toContain('便携式采集设备')

    // In the list, the phone number is masked.
    await page.goto('/appointments')
    const line = page.getByTestId(`home-service-${requestId}`)
    await expect.poll(() => line.textContent(), { timeout: 15_000 }).toContain('已确认')
    expect(await line.textContent()).toContain(`${phone.slice(0, 3)}****${phone.slice(7)}`)
    expect(await line.textContent()).not.toContain(phone)
    expect(await seriousAxeViolations(page)).toEqual([])
    await context.close()
  })
})
