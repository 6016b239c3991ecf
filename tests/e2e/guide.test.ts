import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { CatalogueChanges, ServiceItem } from '../../contract/guides.ts'
import { selectForSituation } from '../../src/domain/situations.ts'
import { PHONE_AGENTS, cspViolations, gotoGuide, launchChromium, newPhoneContext, seriousAxeViolations, waitForServiceWorker } from './support/browser.ts'
import { baseURL } from './support/fixtures.ts'

let browser: Browser
let items: ServiceItem[]
beforeAll(async () => {
  browser = await launchChromium()
  const changes = (await (await fetch(`${baseURL()}/api/v1/catalogue/changes`)).json()) as CatalogueChanges
  items = await Promise.all(changes.changed.map(async (entry) => (await (await fetch(`${baseURL()}/api/v1/items/${entry.code}`)).json()) as ServiceItem))
})
afterAll(async () => {
  await browser?.close()
})

/** A seeded guide where answering every question with its first option leaves some materials out. */
function situationalItem(): { item: ServiceItem; answers: Record<string, string> } {
  for (const item of items) {
    const answers = Object.fromEntries(item.guide.situations.map((question) => [question.id, question.options[0]!.id]))
    if (item.guide.situations.length > 0 && selectForSituation(item.guide, answers).hiddenMaterialCount > 0) return { item, answers }
    const other = Object.fromEntries(item.guide.situations.map((question) => [question.id, question.options[1]!.id]))
    if (item.guide.situations.length > 0 && selectForSituation(item.guide, other).hiddenMaterialCount > 0) return { item, answers: other }
  }
  throw new Error('no seeded guide has situations that filter its materials')
}

/** A seeded guide the source left partial (no statutory time limit). */
function partialItem(): ServiceItem {
  const item = items.find((candidate) => candidate.guide.statutoryTimeLimit === null)
  if (!item) throw new Error('no seeded guide without a statutory time limit')
  return item
}

const shownMaterials = (page: Page) =>
  page.locator('[data-testid="guide-materials"] [data-testid^="material-"]:not([data-testid="material-intermediary"])').count()

async function expectCleanPage(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([])
  expect(await cspViolations(page)).toEqual([])
}

describe.each(PHONE_AGENTS)('guide in $name', ({ userAgent }) => {
  test('a cold open of /g/<code> shows the guide, its 未提供 elements and a current title', async () => {
    const item = partialItem()
    const context = await newPhoneContext(browser, baseURL(), userAgent)
    const page = await context.newPage()
    await gotoGuide(page, item.code)
    await expect.poll(() => page.getByTestId('guide-name').textContent()).toBe(item.guide.name)
    expect(await page.title()).toBe(`${item.guide.name} - 昆都仑区政务服务`)
    expect(await page.getByTestId('guide-version').textContent()).toMatch(/^第\d+版 · 自\d{4}年\d{1,2}月\d{1,2}日起施行$/)
    await page.getByTestId('guide-all-elements').locator('summary').click()
    expect(await page.getByTestId('element-statutory').textContent()).toBe('未提供')
    await expectCleanPage(page)
    await context.close()
  })

  test('answering the situation questions filters the materials', async () => {
    const { item, answers } = situationalItem()
    const context = await newPhoneContext(browser, baseURL(), userAgent)
    const page = await context.newPage()
    await gotoGuide(page, item.code)
    await expect.poll(() => page.getByTestId('guide-name').textContent()).toBe(item.guide.name)
    expect(await shownMaterials(page)).toBe(item.guide.materials!.length)
    for (const [questionId, optionId] of Object.entries(answers)) await page.getByTestId(`situation-${questionId}-${optionId}`).check()
    const expected = selectForSituation(item.guide, answers).materials.length
    await expect.poll(() => shownMaterials(page)).toBe(expected)
    expect(expected).toBeLessThan(item.guide.materials!.length)
    await expectCleanPage(page)

    await page.getByTestId('show-all-materials').click()
    await expect.poll(() => shownMaterials(page)).toBe(item.guide.materials!.length)
    await context.close()
  })

  test('a guide saved for offline opens again offline after a reload, with when it was last updated', async () => {
    const item = situationalItem().item
    const context = await newPhoneContext(browser, baseURL(), userAgent)
    const page = await context.newPage()
    await gotoGuide(page, item.code)
    await waitForServiceWorker(page)
    await expect.poll(() => page.getByTestId('guide-name').textContent()).toBe(item.guide.name)
    await page.getByTestId('guide-save').click()
    await expect.poll(() => page.getByTestId('guide-saved').isVisible()).toBe(true)
    expect(await page.getByTestId('guide-saved').textContent()).toContain('已保存，可离线查看')

    await context.setOffline(true)
    await page.reload()
    await expect.poll(() => page.getByTestId('guide-name').textContent()).toBe(item.guide.name)
    expect(await page.getByTestId('offline-banner').isVisible()).toBe(true)
    expect(await page.getByTestId('last-updated').textContent()).toMatch(/最后更新：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/)
    expect(await page.getByTestId('guide-saved').isVisible()).toBe(true)
    await expectCleanPage(page)
    await context.setOffline(false)
    await context.close()
  })
})

test('the guide a QR code opens reads before any script runs: the server renders its first screen', async () => {
  const item = partialItem()
  const context = await browser.newContext({ baseURL: baseURL(), javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.goto(`/g/${item.code}`)
  expect(await page.getByTestId('guide-name').textContent()).toBe(item.guide.name)
  expect(await page.getByTestId('guide-version').textContent()).toMatch(/^第\d+版 · 自\d{4}年\d{1,2}月\d{1,2}日起施行$/)
  const facts = await page.getByRole('region', { name: '事项概况' }).textContent()
  if (item.guide.implementingBody) expect(facts).toContain(item.guide.implementingBody)
  // Nothing in the server's markup may break the CSP (inline style attributes would).
  expect(await page.locator('#app [style]').count()).toBe(0)
  // Nor any time of its own: the markup is rendered once per guide version and served for hours,
  // so a "最后更新" in it would not be the phone's, and would not match when the app takes over.
  expect(await page.getByTestId('last-updated').count()).toBe(0)
  await context.close()
})

test('the app takes over the server-rendered guide as it is (hydration), without mismatches', async () => {
  const item = partialItem()
  const context = await newPhoneContext(browser, baseURL())
  const page = await context.newPage()
  const complaints: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') complaints.push(message.text())
  })
  await page.goto(`/g/${item.code}`)
  const serverHeading = await page.getByTestId('guide-name').elementHandle()
  await page.getByTestId('guide-materials').waitFor()
  // The heading the server sent is the one on screen: the app adopted it rather than redrawing.
  expect(await serverHeading!.evaluate((node) => node.isConnected)).toBe(true)
  // Once the app has it, the guide says when this phone got it.
  await expect.poll(() => page.getByTestId('last-updated').textContent()).toMatch(/^最后更新：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
  expect(complaints).toEqual([])
  expect(await cspViolations(page)).toEqual([])
  await context.close()
})
