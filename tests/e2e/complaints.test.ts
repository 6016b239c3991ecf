// 投诉建议 end to end, on the real server, on a phone (Android Chrome and WeChat's browser): a
// citizen writes a complaint with a photo while offline, sends it (it waits on the phone), comes
// back online and gets the tracking number; exactly one complaint reaches the server. A supervisor
// of the hall assigns it and answers through the staff API; the phone shows the answer and the
// citizen rates it 满意, which closes it. The channels page dials 12345; axe finds nothing serious.
import { spawnSync } from 'node:child_process'
import { randomInt, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { StaffComplaintDetail } from '../../contract/complaints.ts'
import type { StaffMe } from '../../contract/staff.ts'
import { startAppServer, type AppServer } from './support/app-server.ts'
import { PHONE_AGENTS, launchChromium, newPhoneContext, seriousAxeViolations } from './support/browser.ts'
import { loggedSignInCode } from './support/sign-in-codes.ts'

const ADMIN = { username: 'complaint.admin', password: 'e2e-admin-password-1' }
const STAFF_PASSWORD = 'e2e-staff-password-1'
const HALL = 'kundulun-civic-centre'
const root = join(import.meta.dirname, '..', '..')

let browser: Browser
let server: AppServer
let dataDir: string
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kdl-complaints-'))
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
  id: string
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
  return { id: me.id, cookie, csrfToken: me.csrfToken }
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

/** A supervisor of the hall, made by the administrator. */
async function hallSupervisor(): Promise<StaffSession> {
  const admin = await staffSignIn(ADMIN.username, ADMIN.password)
  const username = `supervisor.${randomInt(0, 1_000_000)}`
  await staffRequest(admin, 'POST', '/api/v1/staff/accounts', { username, displayName: '孙丽', role: 'supervisor', hallIds: [HALL], departmentIds: [], password: STAFF_PASSWORD })
  return staffSignIn(username, STAFF_PASSWORD)
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes: Buffer) => (bytes.reduce((c, byte) => crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0

/** A real 64×48 PNG (a photo stand-in the browser can draw). */
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

/** Serious axe findings on the page's own content (the tab bar's unread badge has tests of its own). */
async function contentAxeViolations(page: Page) {
  return (await seriousAxeViolations(page)).filter((violation) => !violation.targets.every((target) => target.includes('van-tabbar')))
}

describe.each(PHONE_AGENTS)('投诉建议 in $name', ({ userAgent }) => {
  test('a complaint with a photo written offline arrives once with its tracking number; staff answer it and the citizen rates the answer', async () => {
    const phone = `136${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
    const context = await newPhoneContext(browser, server.baseURL, userAgent)
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))

    // The channels of 第十九条, from 我的.
    await page.goto('/me')
    await page.getByTestId('me-complaints-link').click()
    await expect.poll(() => page.getByTestId('complaint-channel-portal').count(), { timeout: 10_000 }).toBe(1)
    expect(await page.getByTestId('complaint-channel-hotline').locator('a').getAttribute('href')).toBe('tel:12345')
    expect(await page.getByTestId('complaint-channel-complaint_phone').locator('a[href^="tel:"]').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('complaint-channel-wechat').count()).toBe(1)
    expect(await contentAxeViolations(page)).toEqual([])

    // From the hall's page, signed in, a real-name complaint about the hall.
    await page.goto(`/signin?next=${encodeURIComponent(`/complaints/new?hall=${HALL}`)}`)
    await signIn(page, phone)
    const form = page.getByTestId('complaint-form')
    await expect.poll(() => form.isVisible(), { timeout: 10_000 }).toBe(true)
    await expect.poll(() => page.getByTestId('complaint-contact-phone').inputValue(), { timeout: 10_000 }).toBe(phone)
    await expect.poll(() => page.getByTestId('complaint-hall').inputValue(), { timeout: 10_000 }).toBe(HALL)
    expect(await contentAxeViolations(page)).toEqual([])

    await context.setOffline(true)
    await page.getByTestId('complaint-category-service_attitude').check()
    await page.getByTestId('complaint-description').fill('<b>窗口</b>工作人员态度生硬，没有说明不予办理的原因。')
    await page.getByTestId('complaint-occurred-date').fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10))
    await page.getByTestId('complaint-contact-name').fill('王小明')
    await page.getByTestId('complaint-photo-pick').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: photoPng() })
    await expect.poll(() => page.getByTestId('complaint-photo').count()).toBe(1)

    const posts: number[] = []
    await page.route('**/api/v1/complaints', async (route) => {
      const response = await route.fetch()
      posts.push(response.status())
      await route.fulfill({ response })
    })
    await page.getByTestId('complaint-submit').dblclick()
    await expect.poll(() => page.getByTestId('complaint-waiting').textContent(), { timeout: 10_000 }).toContain('联网后自动提交')
    expect(posts).toEqual([])

    await context.setOffline(false)
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect.poll(() => page.getByTestId('complaint-tracking-number').textContent(), { timeout: 30_000 }).toMatch(/^TS-\d{8}-\d{4,6}$/)
    const trackingNumber = (await page.getByTestId('complaint-tracking-number').textContent())!
    expect(await page.getByTestId('complaint-query-code').textContent()).toMatch(/^[A-Z0-9]{10}$/)
    expect(posts).toEqual([201])
    expect(await contentAxeViolations(page)).toEqual([])

    // Staff: exactly one complaint with the photo; a supervisor of the hall assigns it to themself and answers.
    const supervisor = await hallSupervisor()
    const staffView = await staffRequest<StaffComplaintDetail>(supervisor, 'GET', `/api/v1/staff/complaints/${trackingNumber}`)
    expect(staffView.photos).toHaveLength(1)
    expect(staffView.description).toBe('<b>窗口</b>工作人员态度生硬，没有说明不予办理的原因。')
    await staffRequest(supervisor, 'POST', `/api/v1/staff/complaints/${trackingNumber}/assignment`, { handlerId: supervisor.id, note: '本人核实' })
    await staffRequest(supervisor, 'POST', `/api/v1/staff/complaints/${trackingNumber}/answer`, { answer: '经核实，已对窗口人员批评教育，并当面向您说明了办理要求。' })

    // The citizen sees the answer with the timeline, and rates it.
    await page.getByTestId('complaint-receipt-open').click()
    await expect.poll(() => page.getByTestId('complaint-answer-text').textContent(), { timeout: 15_000 }).toBe('经核实，已对窗口人员批评教育，并当面向您说明了办理要求。')
    expect(await page.getByTestId('complaint-view-description').textContent()).toBe('<b>窗口</b>工作人员态度生硬，没有说明不予办理的原因。')
    const steps = await page.getByTestId('complaint-timeline-step').evaluateAll((items) => items.map((item) => [item.getAttribute('data-status'), item.classList.contains('is-done')]))
    expect(steps).toEqual([
      ['received', true],
      ['assigned', true],
      ['answered', true],
      ['closed', false],
    ])
    expect(await page.getByTestId('complaint-view').locator('img').count()).toBe(1)
    expect(await contentAxeViolations(page)).toEqual([])
    await page.getByTestId('complaint-rating-satisfied').check()
    await page.getByTestId('complaint-rating-submit').click()
    await expect.poll(() => page.getByTestId('complaint-rating').textContent(), { timeout: 15_000 }).toContain('满意')
    await expect.poll(() => page.getByTestId('complaint-view-status').textContent()).toBe('已办结')

    const after = await staffRequest<StaffComplaintDetail>(supervisor, 'GET', `/api/v1/staff/complaints/${trackingNumber}`)
    expect(after.status).toBe('closed')
    expect(after.rating?.satisfied).toBe(true)

    // 我的投诉建议 lists it as closed.
    await page.goto('/complaints')
    await expect.poll(() => page.getByTestId(`complaint-item-${trackingNumber}`).getByTestId('complaint-item-status').textContent(), { timeout: 10_000 }).toBe('已办结')
    expect(pageErrors).toEqual([])
    await context.close()
  })

  test('an anonymous suggestion without signing in is followed by its query code: on this phone, and from another by lookup; 不满意 reopens it once', async () => {
    const context = await newPhoneContext(browser, server.baseURL, userAgent)
    const page = await context.newPage()
    await page.goto('/complaints/new')
    await expect.poll(() => page.getByTestId('complaint-form').isVisible(), { timeout: 10_000 }).toBe(true)
    expect(await page.getByTestId('complaint-anonymous').isChecked()).toBe(true)
    expect(await page.getByTestId('complaint-contact-name').count()).toBe(0)
    await page.getByTestId('complaint-kind-suggestion').check()
    await page.getByTestId('complaint-category-facilities').check()
    await page.getByTestId('complaint-description').fill('建议在等候区增加老花镜和放大镜。')
    await page.getByTestId('complaint-submit').click()
    await expect.poll(() => page.getByTestId('complaint-query-code').textContent(), { timeout: 30_000 }).toMatch(/^[A-Z0-9]{10}$/)
    const trackingNumber = (await page.getByTestId('complaint-tracking-number').textContent())!
    const queryCode = (await page.getByTestId('complaint-query-code').textContent())!
    expect(await page.getByTestId('complaint-query-code-warning').textContent()).toContain('唯一凭证')
    expect(await contentAxeViolations(page)).toEqual([])

    const supervisor = await hallSupervisor()
    const staffView = await staffRequest<StaffComplaintDetail>(supervisor, 'GET', `/api/v1/staff/complaints/${trackingNumber}`)
    expect(staffView.complainant).toEqual({ anonymous: true })
    await staffRequest(supervisor, 'POST', `/api/v1/staff/complaints/${trackingNumber}/assignment`, { handlerId: supervisor.id })
    await staffRequest(supervisor, 'POST', `/api/v1/staff/complaints/${trackingNumber}/answer`, { answer: '感谢建议，已在等候区配备老花镜和放大镜。' })

    // On this phone, still signed out: 投诉建议 lists it, opened with the kept query code.
    await page.goto('/complaints')
    await page.getByTestId(`complaint-item-${trackingNumber}`).click()
    await expect.poll(() => page.getByTestId('complaint-answer-text').textContent(), { timeout: 15_000 }).toBe('感谢建议，已在等候区配备老花镜和放大镜。')
    await page.getByTestId('complaint-rating-unsatisfied').check()
    await page.getByTestId('complaint-rating-reopen').check()
    await page.getByTestId('complaint-rating-submit').click()
    await expect.poll(() => page.getByTestId('complaint-view-status').textContent(), { timeout: 15_000 }).toBe('已重新办理')
    expect(await page.getByTestId('complaint-rating').textContent()).toContain('不满意')
    expect(await contentAxeViolations(page)).toEqual([])

    // From another phone: the tracking number alone opens nothing; with the query code it opens.
    const other = await newPhoneContext(browser, server.baseURL, userAgent)
    const lookup = await other.newPage()
    await lookup.goto('/complaints/lookup')
    await lookup.getByTestId('complaint-lookup-tracking-number').fill(trackingNumber)
    await lookup.getByTestId('complaint-lookup-query-code').fill(queryCode === 'ABCDEFGHJK' ? 'BBCDEFGHJK' : 'ABCDEFGHJK')
    await lookup.getByTestId('complaint-lookup-submit').click()
    await expect.poll(() => lookup.getByTestId('complaint-lookup-failure').textContent(), { timeout: 10_000 }).toBe('未查询到投诉建议，请核对编号和查询码')
    await lookup.getByTestId('complaint-lookup-query-code').fill(queryCode.toLowerCase())
    await lookup.getByTestId('complaint-lookup-submit').click()
    await expect.poll(() => lookup.getByTestId('complaint-view-status').textContent(), { timeout: 10_000 }).toBe('已重新办理')
    expect(await lookup.getByTestId('complaint-view-description').textContent()).toBe('建议在等候区增加老花镜和放大镜。')
    expect(await contentAxeViolations(lookup)).toEqual([])
    await other.close()
    await context.close()
  })
})
