// Real Chromium (Debian's package) with a phone's viewport, driven by playwright-core.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { chromiumPath } from '../../../scripts/ensure-chromium.ts'

/** Android Chrome on a mid-range phone. */
export const ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 13; V2183A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36'
/** WeChat's in-app browser on Android, as it identifies itself. */
export const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; V2183A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2586 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64'

export const PHONE_AGENTS = [
  { name: 'Android Chrome', userAgent: ANDROID_UA },
  { name: 'WeChat', userAgent: WECHAT_UA },
] as const

/** Flags that let Chromium run here: without the background-networking ones it keeps dialling out to a closed network. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export async function launchChromium(): Promise<Browser> {
  return await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_FLAGS.filter((flag) => flag !== '--headless') })
}

/** A fresh phone-sized context (390×844), Chinese locale, Beijing time. */
export async function newPhoneContext(browser: Browser, baseURL: string, userAgent: string = ANDROID_UA): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    userAgent,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'allow',
  })
  // Collects Content-Security-Policy violations, so a test fails when the app breaks the policy.
  await context.addInitScript(() => {
    const violations: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: violations })
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  return context
}

export async function cspViolations(page: Page): Promise<string[]> {
  return await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
}

/** Waits until the service worker is active: from then on every navigation, reloads included, goes through it. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline script) does not block it.
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }))
  })
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
}

/**
 * Opens /g/<code> and waits until the app has taken over the page the server rendered: the
 * materials section is drawn only by the app, so before it shows, taps on the server's markup
 * do nothing yet.
 */
export async function gotoGuide(page: Page, code: string): Promise<void> {
  await page.goto(`/g/${code}`)
  await page.getByTestId('guide-materials').waitFor()
}
