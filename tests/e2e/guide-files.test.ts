import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import type { CataloguePage, FileRef, ServiceItem } from '../../contract/guides.ts'
import { ANDROID_UA, WECHAT_UA, gotoGuide, launchChromium, newPhoneContext, seriousAxeViolations, waitForServiceWorker } from './support/browser.ts'
import { baseURL } from './support/fixtures.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

/** A seeded item whose first form material has a blank form, found through the API. */
async function itemWithBlankForm(): Promise<{ item: ServiceItem; blankForm: FileRef }> {
  const page = (await (await fetch(`${baseURL()}/api/v1/items?pageSize=100`)).json()) as CataloguePage
  for (const entry of page.items) {
    const item = (await (await fetch(`${baseURL()}/api/v1/items/${entry.code}`)).json()) as ServiceItem
    const blankForm = item.guide.materials?.find((material) => material.blankForm)?.blankForm
    if (blankForm) return { item, blankForm }
  }
  throw new Error('no seeded item has a blank form')
}

test('a blank form downloads as a real PDF under its Chinese name, and stays on the phone for offline use', async () => {
  const { item, blankForm } = await itemWithBlankForm()
  const context = await newPhoneContext(browser, baseURL(), ANDROID_UA)
  const page = await context.newPage()
  await page.goto('/')
  await waitForServiceWorker(page)
  // Opening the guide fetches its forms in the background, through the service worker.
  const prefetched = page.waitForResponse((response) => response.url().endsWith(blankForm.url) && response.status() === 200)
  await gotoGuide(page, item.code)
  await expect.poll(() => page.locator('h1').first().textContent()).toContain(item.guide.name)
  await prefetched

  const link = page.locator(`[data-testid="guide-file-download"][href="${blankForm.url}"]`).first()
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toBe(blankForm.fileName)
  expect(readFileSync((await download.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-')

  // Offline, the form the guide offers still opens from the phone.
  await expect.poll(() => page.evaluate(async (url) => Boolean(await caches.match(url)), blankForm.url)).toBe(true)
  await context.setOffline(true)
  const offline = await page.evaluate(async (url) => {
    const response = await fetch(url)
    return { status: response.status, head: new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5)) }
  }, blankForm.url)
  expect(offline).toEqual({ status: 200, head: '%PDF-' })
  await context.setOffline(false)
  await context.close()
})

test('保存以便离线查看, then offline and a reload: the guide and its blank form are still there', async () => {
  const { item, blankForm } = await itemWithBlankForm()
  const context = await newPhoneContext(browser, baseURL(), ANDROID_UA)
  const page = await context.newPage()
  await page.goto('/')
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
  await gotoGuide(page, item.code)
  await page.getByTestId('guide-save').click()
  await page.getByTestId('guide-saved').waitFor()
  await expect.poll(() => page.evaluate(async (url) => Boolean(await caches.match(url)), blankForm.url)).toBe(true)

  await context.setOffline(true)
  await page.reload()
  await expect.poll(() => page.locator('h1').first().textContent()).toContain(item.guide.name)
  await page.getByTestId('guide-saved').waitFor()
  const link = page.locator(`[data-testid="guide-file-download"][href="${blankForm.url}"]`).first()
  await link.waitFor()
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toBe(blankForm.fileName)
  expect(readFileSync((await download.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  await context.setOffline(false)
  await context.close()
})

test('inside WeChat, where downloads are blocked, the form offers the open-in-browser hint and an in-page preview', async () => {
  const { item, blankForm } = await itemWithBlankForm()
  const context = await newPhoneContext(browser, baseURL(), WECHAT_UA)
  const page = await context.newPage()
  await gotoGuide(page, item.code)
  await expect.poll(() => page.locator('h1').first().textContent()).toContain(item.guide.name)
  const file = page.getByTestId('guide-file').filter({ has: page.locator(`[href="${blankForm.url}"]`) }).first()
  expect(await file.getByTestId('wechat-download-hint').textContent()).toContain('在浏览器中打开')
  const preview = await file.getByTestId('guide-file-preview').getAttribute('href')
  expect(preview).toBe(`${blankForm.url}?inline=1`)
  const answer = await page.request.get(preview!)
  expect(answer.status()).toBe(200)
  expect(answer.headers()['content-type']).toBe('application/pdf')
  expect(answer.headers()['content-disposition']).toMatch(/^inline/)
  expect(await seriousAxeViolations(page)).toEqual([])
  await context.close()
})
