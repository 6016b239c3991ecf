import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { routePreloadTags } from '../../../server/src/static/route-preloads.ts'

let root: string | null = null
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true })
  root = null
})

function buildWithManifest(manifest: Record<string, unknown>): string {
  root = mkdtempSync(join(tmpdir(), 'kdl-manifest-'))
  mkdirSync(join(root, '.vite'))
  writeFileSync(join(root, '.vite', 'manifest.json'), JSON.stringify(manifest))
  return root
}

test("preloads a page's chunk and what it imports, less what the shell already loads, and its CSS", () => {
  const dir = buildWithManifest({
    'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_vue.js'], css: ['assets/style-1.css'] },
    '_vue.js': { file: 'assets/vue-1.js' },
    'src/pages/GuidePage.vue': { file: 'assets/GuidePage-1.js', isDynamicEntry: true, imports: ['_vue.js', '_guides.js'], css: ['assets/GuidePage-1.css'] },
    '_guides.js': { file: 'assets/guides-1.js', imports: ['_vue.js', '_client.js'] },
    '_client.js': { file: 'assets/client-1.js', imports: ['_guides.js'] },
  })
  expect(routePreloadTags(dir, 'src/pages/GuidePage.vue')).toEqual([
    '<link rel="modulepreload" crossorigin href="/assets/GuidePage-1.js" />',
    '<link rel="modulepreload" crossorigin href="/assets/guides-1.js" />',
    '<link rel="modulepreload" crossorigin href="/assets/client-1.js" />',
    '<link rel="stylesheet" crossorigin href="/assets/GuidePage-1.css" />',
  ])
})

test('none without a manifest or without the page', () => {
  root = mkdtempSync(join(tmpdir(), 'kdl-manifest-'))
  expect(routePreloadTags(root, 'src/pages/GuidePage.vue')).toEqual([])
  rmSync(root, { recursive: true, force: true })
  expect(routePreloadTags(buildWithManifest({ 'index.html': { file: 'assets/index-1.js', isEntry: true } }), 'src/pages/GuidePage.vue')).toEqual([])
})
