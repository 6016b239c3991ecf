import { afterAll, beforeAll, expect, it } from 'vitest'
import { expectErrorBody } from '../support/error-body.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'

const code = '1115020300011500100001'
let testApp: TestApp
let publicApp: TestApp
beforeAll(async () => {
  testApp = await buildTestApp()
  publicApp = await buildTestApp({ PUBLIC_URL: 'https://zwfw.example.gov.cn' })
})
afterAll(async () => {
  await testApp.close()
  await publicApp.close()
})

it('answers the QR code of the canonical short URL as a cacheable SVG named by the URL', async () => {
  const response = await publicApp.app.inject(`/api/v1/items/${code}/qr.svg`)
  expect(response.statusCode).toBe(200)
  expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8')
  expect(response.headers['cache-control']).toBe('public, max-age=86400')
  expect(response.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+" role="img"><title>/)
  expect(response.body).toContain(`<title>https://zwfw.example.gov.cn/g/${code}</title>`)
  expect(response.body).toMatch(/<path fill="black" d="M/)
})

it('uses the origin the request came to when PUBLIC_URL is not set, and differs per item', async () => {
  const first = await testApp.app.inject({ url: `/api/v1/items/${code}/qr.svg`, headers: { host: 'hall-kiosk.local:8080' } })
  expect(first.body).toContain(`<title>http://hall-kiosk.local:8080/g/${code}</title>`)
  const other = await testApp.app.inject({ url: '/api/v1/items/1115020300003700100001/qr.svg', headers: { host: 'hall-kiosk.local:8080' } })
  expect(other.statusCode).toBe(200)
  expect(other.body.replace(/<title>.*<\/title>/, '')).not.toBe(first.body.replace(/<title>.*<\/title>/, ''))
})

it('answers 404 in the error shape for an item that is not published', async () => {
  const response = await testApp.app.inject('/api/v1/items/NOSUCHITEM01/qr.svg')
  expect(response.statusCode).toBe(404)
  expectErrorBody(response, 404)
  expect(response.json().message).toBe('未找到该事项')
})
