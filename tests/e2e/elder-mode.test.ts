import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { WECHAT_UA, launchChromium, newPhoneContext, seriousAxeViolations } from './support/browser.ts'
import { baseURL, mainHall } from './support/fixtures.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

/** Computed font sizes, in CSS pixels, of the hall page's heading, its first address line and the tab labels. */
async function fontSizes(page: Page): Promise<{ heading: number; body: number; tab: number }> {
  const size = (selector: string) =>
    page.locator(selector).first().evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize))
  return {
    heading: await size('[data-testid="hall-name"]'),
    body: await size('[data-testid="hall-address"]'),
    tab: await size('[data-testid="tab-home"]'),
  }
}

test('elder mode enlarges text across the app, from one switch under 我的, and is remembered', async () => {
  const hall = await mainHall()
  const context = await newPhoneContext(browser, baseURL(), WECHAT_UA)
  const page = await context.newPage()
  await page.goto(`/halls/${hall.id}`)
  await expect.poll(() => page.getByTestId('hall-name').textContent()).toBe(hall.name)
  const before = await fontSizes(page)

  await page.getByTestId('tab-me').click()
  const elderSwitch = page.getByTestId('elder-mode-switch')
  expect(await elderSwitch.getAttribute('aria-checked')).toBe('false')
  await elderSwitch.click()
  expect(await elderSwitch.getAttribute('aria-checked')).toBe('true')
  expect(await seriousAxeViolations(page)).toEqual([])

  await page.goto(`/halls/${hall.id}`)
  await expect.poll(() => page.getByTestId('hall-name').textContent()).toBe(hall.name)
  const after = await fontSizes(page)
  expect(after.body / before.body).toBeGreaterThanOrEqual(1.2)
  expect(after.heading / before.heading).toBeGreaterThanOrEqual(1.15)
  expect(after.tab / before.tab).toBeGreaterThanOrEqual(1.15)
  expect(await seriousAxeViolations(page)).toEqual([])

  // Remembered across a fresh load, and undone by the same switch.
  await page.reload()
  await expect.poll(() => page.getByTestId('hall-name').textContent()).toBe(hall.name)
  expect((await fontSizes(page)).body).toBe(after.body)
  await page.getByTestId('tab-me').click()
  await page.getByTestId('elder-mode-switch').click()
  await page.goto(`/halls/${hall.id}`)
  await expect.poll(() => page.getByTestId('hall-name').textContent()).toBe(hall.name)
  expect((await fontSizes(page)).body).toBe(before.body)
  await context.close()
})
