// Sign-in codes as the log SMS provider "sends" them: written to the server's log (at info level)
// with the number masked, e.g. {"to":"139****1234","signInCode":"123456",…}.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { maskMobile } from '../../../contract/validators/masking.ts'
import type { AppServer } from './app-server.ts'

/** The last code the server logged for `phone`, waiting up to `timeoutMs` for it to appear. */
export async function loggedSignInCode(server: AppServer, phone: string, timeoutMs = 10_000): Promise<string> {
  const to = maskMobile(phone)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const codes = server
      .output()
      .split('\n')
      .flatMap((line) => {
        try {
          const entry = JSON.parse(line) as { to?: string; signInCode?: string }
          return entry.to === to && typeof entry.signInCode === 'string' ? [entry.signInCode] : []
        } catch {
          return []
        }
      })
    if (codes.length > 0) return codes.at(-1)!
    if (Date.now() > deadline) throw new Error(`no sign-in code for ${to} in the server log`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Signs in on /signin (open, or opened by a page that needs a citizen) with the code the server
 * logged for `phone`, as a citizen types the SMS code.
 */
export async function signInOnPage(page: Page, server: AppServer, phone: string): Promise<void> {
  await expect.poll(() => page.getByTestId('signin-form').isVisible(), { timeout: 15_000 }).toBe(true)
  await page.locator('#signin-phone').fill(phone)
  await page.getByTestId('signin-get-code').click()
  await expect.poll(() => page.getByTestId('signin-get-code').textContent(), { timeout: 10_000 }).toMatch(/秒后可重新获取/)
  await page.locator('#signin-code').fill(await loggedSignInCode(server, phone))
  await page.getByTestId('signin-submit').click()
}
