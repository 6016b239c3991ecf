// A one-form application made from the phone, as the tests of what follows it (case progress,
// notifications, ratings) start: the citizen signs in, fills in 失业保险金申领, attaches a photo,
// defers the 容缺 material and sends it.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { AppServer } from './app-server.ts'
import { photoPng } from './photos.ts'
import { signInOnPage } from './sign-in-codes.ts'

/** 失业保险金申领: a form with a photo material and a deferrable (容缺) one. */
export const APPLICATION_ITEM = '000176051000001'

/** Applies for 失业保险金申领 as the citizen with `phone` and answers the receipt's case number. */
export async function applyFromPhone(page: Page, server: AppServer, phone: string): Promise<string> {
  await page.goto(`/apply/${APPLICATION_ITEM}`)
  await signInOnPage(page, server, phone)
  await expect.poll(() => page.locator('#apply-phone').inputValue(), { timeout: 20_000 }).toBe(phone)
  await page.locator('#apply-name').fill('王小明')
  await page.locator('#apply-idNumber').fill('150203199001011232')
  await page.locator('#apply-registeredAddress').fill('内蒙古自治区包头市昆都仑区钢铁大街1号')
  await page.locator('#apply-formerEmployer').fill('示例钢铁')
  await page.locator('#apply-contributionPeriod').fill('2019年7月至2026年9月')
  await page.locator('#apply-contributionYears').fill('7年2个月')
  await page.locator('#apply-terminationDate').fill('2026-09-30')
  await page.locator('#apply-terminationReason input[value="contract_expired"]').check()
  await page.getByTestId('pick-id-card').setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: photoPng() })
  await page.getByTestId('defer-termination-proof').check()
  await page.getByTestId('commit-termination-proof').check()
  await page.getByTestId('apply-next').click()
  await page.getByTestId('check-submit').click()
  await expect.poll(() => page.getByTestId('receipt-case-number').textContent(), { timeout: 30_000 }).toMatch(/^KDL-\d{8}-\d{4,6}$/)
  return (await page.getByTestId('receipt-case-number').textContent())!
}
