// 一表申请 end to end, on the real server with its log SMS provider: sign in with the logged code,
// fill 我的资料, apply for 失业保险金申领 with the form prefilled from it, attach a photo, defer the
// 容缺 material with its commitment, submit offline, come back online: exactly one case.
import { randomInt } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { CaseList } from '../../contract/applications.ts'
import { startAppServer, type AppServer } from './support/app-server.ts'
import { PHONE_AGENTS, cspViolations, launchChromium, newPhoneContext, seriousAxeViolations } from './support/browser.ts'
import { photoPng } from './support/photos.ts'
import { loggedSignInCode } from './support/sign-in-codes.ts'

/** 失业保险金申领: a form with profile prefill, a photo material and a deferrable (容缺) one. */
const ITEM = '000176051000001'

let browser: Browser
let server: AppServer
beforeAll(async () => {
  // Its own server at info level: the log SMS provider writes the sign-in codes there.
  ;[browser, server] = await Promise.all([launchChromium(), startAppServer({ env: { LOG_LEVEL: 'info' } })])
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Signs in on /signin with the code the server logged; `wrongFirst` tries a wrong code before it. */
async function signIn(page: Page, phone: string, options: { wrongFirst?: boolean } = {}): Promise<void> {
  await expect.poll(() => page.getByTestId('signin-form').isVisible()).toBe(true)
  await page.locator('#signin-phone').fill(phone)
  await page.getByTestId('signin-get-code').click()
  await expect.poll(() => page.getByTestId('signin-get-code').textContent()).toMatch(/秒后可重新获取/)
  const code = await loggedSignInCode(server, phone)
  if (options.wrongFirst) {
    await page.locator('#signin-code').fill(code === '000000' ? '111111' : '000000')
    await page.getByTestId('signin-submit').click()
    await expect.poll(() => page.getByTestId('signin-error').textContent()).toBe('验证码不正确，还可以再试 4 次')
  }
  await page.locator('#signin-code').fill(code)
  await page.getByTestId('signin-submit').click()
}

async function myCases(page: Page): Promise<CaseList['cases']> {
  return await page.evaluate(async () => ((await (await fetch('/api/v1/me/cases')).json()) as CaseList).cases)
}

/** A value of the (only) draft as saved in IndexedDB. */
async function savedDraftValue(page: Page, key: string): Promise<unknown> {
  return await page.evaluate(async (fieldKey) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kundulun-zhengwu')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const drafts = await new Promise<Array<{ values: Record<string, unknown> }>>((resolve, reject) => {
      const request = database.transaction('drafts').objectStore('drafts').getAll()
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    database.close()
    return drafts[0]?.values[fieldKey] ?? null
  }, key)
}

/** How many personal records the app's IndexedDB holds, per table. */
async function personalRecords(page: Page): Promise<Record<string, number>> {
  return await page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kundulun-zhengwu')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const tables = ['drafts', 'draftFiles', 'profiles', 'cases', 'outbox']
    const counts = await Promise.all(
      tables.map(
        (table) =>
          new Promise<number>((resolve, reject) => {
            const request = database.transaction(table).objectStore(table).count()
            request.onsuccess = () => resolve(request.result)
            request.onerror = () => reject(request.error)
          }),
      ),
    )
    database.close()
    return Object.fromEntries(tables.map((table, index) => [table, counts[index]!]))
  })
}

/** Fills the 失业保险金申领 form's own fields (those the profile does not give). */
async function fillEmployment(page: Page): Promise<void> {
  await page.locator('#apply-formerEmployer').fill('包头市示例钢铁有限公司')
  await page.locator('#apply-contributionPeriod').fill('2019年7月至2026年9月')
  await page.locator('#apply-contributionYears').fill('7年2个月')
  await page.locator('#apply-terminationDate').fill('2026-09-30')
  await page.locator('#apply-terminationReason input[value="contract_expired"]').check()
}

describe.each(PHONE_AGENTS)('一表申请 in $name', ({ userAgent }) => {
  test('sign in, fill from the profile, attach a photo, defer a material, submit offline: one case when back online', async () => {
    const phone = `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
    const context = await newPhoneContext(browser, server.baseURL, userAgent)
    const page = await context.newPage()

    // 我的资料 asks for sign-in and comes back to it.
    await page.goto('/me/profile')
    await expect.poll(() => new URL(page.url()).pathname).toBe('/signin')
    expect(await seriousAxeViolations(page)).toEqual([])
    await signIn(page, phone)
    await expect.poll(() => new URL(page.url()).pathname).toBe('/me/profile')
    await page.getByTestId('profile-edit').click()
    await page.locator('#profile-name').fill('王小明')
    await page.locator('#profile-idNumber').fill('150203199001011232')
    await page.locator('#profile-address').fill('内蒙古自治区包头市昆都仑区钢铁大街1号')
    await page.getByTestId('profile-save').click()
    await expect.poll(() => page.getByTestId('profile-view-idNumber').textContent()).toBe('1502**********1232')
    await page.getByTestId('profile-add-company').click()
    await page.locator('#company-new-name').fill('包头市示例商贸有限公司')
    await page.locator('#company-new-creditCode').fill('91350100M000100Y43')
    await page.locator('#company-new-legalRepresentative').fill('王小明')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.getByTestId('company-new-save').click()
    await expect.poll(() => page.getByTestId('profile-company-list').textContent()).toContain('91350100M000100Y43')
    expect(await seriousAxeViolations(page)).toEqual([])

    // The guide offers 在线申请; the form opens filled in from the profile.
    await page.goto(`/g/${ITEM}`)
    await page.getByTestId('guide-apply').click()
    await expect.poll(() => page.locator('#apply-name').inputValue()).toBe('王小明')
    expect(await page.locator('#apply-idNumber').inputValue()).toBe('150203199001011232')
    expect(await page.locator('#apply-phone').inputValue()).toBe(phone)
    await fillEmployment(page)

    await page.getByTestId('pick-id-card').setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: photoPng() })
    await expect.poll(() => page.getByTestId('material-id-card').locator('[data-state]').getAttribute('data-state'), { timeout: 20_000 }).toBe('uploaded')

    // The draft is on the phone as typed: a reload brings back the values and the uploaded photo.
    await expect.poll(() => savedDraftValue(page, 'terminationReason')).toBe('contract_expired')
    await page.reload()
    await expect.poll(() => page.locator('#apply-formerEmployer').inputValue()).toBe('包头市示例钢铁有限公司')
    await expect.poll(() => page.getByTestId('material-id-card').locator('[data-state]').getAttribute('data-state')).toBe('uploaded')

    // 容缺: deferring needs the commitment confirmed.
    await page.getByTestId('defer-termination-proof').check()
    await page.getByTestId('apply-next').click()
    await expect.poll(() => page.getByTestId('error-material-termination-proof').textContent()).toContain('告知承诺')
    await page.getByTestId('commit-termination-proof').check()
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.getByTestId('apply-next').click()

    // 核对信息 shows the answers, then the citizen sends it offline.
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/apply/${ITEM}/check`)
    await expect.poll(() => page.getByTestId('check-formerEmployer').textContent()).toBe('包头市示例钢铁有限公司')
    expect(await page.getByTestId('check-idNumber').textContent()).toBe('1502**********1232')
    expect(await page.getByTestId('check-material-termination-proof').textContent()).toContain('暂缓提交')
    expect(await seriousAxeViolations(page)).toEqual([])
    await context.setOffline(true)
    await expect.poll(() => page.getByTestId('check-offline').isVisible()).toBe(true)
    await page.getByTestId('check-submit').dblclick()
    await expect.poll(() => page.getByTestId('submission-state').textContent()).toContain('联网后会自动提交')

    await context.setOffline(false)
    await expect.poll(() => page.getByTestId('receipt-case-number').textContent(), { timeout: 30_000 }).toMatch(/^KDL-\d{8}-\d{4,6}$/)
    expect(await page.getByTestId('receipt-promised').textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/)
    expect(await seriousAxeViolations(page)).toEqual([])

    const cases = await myCases(page)
    expect(cases).toHaveLength(1)
    expect(cases[0]).toMatchObject({ itemCode: ITEM, status: 'submitted', deferredMaterials: 1 })
    expect(await page.getByTestId('receipt-case-number').textContent()).toBe(cases[0]!.caseNumber)
    expect(await cspViolations(page)).toEqual([])

    // 我的 keeps the receipt; sign-out takes it and every other personal record off the phone.
    await page.getByRole('link', { name: '查看我的草稿和提交记录' }).click()
    await expect.poll(() => page.getByTestId('case-list').textContent()).toContain(cases[0]!.caseNumber)
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await personalRecords(page)).not.toEqual({ drafts: 0, draftFiles: 0, profiles: 0, cases: 0, outbox: 0 })
    await page.getByTestId('sign-out').click()
    await page.locator('.van-dialog__confirm').click()
    await expect.poll(() => page.getByTestId('me-sign-in').isVisible()).toBe(true)
    expect(await personalRecords(page)).toEqual({ drafts: 0, draftFiles: 0, profiles: 0, cases: 0, outbox: 0 })
    await context.close()
  })

  test('when the connection drops after the server stored the application, the retry makes no second case', async () => {
    const phone = `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
    const context = await newPhoneContext(browser, server.baseURL, userAgent)
    const page = await context.newPage()
    const submissions: Array<{ status: number; replayed: boolean }> = []
    let dropped = 0
    // The first answer to the submission is lost on the way back, after the server created the case.
    await page.route('**/api/v1/applications', async (route) => {
      const response = await route.fetch()
      submissions.push({ status: response.status(), replayed: response.headers()['idempotent-replayed'] === 'true' })
      if (dropped++ === 0) await route.abort('connectionreset')
      else await route.fulfill({ response })
    })

    await page.goto(`/apply/${ITEM}`)
    await signIn(page, phone, { wrongFirst: true })
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/apply/${ITEM}`)
    await expect.poll(() => page.locator('#apply-phone').inputValue()).toBe(phone)
    await page.locator('#apply-name').fill('李四')
    await page.locator('#apply-idNumber').fill('11010519491231002X')
    await page.locator('#apply-registeredAddress').fill('内蒙古自治区包头市昆都仑区阿尔丁大街2号')
    await fillEmployment(page)
    await page.getByTestId('pick-id-card').setInputFiles({ name: 'id.png', mimeType: 'image/png', buffer: photoPng() })
    await page.getByTestId('defer-termination-proof').check()
    await page.getByTestId('commit-termination-proof').check()
    await page.getByTestId('apply-next').click()
    await page.getByTestId('check-submit').click()

    await expect.poll(() => page.getByTestId('receipt-case-number').textContent(), { timeout: 30_000 }).toMatch(/^KDL-/)
    expect(submissions.map((answer) => answer.status)).toEqual([201, 201])
    expect(submissions.map((answer) => answer.replayed)).toEqual([false, true])
    expect(await myCases(page)).toHaveLength(1)
    await context.close()
  })
})
