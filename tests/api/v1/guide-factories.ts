import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { GuideContent, Material } from '../../../contract/guides.ts'
import { fixtureGuidesDir } from '../support/test-app.ts'

interface FixtureEntry {
  code: string
  basicCode: string
  guide: GuideContent
}

const publicSecurity = JSON.parse(readFileSync(join(fixtureGuidesDir, 'public-security.json'), 'utf8')) as { guides: FixtureEntry[] }

/** A complete, publishable guide (the fixture 居民身份证首次申领), with overrides. */
export function completeGuide(overrides: Partial<GuideContent> = {}): GuideContent {
  return { ...structuredClone(publicSecurity.guides[0]!.guide), ...overrides }
}

/** A material with a legal basis, with overrides. */
export function material(overrides: Partial<Material> = {}): Material {
  return { ...structuredClone(completeGuide().materials![0]!), ...overrides }
}

/** An import file with the given guide entries, in the import format. */
export function importFile(guides: unknown[]): unknown {
  return { format: 'kundulun-guides/1', guides }
}

/** An entry for a new item of the fixture's public-security department. */
export function guideEntry(code: string, guide: Partial<GuideContent> = {}, fields: Record<string, unknown> = {}) {
  return { code, basicCode: '000115009000', guide: completeGuide({ name: `测试事项${code.slice(-4)}`, ...guide }), ...fields }
}
