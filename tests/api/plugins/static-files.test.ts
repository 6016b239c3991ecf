import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicyHeader } from '../../../server/src/plugins/security-headers.ts'
import { expectErrorBody } from '../support/error-body.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'

const shell = '<!doctype html><title>昆都仑区政务服务</title><script type="module" src="/assets/index-abc123.js"></script>'
let staticDir: string
let testApp: TestApp

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'kdl-dist-'))
  mkdirSync(join(staticDir, 'assets'))
  writeFileSync(join(staticDir, 'index.html'), shell)
  writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log("app")')
  testApp = await buildTestApp({ STATIC_DIR: staticDir })
})
afterAll(async () => {
  await testApp.close()
  rmSync(staticDir, { recursive: true, force: true })
})

describe('serving the built PWA', () => {
  it('caches hashed assets for a year', async () => {
    const response = await testApp.app.inject('/assets/index-abc123.js')
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('makes browsers revalidate index.html and the service worker', async () => {
    for (const path of ['/', '/index.html', '/sw.js']) {
      const response = await testApp.app.inject(path)
      expect(response.statusCode, path).toBe(200)
      expect(response.headers['cache-control'], path).toBe('no-cache')
    }
  })

  it('answers deep links with the app shell (history fallback)', async () => {
    for (const path of ['/halls/kundulun-civic-centre', '/g/11150203MB1234567', '/me']) {
      const response = await testApp.app.inject(path)
      expect(response.statusCode, path).toBe(200)
      expect(response.headers['content-type'], path).toMatch(/^text\/html/)
      expect(response.headers['cache-control'], path).toBe('no-cache')
      expect(response.body).toBe(shell)
    }
  })

  it('keeps the JSON 404 for unknown API paths and missing assets', async () => {
    expectErrorBody(await testApp.app.inject('/api/v1/halls-typo'), 404, 'NOT_FOUND')
    expectErrorBody(await testApp.app.inject('/api/unknown'), 404, 'NOT_FOUND')
    expectErrorBody(await testApp.app.inject('/assets/index-gone.js'), 404, 'NOT_FOUND')
  })

  it('serves the app under the strict Content-Security-Policy and other security headers', async () => {
    for (const path of ['/', '/api/v1/halls']) {
      const { headers } = await testApp.app.inject(path)
      expect(headers['content-security-policy'], path).toBe(contentSecurityPolicyHeader().replaceAll('; ', ';'))
      expect(headers['x-content-type-options'], path).toBe('nosniff')
      expect(headers['x-frame-options'], path).toBe('SAMEORIGIN')
      expect(headers['referrer-policy'], path).toBe('no-referrer')
    }
    const csp = String((await testApp.app.inject('/')).headers['content-security-policy'])
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
  })
})

it('serves the API alone, with a warning, when STATIC_DIR has no built app', async () => {
  const apiOnly = await buildTestApp()
  try {
    expectErrorBody(await apiOnly.app.inject('/halls/kundulun-civic-centre'), 404, 'NOT_FOUND')
  } finally {
    await apiOnly.close()
  }
})
