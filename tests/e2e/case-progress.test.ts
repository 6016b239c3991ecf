// Case progress end to end, on the real server: a citizen applies from the phone; staff move the
// case with the staff API (受理 → 一次性告知补正); the phone shows 待补正 with every item; the citizen
// answers offline and, back online, the server has exactly one resubmission; staff review,
// approve, issue the result and complete the case while the phone shows each step.
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
import type { StaffMe } from '../../contract/staff.ts'
import { startAppServer, type AppServer } from './support/app-server.ts'
import { PHONE_AGENTS, launchChromium, newPhoneContext, seriousAxeViolations } from './support/browser.ts'
import { loggedSignInCode } from './support/sign-in-codes.ts'

/** 失业保险金申领: a form with a photo material and a deferrable (容缺) one. */
const ITEM = '000176051000001'
const ADMIN = { username: 'case.admin', password: 'e2e-admin-password-1' }
const CLERK_PASSWORD = 'e2e-clerk-password-1'
const root = join(import.meta.dirname, '..', '..')
/** How long a step may take to show: each waits for the server, on a machine that may be busy. */
const WAIT = { timeout: 10_000 }

let browser: Browser
let server: AppServer
let dataDir: string
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kdl-case-progress-'))
  // The first administrator, as an installation gets it, in the database the server then opens.
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

/** A staff member's session against the API, as the staff console will hold it: cookies and the CSRF token. */
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

let clerk: StaffSession | null = null
/** A window clerk (窗口人员) of the case's department, made by the administrator the first time. */
async function clerkOf(departmentId: string): Promise<StaffSession> {
  if (clerk) return clerk
  const admin = await staffSignIn(ADMIN.username, ADMIN.password)
  const username = `clerk.${randomInt(0, 1_000_000)}`
  await staffRequest(admin, 'POST', '/api/v1/staff/accounts', { username, displayName: '李娜', role: 'clerk', hallIds: [], departmentIds: [departmentId], password: CLERK_PASSWORD })
  clerk = await staffSignIn(username, CLERK_PASSWORD)
  return clerk
}

const transition = (session: StaffSession, caseNumber: string, body: StaffCaseTransition) => staffRequest<CaseDetail>(session, 'POST', `/api/v1/staff/cases/${caseNumber}/transitions`, body)

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes: Buffer) => (bytes.reduce((c, byte) => crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0

/** A real 64×48 PNG (a photo stand-in the browser can draw); `shade` makes two photos differ. */
function photoPng(shade = 160): Buffer {
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
  const rows = Buffer.concat(Array.from({ length: height }, (_, y) => Buffer.from([0, ...Array.from({ length: width }, (_, x) => [x * 4, y * 5, shade]).flat()])))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

async function signIn(page: Page, phone: string): Promise<void> {
  await expect.poll(() => page.getByTestId('signin-form').isVisible(), WAIT).toBe(true)
  await page.locator('#signin-phone').fill(phone)
  await page.getByTestId('signin-get-code').click()
  await expect.poll(() => page.getByTestId('signin-get-code').textContent(), WAIT).toMatch(/秒后可重新获取/)
  await page.locator('#signin-code').fill(await loggedSignInCode(server, phone))
  await page.getByTestId('signin-submit').click()
}

/** Applies for 失业保险金申领 from the phone and answers the case number of the receipt. */
async function apply(page: Page, phone: string): Promise<string> {
  await page.goto(`/apply/${ITEM}`)
  await signIn(page, phone)
  await expect.poll(() => page.locator('#apply-phone').inputValue(), WAIT).toBe(phone)
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

/** The statuses of the case's timeline as the phone shows them, newest first. */
async function shownTimeline(page: Page): Promise<string[]> {
  return await page.locator('[data-testid="case-timeline-step"] .case-timeline__status').allTextContents()
}

/** Reloads the case page until its newest step is `status` (the phone asks the server on each open). */
async function expectNewestStep(page: Page, status: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.reload()
        await page.getByTestId('case-timeline').waitFor()
        return (await shownTimeline(page))[0]
      },
      { timeout: 20_000 },
    )
    .toBe(status)
}

describe.each(PHONE_AGENTS)('case progress in $name', ({ userAgent }) => {
  test('staff ask for a correction, the citizen answers it offline, it arrives once; every step shows on the phone', async () => {
    const phone = `137${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
    const context = await newPhoneContext(browser, server.baseURL, userAgent)
    const page = await context.newPage()
    const caseNumber = await apply(page, phone)

    // Staff of the department accept the case and ask for everything missing at once.
    const admin = await staffSignIn(ADMIN.username, ADMIN.password)
    const staffView = await staffRequest<CaseDetail>(admin, 'GET', `/api/v1/staff/cases/${caseNumber}`)
    const window = await clerkOf(staffView.departmentId)
    await transition(window, caseNumber, { action: 'accept', note: '材料齐全，予以受理。' })
    await transition(window, caseNumber, {
      action: 'request_correction',
      items: [
        { materialId: 'id-card', need: '身份证照片不清晰，请重新拍摄正反面' },
        { fieldKey: 'formerEmployer', need: '请填写原工作单位全称' },
      ],
      note: '请一次补齐以下内容',
    })

    // 我的 › 我的办件: the case is 待补正, with its promised days counted from acceptance.
    await page.goto('/me')
    await page.getByTestId('me-cases-link').click()
    await expect.poll(() => new URL(page.url()).pathname, WAIT).toBe('/me/cases')
    const line = page.getByTestId(`case-${caseNumber}`)
    await expect.poll(() => line.locator('[data-testid="case-status"]').textContent(), WAIT).toMatch(/待补正/)
    expect(await line.getByTestId('case-correction-marker').textContent()).toBe('需要您补正')
    expect(await line.getByTestId('case-deadline').textContent()).toMatch(/承诺办结时限：/)
    expect(await seriousAxeViolations(page)).toEqual([])

    // The case lists both items with what is needed.
    await line.click()
    await expect.poll(() => page.getByTestId('case-correction-items').textContent(), WAIT).toContain('身份证照片不清晰，请重新拍摄正反面')
    expect(await page.getByTestId('correction-item-field-formerEmployer').textContent()).toContain('请填写原工作单位全称')
    expect(await page.getByTestId('case-deadline-statutory').textContent()).toBeTruthy()
    expect(await seriousAxeViolations(page)).toEqual([])

    // Answered with the connection gone: kept on the phone, sent once when it returns.
    const answers: number[] = []
    await page.route('**/api/v1/me/cases/*/correction-response', async (route) => {
      const response = await route.fetch()
      answers.push(response.status())
      await route.fulfill({ response })
    })
    await page.getByTestId('case-correction-answer').click()
    await expect.poll(() => page.locator('#correction-formerEmployer').isVisible(), WAIT).toBe(true)
    await context.setOffline(true)
    await page.locator('#correction-formerEmployer').fill('包头市示例钢铁有限公司')
    await page.locator('#correction-note').fill('已重新拍摄身份证正反面')
    await page.getByTestId('pick-id-card').setInputFiles({ name: '身份证-重拍.png', mimeType: 'image/png', buffer: photoPng(90) })
    await expect.poll(() => page.getByTestId('material-id-card').locator('[data-state]').getAttribute('data-state'), { timeout: 20_000 }).toBe('waiting')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.getByTestId('correction-send').dblclick()
    await expect.poll(() => page.getByTestId('case-correction-waiting').textContent(), WAIT).toContain('联网后会自动提交')
    expect(answers).toEqual([])

    await context.setOffline(false)
    await expect.poll(() => page.getByTestId('case-correction-sent').textContent(), { timeout: 30_000 }).toContain('已提交补正')
    expect(answers).toEqual([200])
    const resubmitted = await staffRequest<CaseDetail>(admin, 'GET', `/api/v1/staff/cases/${caseNumber}`)
    expect(resubmitted.status).toBe('resubmitted')
    expect(resubmitted.timeline.filter((step) => step.status === 'resubmitted')).toMatchObject([{ actorRole: 'applicant', note: '已重新拍摄身份证正反面' }])
    expect(resubmitted.values.formerEmployer).toBe('包头市示例钢铁有限公司')
    expect(resubmitted.materials.find((material) => material.materialId === 'id-card')?.files.map((file) => file.fileName)).toEqual([expect.stringMatching(/^身份证-重拍\./)])
    await expect.poll(async () => (await shownTimeline(page))[0], WAIT).toBe('已补正（待审查）')

    // Staff carry on; the phone shows each step.
    await transition(window, caseNumber, { action: 'start_review' })
    await expectNewestStep(page, '审查中')
    await transition(window, caseNumber, { action: 'approve', note: '符合申领条件。' })
    await expectNewestStep(page, '审批通过')
    await transition(window, caseNumber, { action: 'issue_result', delivery: { method: 'pickup', place: '昆都仑区政务服务中心一楼12号窗口', hours: '工作日9:00-12:00，13:30-17:00' } })
    await expectNewestStep(page, '结果已出具')
    expect(await page.getByTestId('case-result-place').textContent()).toBe('昆都仑区政务服务中心一楼12号窗口')
    await transition(window, caseNumber, { action: 'complete' })
    await expectNewestStep(page, '已办结')

    expect(await shownTimeline(page)).toEqual(['已办结', '结果已出具', '审批通过', '审查中', '已补正（待审查）', '待补正', '已受理', '已提交（待受理）'])
    expect(await page.locator('[data-testid="case-timeline-step"]').nth(6).getByTestId('case-timeline-actor').textContent()).toMatch(/^李娜（.+） · 窗口人员$/)
    expect(await page.getByTestId('case-deadline-promised-left').textContent()).toMatch(/已于.+作出决定/)
    expect(await seriousAxeViolations(page)).toEqual([])
    await context.close()
  })
})
