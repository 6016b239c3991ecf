import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { guideFiles } from '../../contract/guide-files.ts'
import type { CatalogueChanges, ServiceItem } from '../../contract/guides.ts'
import { PHONE_AGENTS, cspViolations, launchChromium, newPhoneContext, seriousAxeViolations } from './support/browser.ts'
import { baseURL } from './support/fixtures.ts'

let browser: Browser
let catalogueSize: number
/** Every file every seeded guide offers. */
const formUrls: string[] = []
beforeAll(async () => {
  browser = await launchChromium()
  const { changed } = (await (await fetch(`${baseURL()}/api/v1/catalogue/changes`)).json()) as CatalogueChanges
  catalogueSize = changed.length
  for (const entry of changed) {
    const item = (await (await fetch(`${baseURL()}/api/v1/items/${entry.code}`)).json()) as ServiceItem
    formUrls.push(...guideFiles(item.guide).map((file) => file.url))
  }
})
afterAll(async () => {
  await browser?.close()
})

const resultNames = (page: Page) => page.getByTestId('catalogue-results').locator('a[data-testid^="catalogue-entry-"]').allTextContents()

describe.each(PHONE_AGENTS)('办事 catalogue in $name', ({ userAgent }) => {
  test('search by initials (sfz) and by a Chinese word finds 身份证 items and opens one', async () => {
    const context = await newPhoneContext(browser, baseURL(), userAgent)
    const page = await context.newPage()
    await page.goto('/services')
    await expect.poll(async () => (await resultNames(page)).length).toBeGreaterThan(0)
    expect(await seriousAxeViolations(page)).toEqual([])

    await page.getByTestId('catalogue-search').fill('sfz')
    await expect.poll(async () => (await resultNames(page))[0] ?? '').toContain('身份证')
    await page.getByTestId('catalogue-search').fill('身份证')
    await expect.poll(async () => (await resultNames(page))[0] ?? '').toContain('身份证')
    await page.getByTestId('catalogue-search').fill('shenfenzheng')
    await expect.poll(async () => (await resultNames(page))[0] ?? '').toContain('身份证')

    const first = page.getByTestId('catalogue-results').locator('a[data-testid^="catalogue-entry-"]').first()
    const name = (await first.locator('.catalogue-entry-list__name').textContent())!
    await first.click()
    await expect.poll(() => page.getByTestId('guide-name').textContent()).toBe(name)
    expect(page.url()).toMatch(/\/g\/[0-9A-Za-z]+$/)
    expect(await cspViolations(page)).toEqual([])
    await context.close()
  })

  test('browse by audience and theme narrows the list', async () => {
    const context = await newPhoneContext(browser, baseURL(), userAgent)
    const page = await context.newPage()
    await page.goto('/services')
    await expect.poll(async () => (await resultNames(page)).length).toBeGreaterThan(0)
    // Of the many themes only the first few show until 更多主题 is tapped, so results stay in view.
    const themeChips = page.locator('[data-testid^="theme-"]')
    const collapsed = await themeChips.count()
    expect(collapsed).toBe(8)
    await page.getByTestId('themes-toggle').click()
    expect(await themeChips.count()).toBeGreaterThan(collapsed)
    await page.getByTestId('audience-legal_person').click()
    await expect.poll(() => page.getByTestId('theme-start-business').isVisible()).toBe(true)
    await page.getByTestId('theme-start-business').click()
    await expect.poll(async () => (await resultNames(page)).join()).toContain('设立登记')
    expect(await seriousAxeViolations(page)).toEqual([])
    await context.close()
  })

  test('下载全部指南 shows the count and size with forms first, finishes at N/N, and leaves every form on the phone', async () => {
    const context = await newPhoneContext(browser, baseURL(), userAgent)
    const page = await context.newPage()
    await page.goto('/services')
    // The forms are kept by the service worker: let it control the page first.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await expect.poll(async () => (await resultNames(page)).length).toBeGreaterThan(0)
    await page.getByTestId('download-all-button').click()
    await expect.poll(() => page.getByTestId('download-all-estimate').textContent()).toMatch(new RegExp(`共${catalogueSize}项指南，连同空白表格和示范样表约\\d+(\\.\\d)? MB`))
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.getByTestId('download-all-start').click()
    await expect.poll(() => page.getByTestId('download-all-status').textContent(), { timeout: 30_000 }).toContain(`${catalogueSize}/${catalogueSize}`)
    const progress = page.getByTestId('download-all-progress')
    expect(await progress.getAttribute('value')).toBe(String(catalogueSize))
    await expect.poll(() => page.getByTestId('saved-count').textContent()).toContain(String(catalogueSize))
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await cspViolations(page)).toEqual([])
    // Every form of every guide is on the phone, not only the guides' text.
    const missing = await page.evaluate(async (urls) => {
      const absent: string[] = []
      for (const url of urls) if (!(await caches.match(url))) absent.push(url)
      return absent
    }, formUrls)
    expect(formUrls.length).toBeGreaterThan(40)
    expect(missing).toEqual([])
    await context.close()
  })
})
