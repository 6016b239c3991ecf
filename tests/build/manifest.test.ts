import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { dist, readDist } from './support.ts'

interface ManifestIcon {
  src: string
  sizes: string
  type: string
  purpose?: string
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file)
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

test('the web app manifest makes the app installable under its Chinese name', () => {
  const manifest = JSON.parse(readDist('manifest.webmanifest')) as {
    name: string
    short_name: string
    lang: string
    start_url: string
    display: string
    theme_color: string
    icons: ManifestIcon[]
  }
  expect(manifest.name).toBe('昆都仑区政务服务')
  expect(manifest.short_name.length).toBeGreaterThan(0)
  expect(manifest.short_name.length).toBeLessThanOrEqual(6)
  expect(manifest.lang).toBe('zh-CN')
  expect(manifest.display).toBe('standalone')
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i)

  const wanted = [
    { sizes: '192x192', purpose: undefined },
    { sizes: '512x512', purpose: undefined },
    { sizes: '512x512', purpose: 'maskable' },
  ]
  for (const { sizes, purpose } of wanted) {
    const icon = manifest.icons.find((candidate) => candidate.sizes === sizes && (purpose ? candidate.purpose?.includes(purpose) : !candidate.purpose || candidate.purpose.includes('any')))
    expect(icon, `${sizes} ${purpose ?? 'any'}`).toBeDefined()
    const file = join(dist, icon!.src.replace(/^\//, ''))
    expect(existsSync(file), file).toBe(true)
    const [width, height] = sizes.split('x').map(Number)
    expect(pngSize(file)).toEqual({ width, height })
  }
})
