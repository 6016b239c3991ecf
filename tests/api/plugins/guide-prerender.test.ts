import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/test-app.ts'

const shell = `<!doctype html>
<html lang="zh-CN">
  <head>
    <title>昆都仑区政务服务</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vue-abc.js">
  </head>
  <body><div id="app"></div></body>
</html>`
const code = '1115020300011500100001'

let staticDir: string | null = null
let testApp: TestApp | null = null
afterEach(async () => {
  await testApp?.close()
  if (staticDir) rmSync(staticDir, { recursive: true, force: true })
  testApp = null
  staticDir = null
})

/** A built app whose server-side render bundle is `bundle` (module source). */
async function appWithRenderBundle(bundle: string): Promise<TestApp> {
  staticDir = mkdtempSync(join(tmpdir(), 'kdl-dist-'))
  writeFileSync(join(staticDir, 'index.html'), shell)
  mkdirSync(join(staticDir, '.ssr'))
  writeFileSync(join(staticDir, '.ssr', 'entry-server.js'), bundle)
  testApp = await buildTestApp({ STATIC_DIR: staticDir })
  return testApp
}

it("puts the guide's server-side render in #app, without style attributes, and lets the page paint before the app starts", async () => {
  const app = await appWithRenderBundle(
    `export async function renderGuidePage(item) { return '<h1 style="">' + item.guide.name + '</h1>' }`,
  )
  const html = (await app.app.inject(`/g/${code}`)).body
  expect(html).toContain('<div id="app"><h1>居民身份证首次申领</h1></div>')
  expect(html).toContain('<script type="module" src="/paint-first.js" data-app-entry="/assets/index-abc.js"></script>')
  // Nothing downloads ahead of the first paint but the HTML and its CSS.
  expect(html).not.toContain('modulepreload')
  expect(html).not.toContain('<script type="module" crossorigin src="/assets/index-abc.js">')
})

it('serves the plain shell, with the item, when the render fails or its bundle does not load', async () => {
  for (const bundle of [`export async function renderGuidePage() { throw new Error('broken') }`, `import 'no-such-package'`]) {
    const app = await appWithRenderBundle(bundle)
    const response = await app.app.inject(`/g/${code}`)
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('<div id="app"></div>')
    expect(response.body).toContain('<script type="module" crossorigin src="/assets/index-abc.js"></script>')
    expect(response.body).toContain('id="embedded-item"')
    await app.close()
    rmSync(staticDir!, { recursive: true, force: true })
    testApp = null
  }
})
