// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { db } from '../../src/db/app-db.ts'
import ProfilePage from '../../src/pages/ProfilePage.vue'
import { mountPage } from './support/mount-page.ts'

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const profile = { name: '王小明', idNumber: '150203199001011232', phone: '13800000000', address: '内蒙古自治区包头市昆都仑区钢铁大街1号', updatedAt: '2026-11-20T02:00:00.000Z' }

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  localStorage.setItem('session.citizen', JSON.stringify({ id: 'citizen-1', maskedPhone: '138****0000' }))
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  localStorage.clear()
  document.body.innerHTML = ''
})

function serve(onPut: (body: unknown) => Response = (body) => json(200, { ...(body as object), updatedAt: '2026-11-25T02:00:00.000Z' })) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    if (init?.method === 'PUT') return onPut(JSON.parse(String(init.body)))
    if (url === '/api/v1/me/companies') return json(200, { companies: [] })
    return json(200, profile)
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

async function openProfile() {
  const { wrapper } = await mountPage(ProfilePage, '/me/profile')
  await vi.waitFor(() => expect(wrapper.find('[data-testid="profile-view"]').exists()).toBe(true))
  return wrapper
}

test('the view masks the ID number and phone; only the edit field holds them in full', async () => {
  serve()
  const page = await openProfile()
  expect(page.get('[data-testid="profile-view-idNumber"]').text()).toBe('1502**********1232')
  expect(page.get('[data-testid="profile-view-phone"]').text()).toBe('138****0000')
  expect(page.text()).not.toContain('150203199001011232')
  await page.get('[data-testid="profile-edit"]').trigger('click')
  expect((page.get('[data-testid="profile-idNumber"] input').element as HTMLInputElement).value).toBe('150203199001011232')
  // Kept on the phone for prefilling forms offline.
  await vi.waitFor(async () => expect((await db.profiles.get('citizen-1'))?.profile.name).toBe('王小明'))
})

test('a wrong ID check character and a bad phone are refused next to their fields, in Chinese, before sending', async () => {
  const fetchMock = serve()
  const page = await openProfile()
  await page.get('[data-testid="profile-edit"]').trigger('click')
  await page.get('[data-testid="profile-idNumber"] input').setValue('150203199001011233')
  await page.get('[data-testid="profile-phone"] input').setValue('2380000000')
  await page.get('[data-testid="profile-form"]').trigger('submit')
  await flushPromises()
  expect(page.get('[data-testid="profile-idNumber"]').text()).toContain('身份证号码校验位不正确，请逐位核对')
  expect(page.get('[data-testid="profile-phone"]').text()).toContain('手机号码应为以1开头的11位数字')
  expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'PUT')).toHaveLength(0)
})

test("the server's field messages show next to the fields it names", async () => {
  serve(() =>
    json(400, { statusCode: 400, code: 'VALIDATION_FAILED', error: 'Bad Request', message: '提交的信息有误，请按提示修改后重试', details: [{ path: '/body/address', message: '地址不能超过200个字' }] }),
  )
  const page = await openProfile()
  await page.get('[data-testid="profile-edit"]').trigger('click')
  await page.get('[data-testid="profile-form"]').trigger('submit')
  await flushPromises()
  expect(page.get('[data-testid="profile-error"]').text()).toBe('提交的信息有误，请按提示修改后重试')
  expect(page.get('[data-testid="profile-address"]').text()).toContain('地址不能超过200个字')
})

test('a company with a wrong credit code is refused with the GB 32100 message', async () => {
  serve()
  const page = await openProfile()
  await page.get('[data-testid="profile-add-company"]').trigger('click')
  await page.get('[data-testid="company-new-name"] input').setValue('包头市示例商贸有限公司')
  await page.get('[data-testid="company-new-creditCode"] input').setValue('91150203MA0Q12345X')
  await page.get('[data-testid="company-new-form"]').trigger('submit')
  await flushPromises()
  expect(page.get('[data-testid="company-new-creditCode"]').text()).toContain('统一社会信用代码校验位不正确，请逐位核对')
  expect(page.get('[data-testid="company-new-legalRepresentative"]').text()).toContain('请填写法定代表人（负责人）')
})
