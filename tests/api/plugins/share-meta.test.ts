import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { importGuides } from '../../../server/src/guides/import-guides.ts'
import { buildTestApp, type TestApp } from '../support/test-app.ts'
import { guideEntry, importFile } from '../v1/guide-factories.ts'

const shell = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="昆都仑区政务服务：办事大厅、窗口与办事信息。" />
    <title>昆都仑区政务服务</title>
  </head>
  <body><div id="app"></div><script type="module" src="/assets/index-abc.js"></script></body>
</html>`
let staticDir: string
let testApp: TestApp

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'kdl-dist-'))
  writeFileSync(join(staticDir, 'index.html'), shell)
  testApp = await buildTestApp({ STATIC_DIR: staticDir })
})
afterAll(async () => {
  await testApp.close()
  rmSync(staticDir, { recursive: true, force: true })
})

it('answers /g/<code> with the item title and description in the HTML, before any script', async () => {
  const response = await testApp.app.inject('/g/1115020300011500100001')
  expect(response.statusCode).toBe(200)
  expect(response.headers['content-type']).toMatch(/^text\/html/)
  expect(response.headers['cache-control']).toBe('no-cache')
  const html = response.body
  expect(html).toContain('<title>居民身份证首次申领 - 昆都仑区政务服务</title>')
  expect(html).toContain('<meta property="og:title" content="居民身份证首次申领 - 昆都仑区政务服务" />')
  const description = '居民身份证首次申领办事指南。实施主体：包头市公安局昆都仑区分局；承诺时限：20个工作日；到现场次数：1次；事项编码：1115020300011500100001。'
  expect(html).toContain(`<meta name="description" content="${description}" />`)
  expect(html).toContain(`<meta property="og:description" content="${description}" />`)
  expect(html.match(/name="description"/g)).toHaveLength(1)
  expect(html.match(/<title>/g)).toHaveLength(1)
  expect(html).toContain('<script type="module" src="/assets/index-abc.js"></script>')
  expect(html).not.toMatch(/<script>(?!<\/script>)/)
})

it('escapes what it inserts', async () => {
  await testApp.db.transaction().execute((trx) => importGuides(trx, importFile([guideEntry('ESCAPED00001', { name: '<script>alert("x")</script>&证明' })])))
  const html = (await testApp.app.inject('/g/ESCAPED00001')).body
  expect(html).toContain('<title>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;证明 - 昆都仑区政务服务</title>')
  expect(html).not.toContain('<script>alert')
})

it('carries the item as the item route answers it, with the same ETag, in a data block no guide text can close', async () => {
  const code = '1115020300011500100001'
  const embedded = (html: string) => {
    const match = /<script type="application\/json" id="embedded-item" data-etag="([^"]+)">([\s\S]*?)<\/script>/.exec(html)
    if (!match) throw new Error('no embedded item')
    return { etag: match[1]!.replaceAll('&#34;', '"'), item: JSON.parse(match[2]!) as unknown }
  }
  const page = embedded((await testApp.app.inject(`/g/${code}`)).body)
  const api = await testApp.app.inject(`/api/v1/items/${code}`)
  expect(page.etag).toBe(api.headers.etag)
  expect(page.item).toEqual(api.json())

  await testApp.db.transaction().execute((trx) => importGuides(trx, importFile([guideEntry('CLOSING00001', { name: '证明</script><script>alert(1)</script>' })])))
  const html = (await testApp.app.inject('/g/CLOSING00001')).body
  expect(html).not.toContain('</script><script>alert(1)')
  expect((embedded(html).item as { guide: { name: string } }).guide.name).toBe('证明</script><script>alert(1)</script>')
})

it('inserts names with replacement patterns such as $& literally', async () => {
  await testApp.db.transaction().execute((trx) => importGuides(trx, importFile([guideEntry('DOLLAR000001', { name: '证明$&$1$`办理' })])))
  const html = (await testApp.app.inject('/g/DOLLAR000001')).body
  expect(html).toContain('<title>证明$&#38;$1$`办理 - 昆都仑区政务服务</title>')
})

it('answers the plain shell for an unknown or malformed code', async () => {
  for (const path of ['/g/NOSUCHITEM01', '/g/not-a-code!']) {
    const response = await testApp.app.inject(path)
    expect(response.statusCode, path).toBe(200)
    expect(response.body, path).toBe(shell)
  }
})
