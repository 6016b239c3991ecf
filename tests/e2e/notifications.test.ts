// Notifications end to end, on the real server: a citizen applies from the phone; staff accept the
// case with the staff API; the 我的 tab shows the unread count, the notification centre lists
// 办件已受理, and tapping it opens the case and clears the badge. In WeChat the push switch is not
// offered and nothing fails; elsewhere it is.
import { spawnSync } from 'node:child_process'
import { randomInt, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { CaseDetail } from '../../contract/applications.ts'
import type { StaffMe } from '../../contract/staff.ts'
import { startAppServer, type AppServer } from './support/app-server.ts'
import { PHONE_AGENTS, WECHAT_UA, cspViolations, launchChromium, newPhoneContext, seriousAxeViolations, waitForServiceWorker } from './support/browser.ts'
import { loggedSignInCode } from './support/sign-in-codes.ts'

/** 失业保险金申领: a form with a photo material and a deferrable (容缺) one. */
const ITEM = '000176051000001'
const ADMIN = { username: 'notify.admin', password: 'e2e-admin-password-2' }
const CLERK_PASSWORD = 'e2e-clerk-password-2'
const root = join(import.meta.dirname, '..', '..')

let browser: Browser
let server: AppServer
let dataDir: string
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kdl-notifications-'))
  const created = spawnSync(process.execPath, [join(root, 'server', 'scripts', 'create-staff-admin.ts'), '--username', ADMIN.username, '--display-name', '赵敏'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, STAFF_ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  })
  if (created.status !== 0) throw new Error(`create-staff-admin failed: ${created.stderr}${created.stdout}`)
  ;[browser, server] = await Promise.all([launchChromium(), startAppServer({ dataDir, env: { LOG_LEVEL: 'info' } })])
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

interface StaffSession {
  cookie: string
  csrfToken: string
}

async function staffSignIn(username: string, password: string): Promise<StaffSession> {
  const response = await fetch(`${server.baseURL}/api/v1/staff/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!response.ok) throw new Error(`staff sign-in ${response.status}: ${await response.text()}`)
  const me = (await response.json()) as StaffMe
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ')
  return { cookie, csrfToken: me.csrfToken }
}

async function staffRequest<Result>(session: StaffSession, method: string, path: string, body?: unknown): Promise<Result> {
  const response = await fetch(`${server.baseURL}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...(method === 'GET' ? {} : { 'idempotency-key': randomUUID() }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} ${response.status}: ${text}`)
  return JSON.parse(text) as Result
}

const clerks = new Map<string, StaffSession>()
async function clerkOf(departmentId: string): Promise<StaffSession> {
  const known = clerks.get(departmentId)
  if (known) return known
  const admin = await staffSignIn(ADMIN.username, ADMIN.password)
  const username = `clerk.${randomInt(0, 1_000_000)}`
  await staffRequest(admin, 'POST', '/api/v1/staff/accounts', { username, displayName: '李娜', role: 'clerk', hallIds: [], departmentIds: [departmentId], password: CLERK_PASSWORD })
  const clerk = await staffSignIn(username, CLERK_PASSWORD)
  clerks.set(departmentId, clerk)
  return clerk
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes: Buffer) => (bytes.reduce((c, byte) => crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0

/** A real 64×48 PNG, a photo stand-in the browser can draw. */
function photoPng(): Buffer {
  const [width, height] = [64, 48]
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows = Buffer.concat(Array.from({ length: height }, (_, y) => Buffer.from([0, ...Array.from({ length: width }, (_, x) => [x * 4, y * 5, 160]).flat()])))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

async function signIn(page: Page, phone: string): Promise<void> {
  await expect.poll(() => page.getByTestId('signin-form').isVisible()).toBe(true)
  await page.locator('#signin-phone').fill(phone)
  await page.getByTestId('signin-get-code').click()
  await expect.poll(() => page.getByTestId('signin-get-code').textContent()).toMatch(/秒后可重新获取/)
  await page.locator('#signin-code').fill(await loggedSignInCode(server, phone))
  await page.getByTestId('signin-submit').click()
}

/** Applies for 失业保险金申领 from the phone and answers the case number of the receipt. */
async function apply(page: Page, phone: string): Promise<string> {
  await page.goto(`/apply/${ITEM}`)
  await signIn(page, phone)
  await expect.poll(() => page.locator('#apply-phone').inputValue(), { timeout: 20_000 }).toBe(phone)
  await page.locator('#apply-name').fill('王小明')
  await page.locator('#apply-idNumber').fill('150203199001011232')
  await page.locator('#apply-registeredAddress').fill('内蒙古自治区包头市昆都仑区钢铁大街1号')
  await page.locator('#apply-formerEmployer').fill('示例钢铁')
  await page.locator('#apply-contributionPeriod').fill('2019年7月至2026年9月')
  await page.locator('#apply-contributionYears').fill('7年2个月')
  await page.locator('#apply-terminationDate').fill('2026-09-30')
  await page.locator('#apply-terminationReason input[value="contract_expired"]').check()
  await page.getByTestId('pick-id-card').setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: photoPng() })
  await page.getByTestId('defer-termination-proof').check()
  await page.getByTestId('commit-termination-proof').check()
  await page.getByTestId('apply-next').click()
  await page.getByTestId('check-submit').click()
  await expect.poll(() => page.getByTestId('receipt-case-number').textContent(), { timeout: 30_000 }).toMatch(/^KDL-\d{8}-\d{4,6}$/)
  return (await page.getByTestId('receipt-case-number').textContent())!
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
    const caseNumber = await apply(page, phone)

    // Nothing to tell yet.
    await page.goto('/')
    await page.getByTestId('tab-me').waitFor()
    await page.waitForLoadState('networkidle')
    expect(await meBadge(page)).toBeNull()

    const admin = await staffSignIn(ADMIN.username, ADMIN.password)
    const staffView = await staffRequest<CaseDetail>(admin, 'GET', `/api/v1/staff/cases/${caseNumber}`)
    await staffRequest(await clerkOf(staffView.departmentId), 'POST', `/api/v1/staff/cases/${caseNumber}/transitions`, { action: 'accept', note: '材料齐全，予以受理。' })

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
