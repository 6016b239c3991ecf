import { flushPromises } from '@vue/test-utils'
import { afterEach, expect, test, vi } from 'vitest'
import SignInPage from '../../src/pages/SignInPage.vue'
import { mountPage } from './support/mount-page.ts'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  localStorage.clear()
  document.body.innerHTML = ''
})

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

function serve(handler: (method: string, url: string, body: unknown) => Response) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    handler(init?.method ?? 'GET', String(input), init?.body ? JSON.parse(String(init.body)) : undefined),
  )
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

async function openSignIn(path = '/signin?next=/me/profile') {
  const mounted = await mountPage(SignInPage, path)
  return mounted
}

const input = (wrapper: Awaited<ReturnType<typeof openSignIn>>['wrapper'], testid: string) => wrapper.get(`[data-testid="${testid}"] input`)

test('a malformed number is refused next to the field, in Chinese, without asking the server', async () => {
  const fetchMock = serve(() => json(202, { expiresInSeconds: 300, resendAfterSeconds: 60 }))
  const { wrapper } = await openSignIn()
  await input(wrapper, 'signin-phone').setValue('1380000')
  await wrapper.get('[data-testid="signin-get-code"]').trigger('click')
  await flushPromises()
  expect(wrapper.get('[data-testid="signin-phone"]').text()).toContain('手机号码应为以1开头的11位数字')
  expect(fetchMock).not.toHaveBeenCalled()
})

test('获取验证码 counts down before a new code can be asked for, then offers it again', async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
  const fetchMock = serve(() => json(202, { expiresInSeconds: 300, resendAfterSeconds: 60 }))
  const { wrapper } = await openSignIn()
  await input(wrapper, 'signin-phone').setValue('138 0000 0000')
  await wrapper.get('[data-testid="signin-get-code"]').trigger('click')
  await flushPromises()
  expect(fetchMock).toHaveBeenCalledWith('/api/v1/auth/codes', expect.objectContaining({ method: 'POST', body: JSON.stringify({ phone: '13800000000' }) }))
  const button = () => wrapper.get('[data-testid="signin-get-code"]')
  expect(button().text()).toBe('60 秒后可重新获取')
  expect(button().attributes('disabled')).toBeDefined()
  expect(wrapper.get('[data-testid="signin-code-sent"]').text()).toContain('验证码已发送')
  vi.advanceTimersByTime(59_000)
  await flushPromises()
  expect(button().text()).toBe('1 秒后可重新获取')
  vi.advanceTimersByTime(1_000)
  await flushPromises()
  expect(button().text()).toBe('重新获取验证码')
  expect(button().attributes('disabled')).toBeUndefined()
})

test("the server's refusals are shown in its Chinese words: rate limit, wrong code", async () => {
  serve((_method, url) =>
    url === '/api/v1/auth/codes'
      ? json(429, { statusCode: 429, code: 'SIGN_IN_CODE_RATE_LIMITED', error: 'Too Many Requests', message: '验证码已发送，请在 42 秒后再重新获取' })
      : json(400, { statusCode: 400, code: 'SIGN_IN_CODE_INCORRECT', error: 'Bad Request', message: '验证码不正确，还可以再试 4 次' }),
  )
  const { wrapper } = await openSignIn()
  await input(wrapper, 'signin-phone').setValue('13800000000')
  await wrapper.get('[data-testid="signin-get-code"]').trigger('click')
  await flushPromises()
  expect(wrapper.get('[data-testid="signin-error"]').text()).toBe('验证码已发送，请在 42 秒后再重新获取')

  await input(wrapper, 'signin-code').setValue('12345')
  await wrapper.get('[data-testid="signin-form"]').trigger('submit')
  await flushPromises()
  expect(wrapper.get('[data-testid="signin-code"]').text()).toContain('请填写短信中的6位数字验证码')

  await input(wrapper, 'signin-code').setValue('123456')
  await wrapper.get('[data-testid="signin-form"]').trigger('submit')
  await flushPromises()
  expect(wrapper.get('[data-testid="signin-error"]').text()).toBe('验证码不正确，还可以再试 4 次')
})

test('without a connection the page says so rather than failing silently', async () => {
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
  const { wrapper } = await openSignIn()
  await input(wrapper, 'signin-phone').setValue('13800000000')
  await wrapper.get('[data-testid="signin-get-code"]').trigger('click')
  await flushPromises()
  expect(wrapper.get('[data-testid="signin-error"]').text()).toBe('网络连接不可用，请联网后重试。')
})

test('signing in returns to the page that asked, never to another site', async () => {
  serve(() => json(201, { id: 'c1', maskedPhone: '138****0000', csrfToken: 'token', sessionExpiresAt: '2026-12-25T00:00:00.000Z' }))
  const { wrapper, router } = await openSignIn('/signin?next=//evil.example/steal')
  await input(wrapper, 'signin-phone').setValue('13800000000')
  await input(wrapper, 'signin-code').setValue('123456')
  await wrapper.get('[data-testid="signin-form"]').trigger('submit')
  await flushPromises()
  await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/me'))
  expect(JSON.parse(localStorage.getItem('session.citizen')!)).toEqual({ id: 'c1', maskedPhone: '138****0000' })
})

test('a 429 holds 获取验证码 back for as long as its Retry-After says', async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
  serve(
    () =>
      new Response(JSON.stringify({ statusCode: 429, code: 'SIGN_IN_CODE_RATE_LIMITED', error: 'Too Many Requests', message: '验证码已发送，请在 42 秒后再重新获取' }), {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '42' },
      }),
  )
  const { wrapper } = await openSignIn()
  await input(wrapper, 'signin-phone').setValue('13800000000')
  await wrapper.get('[data-testid="signin-get-code"]').trigger('click')
  await flushPromises()
  const button = () => wrapper.get('[data-testid="signin-get-code"]')
  expect(button().text()).toBe('42 秒后可重新获取')
  expect(button().attributes('disabled')).toBeDefined()
  vi.advanceTimersByTime(42_000)
  await flushPromises()
  expect(button().attributes('disabled')).toBeUndefined()
})
