import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page, Response } from 'playwright-core'
import { PHONE_AGENTS, launchChromium, newPhoneContext, seriousAxeViolations } from './support/browser.ts'
import { baseURL, mainHall } from './support/fixtures.ts'

const REPORTS = '**/api/v1/inaccuracy-reports'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

async function fillReport(page: Page, description: string): Promise<void> {
  await page.getByTestId('report-topic').getByText('电话', { exact: false }).first().click()
  await page.getByTestId('report-description').locator('textarea, input').first().fill(description)
}

/** Records every answer the server gave to report submissions, to count the records it created. */
function recordSubmissions(page: Page): Response[] {
  const answers: Response[] = []
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && response.url().endsWith('/api/v1/inaccuracy-reports')) answers.push(response)
  })
  return answers
}

const created = (answers: Response[]) => answers.filter((answer) => answer.status() === 201 && answer.headers()['idempotent-replayed'] !== 'true')

describe.each(PHONE_AGENTS)('信息纠错 in $name', ({ userAgent }) => {
  test('a report written offline waits in the outbox and is created exactly once when back online', async () => {
    const hall = await mainHall()
    const context = await newPhoneContext(browser, baseURL(), userAgent)
    const page = await context.newPage()
    const answers = recordSubmissions(page)
    await page.goto(`/halls/${hall.id}/report`)
    await expect.poll(() => page.getByTestId('report-submit').isVisible()).toBe(true)
    expect(await seriousAxeViolations(page)).toEqual([])

    await context.setOffline(true)
    await fillReport(page, '咨询电话已经更换，现在打不通。')
    await page.getByTestId('report-submit').click()
    await expect.poll(() => page.getByTestId('report-result').textContent()).toMatch(/待发送/)

    await context.setOffline(false)
    await expect.poll(() => page.getByTestId('report-result').textContent(), { timeout: 20_000 }).toMatch(/JC\d{8}-\d{4}/)
    await page.getByTestId('tab-me').click()
    await expect.poll(() => page.getByTestId('outbox-list').textContent()).toMatch(/已发送|JC\d{8}-\d{4}/)
    expect(created(answers)).toHaveLength(1)
    await context.close()
  })

  test('when the connection drops after the server stored a report, the retry does not create a second one', async () => {
    const hall = await mainHall()
    const context = await newPhoneContext(browser, baseURL(), userAgent)
    const page = await context.newPage()
    const answers = recordSubmissions(page)
    let dropped = 0
    // The first submission reaches the server, but its answer is lost on the way back.
    await page.route(REPORTS, async (route) => {
      if (dropped === 0 && route.request().method() === 'POST') {
        dropped += 1
        const stored = await route.fetch()
        expect(stored.status()).toBe(201)
        await route.abort('connectionreset')
        return
      }
      await route.continue()
    })
    await page.goto(`/halls/${hall.id}/report`)
    await fillReport(page, '二号窗口的工作人员已经调岗。')
    await page.getByTestId('report-submit').click()
    await expect.poll(() => page.getByTestId('report-result').textContent(), { timeout: 30_000 }).toMatch(/JC\d{8}-\d{4}/)
    expect(dropped).toBe(1)
    expect(created(answers)).toHaveLength(0)
    expect(answers.filter((answer) => answer.headers()['idempotent-replayed'] === 'true')).toHaveLength(1)
    await context.close()
  })

  test('a report that is too short gets a Chinese error next to the field and is not sent', async () => {
    const hall = await mainHall()
    const context = await newPhoneContext(browser, baseURL(), userAgent)
    const page = await context.newPage()
    const answers = recordSubmissions(page)
    await page.goto(`/halls/${hall.id}/report`)
    await fillReport(page, '错')
    await page.getByTestId('report-submit').click()
    await expect.poll(() => page.locator('.van-field__error-message').first().textContent()).toMatch(/[\u4e00-\u9fff]/)
    expect(answers).toHaveLength(0)
    await context.close()
  })
})
