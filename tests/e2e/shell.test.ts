import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { PHONE_AGENTS, cspViolations, launchChromium, newPhoneContext, seriousAxeViolations } from './support/browser.ts'
import { baseURL, mainHall } from './support/fixtures.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe.each(PHONE_AGENTS)('app shell in $name', ({ userAgent }) => {
  test('a deep link opens cold on the hall it names, with tap-to-call numbers', async () => {
    const hall = await mainHall()
    const context = await newPhoneContext(browser, baseURL(), userAgent)
    const page = await context.newPage()
    await page.goto(`/halls/${hall.id}`)
    await expect.poll(() => page.getByTestId('hall-name').textContent()).toBe('昆都仑区市民大厅')
    expect(await page.locator('a[href="tel:0472-5990563"]').count()).toBeGreaterThan(0)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await cspViolations(page)).toEqual([])
    await context.close()
  })

  test('the tab bar reaches 首页, 办事, 预约 and 我的, each page accessible', async () => {
    const context = await newPhoneContext(browser, baseURL(), userAgent)
    const page = await context.newPage()
    await page.goto('/')
    const tabs = [
      { testId: 'tab-services', path: '/services', label: '办事' },
      { testId: 'tab-appointments', path: '/appointments', label: '预约' },
      { testId: 'tab-me', path: '/me', label: '我的' },
      { testId: 'tab-home', path: '/', label: '首页' },
    ]
    for (const tab of tabs) {
      const item = page.getByTestId(tab.testId)
      expect(await item.textContent()).toContain(tab.label)
      await item.click()
      await page.waitForURL((url) => url.pathname === tab.path)
      await expect.poll(() => page.locator('h1').first().isVisible()).toBe(true)
      expect(await page.title()).toContain('昆都仑区政务服务')
      expect(await seriousAxeViolations(page), `axe on ${tab.path}`).toEqual([])
    }
    expect(await cspViolations(page)).toEqual([])
    await context.close()
  })

  test('the hall list leads to a hall with its windows and staff cards', async () => {
    const hall = await mainHall()
    const context = await newPhoneContext(browser, baseURL(), userAgent)
    const page = await context.newPage()
    await page.goto('/halls')
    await page.getByTestId(`hall-item-${hall.id}`).click()
    await page.waitForURL((url) => url.pathname === `/halls/${hall.id}`)
    await expect.poll(() => page.getByTestId('hall-name').textContent()).toBe(hall.name)
    const body = await page.locator('main').innerText()
    expect(body).toContain('黄河大街116号')
    expect(body).toMatch(/窗口/)
    expect(await seriousAxeViolations(page)).toEqual([])
    await context.close()
  })
})

test('an unknown page shows a Chinese not-found page, and an unknown API path answers JSON', async () => {
  const context = await newPhoneContext(browser, baseURL())
  const page = await context.newPage()
  const response = await page.goto('/no-such-page')
  expect(response?.status()).toBe(200)
  await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/找不到|未找到|不存在/)
  const api = await page.request.get('/api/v1/no-such-thing')
  expect(api.status()).toBe(404)
  expect(api.headers()['content-type']).toContain('application/json')
  await context.close()
})
