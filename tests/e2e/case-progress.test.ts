// Case progress end to end, on the real server: a citizen applies from the phone; staff move the
// case with the staff API (受理 → 一次性告知补正); the phone shows 待补正 with every item; the citizen
// answers offline and, back online, the server has exactly one resubmission; staff review,
// approve, issue the result and complete the case while the phone shows each step.
import { randomInt } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { CaseDetail } from '../../contract/applications.ts'
import type { StaffCaseTransition } from '../../contract/case-lifecycle.ts'
import type { AppServer } from './support/app-server.ts'
import { applyFromPhone } from './support/applications.ts'
import { PHONE_AGENTS, launchChromium, newPhoneContext, seriousAxeViolations } from './support/browser.ts'
import { phoneNetwork, recordAnswers } from './support/network.ts'
import { photoPng } from './support/photos.ts'
import { createStaff, startAppServerWithAdmin, staffRequest, staffSignIn, type StaffSession } from './support/staff-api.ts'

const ADMIN = { username: 'case.admin', password: 'e2e-admin-password-1', displayName: '赵敏' }
/** How long a step may take to show: each waits for the server, on a machine that may be busy. */
const WAIT = { timeout: 10_000 }

let browser: Browser
let server: AppServer
beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchChromium(), startAppServerWithAdmin(ADMIN)])
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

let clerk: StaffSession | null = null
/** A window clerk (窗口人员) of the case's department, made by the administrator the first time. */
async function clerkOf(departmentId: string): Promise<StaffSession> {
  clerk ??= await createStaff(server, ADMIN, { role: 'clerk', displayName: '李娜', departmentIds: [departmentId] })
  return clerk
}

const transition = (session: StaffSession, caseNumber: string, body: StaffCaseTransition) =>
  staffRequest<CaseDetail>(server, session, 'POST', `/api/v1/staff/cases/${caseNumber}/transitions`, body)

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
    const network = phoneNetwork(context)
    const caseNumber = await applyFromPhone(page, server, phone)

    // Staff of the department accept the case and ask for everything missing at once.
    const admin = await staffSignIn(server, ADMIN)
    const staffView = await staffRequest<CaseDetail>(server, admin, 'GET', `/api/v1/staff/cases/${caseNumber}`)
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
    const answers = await recordAnswers(page, '**/api/v1/me/cases/*/correction-response', network)
    await page.getByTestId('case-correction-answer').click()
    await expect.poll(() => page.locator('#correction-formerEmployer').isVisible(), WAIT).toBe(true)
    await network.setOffline(true)
    await page.locator('#correction-formerEmployer').fill('包头市示例钢铁有限公司')
    await page.locator('#correction-note').fill('已重新拍摄身份证正反面')
    await page.getByTestId('pick-id-card').setInputFiles({ name: '身份证-重拍.png', mimeType: 'image/png', buffer: photoPng(90) })
    await expect.poll(() => page.getByTestId('material-id-card').locator('[data-state]').getAttribute('data-state'), { timeout: 20_000 }).toBe('waiting')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.getByTestId('correction-send').dblclick()
    await expect.poll(() => page.getByTestId('case-correction-waiting').textContent(), WAIT).toContain('联网后会自动提交')
    expect(answers).toEqual([])

    await network.setOffline(false)
    await expect.poll(() => page.getByTestId('case-correction-sent').textContent(), { timeout: 30_000 }).toContain('已提交补正')
    expect(answers).toEqual([200])
    const resubmitted = await staffRequest<CaseDetail>(server, admin, 'GET', `/api/v1/staff/cases/${caseNumber}`)
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
