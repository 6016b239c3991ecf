import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium, newPhoneContext, waitForServiceWorker } from './support/browser.ts'
import { startAppServer, type AppServer } from './support/app-server.ts'

const dist = join(import.meta.dirname, '..', '..', 'dist')
let browser: Browser
let server: AppServer
let staticDir: string

beforeAll(async () => {
  browser = await launchChromium()
  // A copy of the built app that the test can "deploy" a new version into.
  staticDir = mkdtempSync(join(tmpdir(), 'kdl-static-'))
  cpSync(dist, staticDir, { recursive: true })
  server = await startAppServer({ env: { STATIC_DIR: staticDir } })
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(staticDir, { recursive: true, force: true })
})

test('a new version waits for the citizen: it is offered, never forced, and taken on 更新', async () => {
  const context = await newPhoneContext(browser, server.baseURL)
  const page = await context.newPage()
  await page.goto('/me')
  await waitForServiceWorker(page)
  expect(await page.getByTestId('update-prompt').count()).toBe(0)

  // Deploy a new version: a service worker that differs by one byte is a new one to the browser.
  const sw = join(staticDir, 'sw.js')
  appendFileSync(sw, '\n// next release\n')
  expect(readFileSync(sw, 'utf8')).toContain('next release')
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration()
    await registration?.update()
  })

  await expect.poll(() => page.getByTestId('update-prompt').isVisible(), { timeout: 15_000 }).toBe(true)
  // Waiting, not active: the page that may hold a half-filled form was not reloaded.
  expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(true)

  const reloaded = page.waitForEvent('load')
  await page.getByTestId('update-prompt').getByRole('button', { name: '更新', exact: true }).click()
  await reloaded
  // The waiting version took over and controls the reloaded page.
  await expect
    .poll(() => page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      return { waiting: Boolean(registration?.waiting), controlled: Boolean(navigator.serviceWorker.controller) }
    }))
    .toEqual({ waiting: false, controlled: true })
  expect(await page.getByTestId('update-prompt').count()).toBe(0)
  await context.close()
})
