// A catalogue of any size for benchmarks, made from the seeded guides: each generated entry is a
// seeded item's name and keywords with a realistic qualifier, so names, pinyin and codes look
// like a real district catalogue's rather than random text.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { CatalogueEntry, GuideContent } from '../contract/guides.ts'
import { searchPinyin } from '../server/src/guides/pinyin.ts'

const guidesDir = join(import.meta.dirname, '..', 'server', 'seed', 'guides')
const qualifiers = ['', '（个人）', '（企业）', '（变更）', '（注销）', '（延续）', '（补办）', '（跨省通办）', '（告知承诺制）', '（全程网办）']

interface SeedGuide {
  code: string
  basicCode: string
  popularity: number
  guide: GuideContent
}

export function seededGuides(): SeedGuide[] {
  return readdirSync(guidesDir)
    .filter((file) => file.endsWith('.json') && file !== 'catalogue.json')
    .flatMap((file) => (JSON.parse(readFileSync(join(guidesDir, file), 'utf8')) as { guides: SeedGuide[] }).guides)
}

/** `size` catalogue entries, each with a unique code and popularity rank. */
export function syntheticCatalogue(size: number): CatalogueEntry[] {
  const seeds = seededGuides()
  return Array.from({ length: size }, (_, index) => {
    const seed = seeds[index % seeds.length]!
    const round = Math.floor(index / seeds.length)
    const name = `${seed.guide.name}${qualifiers[round % qualifiers.length]}${round >= qualifiers.length ? `（${round}）` : ''}`
    const keywords = seed.guide.keywords
    return {
      code: `${seed.basicCode}${String(100 + round).padStart(3, '0')}`,
      basicCode: seed.basicCode,
      name,
      audiences: seed.guide.audiences,
      departmentId: seed.guide.departmentId,
      themeIds: seed.guide.themeIds,
      keywords,
      ...searchPinyin(name, keywords),
      caseType: seed.guide.caseType,
      visitsRequired: seed.guide.visitsRequired,
      popularity: index + 1,
      version: 1,
      updatedAt: '2026-11-25T08:00:00.000+08:00',
      // The seeded guides' own JSON size; their forms are not in the seed files' JSON.
      offlineBytes: Buffer.byteLength(JSON.stringify(seed.guide)),
    }
  })
}
