// 投诉建议 end to end, on the real server, on a phone (Android Chrome and WeChat's browser): a
// citizen writes a complaint with a photo while offline, sends it (it waits on the phone), comes
// back online and gets the tracking number; exactly one complaint reaches the server. A supervisor
// of the hall assigns it and answers through the staff API; the phone shows the answer and the
// citizen rates it 满意, which closes it. The channels page dials 12345; axe finds nothing serious.
import { randomInt } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import type { StaffComplaintDetail } from '../../contract/complaints.ts'
import type { AppServer } from './support/app-server.ts'
import { PHONE_AGENTS, launchChromium, newPhoneContext, seriousAxeViolations } from './support/browser.ts'
import { phoneNetwork, recordAnswers } from './support/network.ts'
import { photoPng } from './support/photos.ts'
import { signInOnPage } from './support/sign-in-codes.ts'
import { createStaff, startAppServerWithAdmin, staffRequest, type StaffSession } from './support/staff-api.ts'

const ADMIN = { username: 'complaint.admin', password: 'e2e-admin-password-1', displayName: '赵敏' }
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

/** A supervisor of the hall, made by the administrator. */
const hallSupervisor = (): Promise<StaffSession> => createStaff(server, ADMIN, { role: 'supervisor', displayName: '孙丽', hallIds: [HALL] })

describe.each(PHONE_AGENTS)('投诉建议 in $name', ({ userAgent }) => {
  test('a complaint with a photo written offline arrives once with its tracking number; staff answer it and the citizen rates the answer', async () => {
    const phone = `136${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
    const context = await newPhoneContext(browser, server.baseURL, userAgent)
    const page = await context.newPage()
    const network = phoneNetwork(context)
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))

    // The channels of 第十九条, from 我的.
    await page.goto('/me')
    await page.getByTestId('me-complaints-link').click()
    await expect.poll(() => page.getByTestId('complaint-channel-portal').count(), { timeout: 10_000 }).toBe(1)
    expect(await page.getByTestId('complaint-channel-hotline').locator('a').getAttribute('href')).toBe('tel:12345')
    expect(await page.getByTestId('complaint-channel-complaint_phone').locator('a[href^="tel:"]').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('complaint-channel-wechat').count()).toBe(1)
    expect(await seriousAxeViolations(page)).toEqual([])

    // From the hall's page, signed in, a real-name complaint about the hall.
    await page.goto(`/signin?next=${encodeURIComponent(`/complaints/new?hall=${HALL}`)}`)
    await signInOnPage(page, server, phone)
    const form = page.getByTestId('complaint-form')
    await expect.poll(() => form.isVisible(), { timeout: 10_000 }).toBe(true)
    await expect.poll(() => page.getByTestId('complaint-contact-phone').inputValue(), { timeout: 10_000 }).toBe(phone)
    await expect.poll(() => page.getByTestId('complaint-hall').inputValue(), { timeout: 10_000 }).toBe(HALL)
    expect(await seriousAxeViolations(page)).toEqual([])

    await network.setOffline(true)
    await page.getByTestId('complaint-category-service_attitude').check()
    await page.getByTestId('complaint-description').fill('<b>窗口</b>工作人员态度生硬，没有说明不予办理的原因。')
    await page.getByTestId('complaint-occurred-date').fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10))
    await page.getByTestId('complaint-contact-name').fill('王小明')
    await page.getByTestId('complaint-photo-pick').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: photoPng() })
    await expect.poll(() => page.getByTestId('complaint-photo').count()).toBe(1)

    const posts = await recordAnswers(page, '**/api/v1/complaints', network)
    await page.getByTestId('complaint-submit').dblclick()
    await expect.poll(() => page.getByTestId('complaint-waiting').textContent(), { timeout: 10_000 }).toContain('联网后自动提交')
    expect(posts).toEqual([])

    await network.setOffline(false)
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect.poll(() => page.getByTestId('complaint-tracking-number').textContent(), { timeout: 30_000 }).toMatch(/^TS-\d{8}-\d{4,6}$/)
    const trackingNumber = (await page.getByTestId('complaint-tracking-number').textContent())!
    expect(await page.getByTestId('complaint-query-code').textContent()).toMatch(/^[A-Z0-9]{10}$/)
    expect(posts).toEqual([201])
    expect(await seriousAxeViolations(page)).toEqual([])

    // Staff: exactly one complaint with the photo; a supervisor of the hall assigns it to themself and answers.
    const supervisor = await hallSupervisor()
    const staffView = await staffRequest<StaffComplaintDetail>(server, supervisor, 'GET', `/api/v1/staff/complaints/${trackingNumber}`)
    expect(staffView.photos).toHaveLength(1)
    expect(staffView.description).toBe('<b>窗口</b>工作人员态度生硬，没有说明不予办理的原因。')
    await staffRequest(server, supervisor, 'POST', `/api/v1/staff/complaints/${trackingNumber}/assignment`, { handlerId: supervisor.id, note: '本人核实' })
    await staffRequest(server, supervisor, 'POST', `/api/v1/staff/complaints/${trackingNumber}/answer`, { answer: '经核实，已对窗口人员批评教育，并当面向您说明了办理要求。' })

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
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.getByTestId('complaint-rating-satisfied').check()
    await page.getByTestId('complaint-rating-submit').click()
    await expect.poll(() => page.getByTestId('complaint-rating').textContent(), { timeout: 15_000 }).toContain('满意')
    await expect.poll(() => page.getByTestId('complaint-view-status').textContent()).toBe('已办结')

    const after = await staffRequest<StaffComplaintDetail>(server, supervisor, 'GET', `/api/v1/staff/complaints/${trackingNumber}`)
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
    expect(await seriousAxeViolations(page)).toEqual([])

    const supervisor = await hallSupervisor()
    const staffView = await staffRequest<StaffComplaintDetail>(server, supervisor, 'GET', `/api/v1/staff/complaints/${trackingNumber}`)
    expect(staffView.complainant).toEqual({ anonymous: true })
    await staffRequest(server, supervisor, 'POST', `/api/v1/staff/complaints/${trackingNumber}/assignment`, { handlerId: supervisor.id })
    await staffRequest(server, supervisor, 'POST', `/api/v1/staff/complaints/${trackingNumber}/answer`, { answer: '感谢建议，已在等候区配备老花镜和放大镜。' })

    // On this phone, still signed out: 投诉建议 lists it, opened with the kept query code.
    await page.goto('/complaints')
    await page.getByTestId(`complaint-item-${trackingNumber}`).click()
    await expect.poll(() => page.getByTestId('complaint-answer-text').textContent(), { timeout: 15_000 }).toBe('感谢建议，已在等候区配备老花镜和放大镜。')
    await page.getByTestId('complaint-rating-unsatisfied').check()
    await page.getByTestId('complaint-rating-reopen').check()
    await page.getByTestId('complaint-rating-submit').click()
    await expect.poll(() => page.getByTestId('complaint-view-status').textContent(), { timeout: 15_000 }).toBe('已重新办理')
    expect(await page.getByTestId('complaint-rating').textContent()).toContain('不满意')
    expect(await seriousAxeViolations(page)).toEqual([])

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
    expect(await seriousAxeViolations(lookup)).toEqual([])
    await other.close()
    await context.close()
  })
})
