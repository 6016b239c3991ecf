// Notifications end to end, on the real server: a citizen applies from the phone; staff accept the
// case with the staff API; the 我的 tab shows the unread count, the notification centre lists
// 办件已受理, and tapping it opens the case and clears the badge. In WeChat the push switch is not
// offered and nothing fails; elsewhere it is.
import { randomInt } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { CaseDetail } from '../../contract/applications.ts'
import type { AppServer } from './support/app-server.ts'
import { applyFromPhone } from './support/applications.ts'
import { PHONE_AGENTS, WECHAT_UA, cspViolations, launchChromium, newPhoneContext, seriousAxeViolations, waitForServiceWorker } from './support/browser.ts'
import { createStaff, startAppServerWithAdmin, staffRequest, staffSignIn, type StaffSession } from './support/staff-api.ts'

const ADMIN = { username: 'notify.admin', password: 'e2e-admin-password-2', displayName: '赵敏' }

let browser: Browser
let server: AppServer
beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchChromium(), startAppServerWithAdmin(ADMIN)])
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const clerks = new Map<string, StaffSession>()
/** A window clerk (窗口人员) of the department, made by the administrator the first time. */
async function clerkOf(departmentId: string): Promise<StaffSession> {
  const known = clerks.get(departmentId)
  if (known) return known
  const clerk = await createStaff(server, ADMIN, { role: 'clerk', displayName: '李娜', departmentIds: [departmentId] })
  clerks.set(departmentId, clerk)
  return clerk
}

/** The badge on the 我的 tab, or null when there is none. */
async function meBadge(page: Page): Promise<string | null> {
  const badge = page.locator('[data-testid="tab-me"] .van-badge')
  return (await badge.count()) > 0 && (await badge.isVisible()) ? await badge.textContent() : null
}

describe.each(PHONE_AGENTS)('notifications in $name', ({ name, userAgent }) => {
  test('staff accept the case: 我的 shows the unread count, the notification opens the case, the badge goes', async () => {
    const phone = `136${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
    const context = await newPhoneContext(browser, server.baseURL, userAgent)
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    const caseNumber = await applyFromPhone(page, server, phone)

    // Nothing to tell yet.
    await page.goto('/')
    await page.getByTestId('tab-me').waitFor()
    await page.waitForLoadState('networkidle')
    expect(await meBadge(page)).toBeNull()

    const admin = await staffSignIn(server, ADMIN)
    const staffView = await staffRequest<CaseDetail>(server, admin, 'GET', `/api/v1/staff/cases/${caseNumber}`)
    await staffRequest(server, await clerkOf(staffView.departmentId), 'POST', `/api/v1/staff/cases/${caseNumber}/transitions`, { action: 'accept', note: '材料齐全，予以受理。' })

    // The phone learns it when the app comes back (here: opened again).
    await page.goto('/')
    await expect.poll(() => meBadge(page), { timeout: 15_000 }).toBe('1')
    // Screen readers hear the count in words.
    expect(await page.getByRole('link', { name: '我的，1条未读消息' }).count()).toBe(1)

    await page.getByTestId('tab-me').click()
    await page.getByTestId('me-notifications-link').click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/me/notifications')
    const item = page.locator('[data-testid^="notification-"][data-unread]').first()
    await expect.poll(() => item.getAttribute('data-unread')).toBe('true')
    expect(await item.textContent()).toContain('办件已受理')
    expect(await item.textContent()).toContain('材料齐全，予以受理。')

    // Web Push is offered where the browser can do it, never in WeChat.
    if (userAgent === WECHAT_UA) expect(await page.getByTestId('notification-push').count()).toBe(0)
    else await expect.poll(() => page.getByTestId('notification-push-switch').isVisible()).toBe(true)

    expect(await seriousAxeViolations(page), name).toEqual([])

    await item.click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/me/cases/${caseNumber}`)
    await expect.poll(() => meBadge(page), { timeout: 10_000 }).toBeNull()

    // Read on the server too: opened again, the badge stays away and the notification reads as read.
    await page.goto('/me/notifications')
    await expect.poll(() => page.locator('[data-testid^="notification-"][data-unread]').first().getAttribute('data-unread')).toBe('false')
    await page.waitForLoadState('networkidle')
    expect(await meBadge(page)).toBeNull()

    expect(pageErrors).toEqual([])
    expect(await cspViolations(page)).toEqual([])
    await context.close()
  })
})

test('the service worker shows a push as a system notification that carries the case to open on click', async () => {
  const context = await newPhoneContext(browser, server.baseURL)
  await context.grantPermissions(['notifications'], { origin: server.baseURL })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  const registrations: string[] = []
  cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: updated }) => {
    for (const registration of updated as Array<{ registrationId: string; isDeleted: boolean }>) if (!registration.isDeleted) registrations.push(registration.registrationId)
  })
  await cdp.send('ServiceWorker.enable')
  await page.goto('/')
  await waitForServiceWorker(page)
  await expect.poll(() => registrations.length).toBeGreaterThan(0)

  const message = { id: 'n-1', kind: 'correction_requested', title: '需要补正材料', body: '“失业保险金申领”需要补正2项内容', caseNumber: 'KDL-20261125-0001', url: '/me/cases/KDL-20261125-0001' }
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.baseURL, registrationId: registrations.at(-1)!, data: JSON.stringify(message) })
  const shown = async () =>
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready
      return (await registration.getNotifications()).map((notification) => ({ title: notification.title, body: notification.body, data: notification.data as unknown }))
    })
  await expect.poll(shown, { timeout: 10_000 }).toEqual([{ title: '需要补正材料', body: '“失业保险金申领”需要补正2项内容', data: { url: '/me/cases/KDL-20261125-0001' } }])
  await context.close()
})
