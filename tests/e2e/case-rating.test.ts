// 好差评 and 办件查询 end to end, on the real server: a citizen applies from the phone; staff take the
// case to 已办结 with the staff API; the phone rates it 不满意 with the connection gone and, back
// online, the server has exactly one rating; a supervisor of the department records what was done
// and the phone shows it. Anyone can follow the case on /cases/lookup with the ID number's last 6
// characters; a wrong verification gets the one answer. A hall visit is rated from the hall page.
import { randomInt } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import type { CaseDetail } from '../../contract/applications.ts'
import type { StaffCaseTransition } from '../../contract/case-lifecycle.ts'
import type { FollowUpList } from '../../contract/ratings.ts'
import type { AppServer } from './support/app-server.ts'
import { applyFromPhone } from './support/applications.ts'
import { PHONE_AGENTS, launchChromium, newPhoneContext, seriousAxeViolations } from './support/browser.ts'
import { phoneNetwork, recordAnswers } from './support/network.ts'
import { signInOnPage } from './support/sign-in-codes.ts'
import { createStaff, startAppServerWithAdmin, staffRequest, staffSignIn } from './support/staff-api.ts'

const ADMIN = { username: 'rating.admin', password: 'e2e-admin-password-1', displayName: '赵敏' }
const HALL = 'kundulun-civic-centre'

let browser: Browser
let server: AppServer
beforeAll(async () => {
  ;[browser, server] = await Promise.all([launchChromium(), startAppServerWithAdmin(ADMIN)])
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Takes the case through every step to 已办结 with the staff API, as a window clerk of its department. */
async function complete(caseNumber: string): Promise<string> {
  const admin = await staffSignIn(server, ADMIN)
  const { departmentId } = await staffRequest<CaseDetail>(server, admin, 'GET', `/api/v1/staff/cases/${caseNumber}`)
  const clerk = await createStaff(server, ADMIN, { role: 'clerk', displayName: '李娜', departmentIds: [departmentId] })
  const steps: StaffCaseTransition[] = [
    { action: 'accept', note: '材料齐全，予以受理。' },
    { action: 'start_review' },
    { action: 'approve', note: '符合申领条件。' },
    { action: 'issue_result', delivery: { method: 'pickup', place: '昆都仑区政务服务中心一楼12号窗口', hours: '工作日9:00-12:00' } },
    { action: 'complete' },
  ]
  for (const step of steps) await staffRequest(server, clerk, 'POST', `/api/v1/staff/cases/${caseNumber}/transitions`, step)
  return departmentId
}

describe.each(PHONE_AGENTS)('好差评 and 办件查询 in $name', ({ userAgent }) => {
  test('a completed case is rated 不满意 offline, arrives once, and the supervisor’s follow-up shows on the phone', async () => {
    const phone = `137${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
    const context = await newPhoneContext(browser, server.baseURL, userAgent)
    const page = await context.newPage()
    const network = phoneNetwork(context)
    const caseNumber = await applyFromPhone(page, server, phone)
    const departmentId = await complete(caseNumber)

    await page.goto(`/me/cases/${caseNumber}`)
    const form = page.getByTestId('case-rating-form')
    await expect.poll(() => form.isVisible(), { timeout: 20_000 }).toBe(true)
    expect((await page.getByTestId('rating-levels').locator('label').allTextContents()).map((text) => text.trim())).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
    expect(await seriousAxeViolations(page)).toEqual([])

    // Sent without a level: asked for one, nothing leaves the phone.
    await page.getByTestId('case-rating-submit').click()
    await expect.poll(() => form.textContent()).toContain('请选择满意程度')

    const posts = await recordAnswers(page, '**/api/v1/me/cases/*/rating', network)
    const comment = '<script>alert(1)</script>等候时间太长'
    await page.getByLabel('不满意', { exact: true }).check()
    await page.getByTestId('rating-comment').fill(comment)
    expect(await page.getByTestId('case-rating-follow-up-hint').textContent()).toContain('回访')
    await network.setOffline(true)
    await page.getByTestId('case-rating-submit').dblclick()
    await expect.poll(() => page.getByTestId('case-rating-waiting').textContent()).toContain('联网后会自动提交')
    expect(posts).toEqual([])

    await network.setOffline(false)
    await expect.poll(() => page.getByTestId('rating-summary').isVisible(), { timeout: 30_000 }).toBe(true)
    expect(posts).toEqual([201])
    expect(await page.getByTestId('rating-summary').textContent()).toContain('您的评价：不满意')
    expect(await page.getByTestId('rating-summary-comment').textContent()).toBe(comment)
    expect(await page.getByTestId('rating-follow-up').textContent()).toContain('待回访整改')
    expect(await seriousAxeViolations(page)).toEqual([])

    // The department's supervisor sees the task first and records what was done.
    const supervisor = await createStaff(server, ADMIN, { role: 'supervisor', displayName: '王芳', departmentIds: [departmentId] })
    const tasks = await staffRequest<FollowUpList>(server, supervisor, 'GET', '/api/v1/staff/follow-ups')
    const task = tasks.followUps.find((candidate) => candidate.target.kind === 'case' && candidate.target.caseNumber === caseNumber)
    expect(task).toMatchObject({ status: 'open', level: 2, comment })
    expect(tasks.followUps.filter((candidate) => candidate.target.kind === 'case' && candidate.target.caseNumber === caseNumber)).toHaveLength(1)
    await staffRequest(server, supervisor, 'POST', `/api/v1/staff/follow-ups/${task!.id}/outcome`, { outcome: '已电话回访，窗口已增设叫号提醒。' })

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
    expect(await seriousAxeViolations(page)).toEqual([])
    await context.close()
  })

  test('a hall visit is rated from the hall page', async () => {
    const phone = `136${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
    const context = await newPhoneContext(browser, server.baseURL, userAgent)
    const page = await context.newPage()
    await page.goto(`/halls/${HALL}`)
    await page.getByTestId('hall-rate-link').click()
    await signInOnPage(page, server, phone)
    await expect.poll(() => page.getByTestId('hall-rating-form').isVisible(), { timeout: 20_000 }).toBe(true)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.getByLabel('非常满意', { exact: true }).check()
    await page.getByTestId('hall-rating-submit').click()
    await expect.poll(() => page.getByTestId('hall-rating-result').textContent(), { timeout: 20_000 }).toBe('评价已提交，感谢您的反馈。')
    expect(await page.getByTestId('rating-summary').textContent()).toContain('您的评价：非常满意')
    await context.close()
  })
})
