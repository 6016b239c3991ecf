import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { extractText, getDocumentProxy } from 'unpdf'
import type { ServiceItem } from '../../contract/guides.ts'
import { ANDROID_UA, cspViolations, launchChromium, newPhoneContext, seriousAxeViolations } from './support/browser.ts'
import { baseURL } from './support/fixtures.ts'

const code = '000172008000001'
let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

test('the print view of a guide prints on A4 with the QR code of its canonical URL and its version', async () => {
  const item = (await (await fetch(`${baseURL()}/api/v1/items/${code}`)).json()) as ServiceItem
  const context = await newPhoneContext(browser, baseURL(), ANDROID_UA)
  const page = await context.newPage()
  await page.goto(`/g/${code}`)
  await page.getByTestId('guide-print-link').click()
  await page.waitForURL((url) => url.pathname === `/g/${code}/print`)

  await expect.poll(() => page.getByTestId('guide-name').textContent()).toBe(item.guide.name)
  const qr = page.getByTestId('guide-qr')
  await expect.poll(() => qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true)
  expect(await qr.getAttribute('alt')).toContain(`${new URL(baseURL()).origin}/g/${code}`)
  expect(await page.getByTestId('guide-print-version').textContent()).toContain(`第${item.current.version}版`)
  expect(await seriousAxeViolations(page)).toEqual([])
  expect(await cspViolations(page)).toEqual([])

  // On paper: no tab bar, every material whatever the situation, and A4 pages.
  await page.emulateMedia({ media: 'print' })
  expect(await page.locator('.app-tab-bar').evaluate((element) => getComputedStyle(element).display)).toBe('none')
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  const document = await getDocumentProxy(new Uint8Array(pdf))
  const firstPage = await document.getPage(1)
  const { width, height } = firstPage.getViewport({ scale: 1 })
  expect([Math.round(width), Math.round(height)]).toEqual([595, 842])
  // The PDF's text layer carries the code and version; some Han characters come back as radical
  // look-alikes (⾝ for 身), so names are checked on the printed page's text instead.
  const { text } = await extractText(document, { mergePages: true })
  const flat = text.normalize('NFKC').replace(/\s+/g, '')
  expect(flat).toContain(code)
  expect(flat).toContain(`第${item.current.version}版`)
  const printed = (await page.getByTestId('guide-print').innerText()).replace(/\s+/g, '')
  expect(printed).toContain(`事项编码：${code}`)
  expect(printed).toContain('扫码查看最新版本')
  for (const material of item.guide.materials ?? []) expect(printed, material.name).toContain(material.name.replace(/\s+/g, ''))
  await context.close()
})
