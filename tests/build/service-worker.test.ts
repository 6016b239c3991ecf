import { describe, expect, test } from 'vitest'
import { initialScripts, readDist } from './support.ts'

describe('the built service worker', () => {
  const sw = readDist('sw.js')
  const indexHtml = readDist('index.html')

  test('precaches the app shell: index.html, the entry scripts, styles and icons', () => {
    expect(sw).toMatch(/["']index\.html["']/)
    for (const script of initialScripts(indexHtml)) expect(sw, script).toContain(script)
    for (const stylesheet of indexHtml.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+)"/g)) {
      expect(sw, stylesheet[1]).toContain(stylesheet[1]!)
    }
    expect(sw).toMatch(/icons?\/[^"']*192[^"']*\.png|pwa-192x192\.png/)
  })

  test('answers navigations with the shell, except under /api/', () => {
    expect(sw).toMatch(/NavigationRoute|createHandlerBoundToURL/)
    // The denylist keeps API paths out of the navigation fallback; minifiers keep regex literals.
    expect(sw).toMatch(/\/\^\\\/api\\\/\//)
  })

  test('waits for the user before taking over (prompt to update, never a silent reload)', () => {
    expect(sw).toContain('SKIP_WAITING')
    expect(sw).not.toMatch(/\bskipWaiting\(\)\s*[;,]\s*self\.addEventListener\(["']install/)
  })
})

describe('index.html', () => {
  const indexHtml = readDist('index.html')

  test('has no inline script, so it runs under a script-src \'self\' policy', () => {
    const inline = [...indexHtml.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].filter((match) => match[1]!.trim() !== '')
    expect(inline).toEqual([])
  })

  test('is in Chinese, with the app name, a theme colour and the manifest', () => {
    expect(indexHtml).toMatch(/<html[^>]*lang="zh-CN"/)
    expect(indexHtml).toContain('昆都仑区政务服务')
    expect(indexHtml).toMatch(/<meta name="theme-color"/)
    expect(indexHtml).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/)
  })
})
