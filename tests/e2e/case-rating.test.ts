// 好差评 and 办件查询 end to end, on the real server: a citizen applies from the phone; staff take the
// case to 已办结 with the staff API; the phone rates it 不满意 with the connection gone and, back
// online, the server has exactly one rating; a supervisor of the department records what was done
// and the phone shows it. Anyone can follow the case on /cases/lookup with the ID number's last 6
// characters; a wrong verification gets the one answer. A hall visit is rated from the hall page.
import { spawnSync } from 'node:child_process'
import { randomInt, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { CaseDetail } from '../../contract/applications.ts'
import type { StaffCaseTransition } from '../../contract/case-lifecycle.ts'
import type { FollowUpList } from '../../contract/ratings.ts'
import type { StaffMe } from '../../contract/staff.ts'
import { startAppServer, type AppServer } from './support/app-server.ts'
import { PHONE_AGENTS, launchChromium, newPhoneContext, seriousAxeViolations } from './support/browser.ts'
import { loggedSignInCode } from './support/sign-in-codes.ts'

/** 失业保险金申领: a form with a photo material and a deferrable (容缺) one. */
const ITEM = '000176051000001'
const ADMIN = { username: 'rating.admin', password: 'e2e-admin-password-1' }
const STAFF_PASSWORD = 'e2e-staff-password-1'
const HALL = 'kundulun-civic-centre'
const root = join(import.meta.dirname, '..', '..')

let browser: Browser
let server: AppServer
let dataDir: string
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kdl-case-rating-'))
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

/** A staff member of the department with `role`, made by the administrator. */
async function staffOf(role: 'clerk' | 'supervisor', departmentId: string, displayName: string): Promise<StaffSession> {
  const admin = await staffSignIn(ADMIN.username, ADMIN.password)
  const username = `${role}.${randomInt(0, 1_000_000)}`
  await staffRequest(admin, 'POST', '/api/v1/staff/accounts', { username, displayName, role, hallIds: [], departmentIds: [departmentId], password: STAFF_PASSWORD })
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

/** Applies for 失业保险金申领 from the phone and answers the case number of the receipt. */
async function apply(page: Page, phone: string): Promise<string> {
  await page.goto(`/apply/${ITEM}`)
  await signIn(page, phone)
  await expect.poll(() => page.locator('#apply-phone').inputValue(), { timeout: 10_000 }).toBe(phone)
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

/** Takes the case through every step to 已办结 with the staff API, as a window clerk of its department. */
async function complete(caseNumber: string): Promise<string> {
  const admin = await staffSignIn(ADMIN.username, ADMIN.password)
  const { departmentId } = await staffRequest<CaseDetail>(admin, 'GET', `/api/v1/staff/cases/${caseNumber}`)
  const clerk = await staffOf('clerk', departmentId, '李娜')
  const steps: StaffCaseTransition[] = [
    { action: 'accept', note: '材料齐全，予以受理。' },
    { action: 'start_review' },
    { action: 'approve', note: '符合申领条件。' },
    { action: 'issue_result', delivery: { method: 'pickup', place: '昆都仑区政务服务中心一楼12号窗口', hours: '工作日9:00-12:00' } },
    { action: 'complete' },
  ]
  for (const step of steps) await staffRequest(clerk, 'POST', `/api/v1/staff/cases/${caseNumber}/transitions`, step)
  return departmentId
}

/** Serious axe findings on the page's own content (the tab bar's unread badge has tests of its own). */
async function contentAxeViolations(page: Page) {
  return (await seriousAxeViolations(page)).filter((violation) => !violation.targets.every((target) => target.includes('van-tabbar')))
}

describe.each(PHONE_AGENTS)('好差评 and 办件查询 in $name', ({ userAgent }) => {
  test('a completed case is rated 不满意 offline, arrives once, and the supervisor’s follow-up shows on the phone', async () => {
    const phone = `137${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
    const context = await newPhoneContext(browser, server.baseURL, userAgent)
    const page = await context.newPage()
    const caseNumber = await apply(page, phone)
    const departmentId = await complete(caseNumber)

    await page.goto(`/me/cases/${caseNumber}`)
    const form = page.getByTestId('case-rating-form')
    await expect.poll(() => form.isVisible(), { timeout: 20_000 }).toBe(true)
    expect((await page.getByTestId('rating-levels').locator('label').allTextContents()).map((text) => text.trim())).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
    expect(await contentAxeViolations(page)).toEqual([])

    // Sent without a level: asked for one, nothing leaves the phone.
    await page.getByTestId('case-rating-submit').click()
    await expect.poll(() => form.textContent()).toContain('请选择满意程度')

    const posts: number[] = []
    await page.route('**/api/v1/me/cases/*/rating', async (route) => {
      const response = await route.fetch()
      posts.push(response.status())
      await route.fulfill({ response })
    })
    const comment = '<script>alert(1)</script>等候时间太长'
    await page.getByLabel('不满意', { exact: true }).check()
    await page.getByTestId('rating-comment').fill(comment)
    expect(await page.getByTestId('case-rating-follow-up-hint').textContent()).toContain('回访')
    await context.setOffline(true)
    await page.getByTestId('case-rating-submit').dblclick()
    await expect.poll(() => page.getByTestId('case-rating-waiting').textContent()).toContain('联网后会自动提交')
    expect(posts).toEqual([])

    await context.setOffline(false)
    await expect.poll(() => page.getByTestId('rating-summary').isVisible(), { timeout: 30_000 }).toBe(true)
    expect(posts).toEqual([201])
    expect(await page.getByTestId('rating-summary').textContent()).toContain('您的评价：不满意')
    expect(await page.getByTestId('rating-summary-comment').textContent()).toBe(comment)
    expect(await page.getByTestId('rating-follow-up').textContent()).toContain('待回访整改')
    expect(await contentAxeViolations(page)).toEqual([])

    // The department's supervisor sees the task first and records what was done.
    const supervisor = await staffOf('supervisor', departmentId, '王芳')
    const tasks = await staffRequest<FollowUpList>(supervisor, 'GET', '/api/v1/staff/follow-ups')
    const task = tasks.followUps.find((candidate) => candidate.target.kind === 'case' && candidate.target.caseNumber === caseNumber)
    expect(task).toMatchObject({ status: 'open', level: 2, comment })
    expect(tasks.followUps.filter((candidate) => candidate.target.kind === 'case' && candidate.target.caseNumber === caseNumber)).toHaveLength(1)
    await staffRequest(supervisor, 'POST', `/api/v1/staff/follow-ups/${task!.id}/outcome`, { outcome: '已电话回访，窗口已增设叫号提醒。' })

    await page.reload()
    await expect.poll(() => page.getByTestId('rating-follow-up-outcome').textContent(), { timeout: 20_000 }).toBe('已电话回访，窗口已增设叫号提醒。')
    expect(await page.getByTestId('rating-follow-up').textContent()).toContain('已回访整改')
    expect(await page.locator('form[data-testid="case-rating-form"]').count()).toBe(0)

    // 办件查询 from 首页, signed out of nothing: a wrong verification gets the one answer, the right one the progress.
    await page.goto('/')
    await page.getByTestId('home-case-lookup-link').click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/cases/lookup')
    await page.getByTestId('case-lookup-case-number').fill(caseNumber)
    await page.getByTestId('case-lookup-verification').fill('9999')
    await page.getByTestId('case-lookup-submit').click()
    await expect.poll(() => page.getByTestId('case-lookup-failure').textContent()).toBe('未查询到办件，请核对办件编号和验证信息')
    await page.getByTestId('case-lookup-verification').fill('011232')
    await page.getByTestId('case-lookup-submit').click()
    await expect.poll(() => page.getByTestId('case-lookup-status').textContent()).toBe('已办结')
    expect(new URL(page.url()).search).toBe('')
    const shown = (await page.getByTestId('case-lookup-result').textContent())!
    expect(shown).not.toContain('王小明')
    expect(shown).not.toContain('李娜')
    expect(await contentAxeViolations(page)).toEqual([])
    await context.close()
  })

  test('a hall visit is rated from the hall page', async () => {
    const phone = `136${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
    const context = await newPhoneContext(browser, server.baseURL, userAgent)
    const page = await context.newPage()
    await page.goto(`/halls/${HALL}`)
    await page.getByTestId('hall-rate-link').click()
    await signIn(page, phone)
    await expect.poll(() => page.getByTestId('hall-rating-form').isVisible(), { timeout: 20_000 }).toBe(true)
    expect(await contentAxeViolations(page)).toEqual([])
    await page.getByLabel('非常满意', { exact: true }).check()
    await page.getByTestId('hall-rating-submit').click()
    await expect.poll(() => page.getByTestId('hall-rating-result').textContent(), { timeout: 20_000 }).toBe('评价已提交，感谢您的反馈。')
    expect(await page.getByTestId('rating-summary').textContent()).toContain('您的评价：非常满意')
    await context.close()
  })
})
