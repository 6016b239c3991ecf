import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { PHONE_AGENTS, launchChromium, newPhoneContext, waitForServiceWorker } from './support/browser.ts'
import { baseURL, mainHall } from './support/fixtures.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe.each(PHONE_AGENTS)('offline in $name', ({ userAgent }) => {
  test('a hall opened once is still there after going offline and reloading', async () => {
    const hall = await mainHall()
    const context = await newPhoneContext(browser, baseURL(), userAgent)
    const page = await context.newPage()
    await page.goto('/halls')
    await waitForServiceWorker(page)
    await page.getByTestId(`hall-item-${hall.id}`).click()
    await expect.poll(() => page.getByTestId('hall-name').textContent()).toBe(hall.name)

    await context.setOffline(true)
    await page.reload()
    await expect.poll(() => page.getByTestId('hall-name').textContent()).toBe(hall.name)
    expect(await page.getByTestId('offline-banner').isVisible()).toBe(true)
    expect(await page.getByTestId('last-updated').textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/)

    // A cold navigation to another deep link offline is answered by the service worker's shell.
    await page.goto('/halls')
    await expect.poll(() => page.getByTestId(`hall-item-${hall.id}`).isVisible()).toBe(true)
    await context.setOffline(false)
    await context.close()
  })

  test('the service worker does not answer API paths with the app shell', async () => {
    const context = await newPhoneContext(browser, baseURL(), userAgent)
    const page = await context.newPage()
    await page.goto('/')
    await waitForServiceWorker(page)
    const response = await page.goto('/api/v1/no-such-thing')
    expect(response?.status()).toBe(404)
    expect(await page.locator('body').innerText()).toContain('"statusCode"')
    await context.close()
  })
})
