// Figures: the catalogue index of 2,000 items over the wire (identity, gzip, brotli) as the real
// server answers GET /api/v1/catalogue/changes, and a guide GET revalidated with its ETag.
// Run: npm exec -- node bench/catalogue-index-size.ts [items=2000]
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp } from '../server/src/app.ts'
import { loadConfig } from '../server/src/config.ts'
import { openDatabase } from '../server/src/db/database.ts'
import { migrateToLatest } from '../server/src/db/migrate.ts'
import { importGuides } from '../server/src/guides/import-guides.ts'
import { syntheticCatalogue, seededGuides } from './synthetic-catalogue.ts'

const size = Number(process.argv[2] ?? 2000)
const catalogue = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'server', 'seed', 'guides', 'catalogue.json'), 'utf8'))
const seeds = seededGuides()
// Guides of the generated entries: the seeded guide each copies, renamed; attachments left out,
// as they do not travel in the index.
const guides = syntheticCatalogue(size).map((entry, index) => {
  const seed = seeds[index % seeds.length]!
  const materials = seed.guide.materials?.map((material) => ({ ...material, sample: null, blankForm: null, sampleForm: null })) ?? null
  const results = seed.guide.results?.map((result) => ({ ...result, sample: null })) ?? null
  return { code: entry.code, basicCode: entry.basicCode, popularity: entry.popularity, guide: { ...seed.guide, name: entry.name, materials, results } }
})

const db = openDatabase({ kind: 'pglite-memory' })
await migrateToLatest(db)
const started = performance.now()
await db.transaction().execute(async (trx) => {
  await importGuides(trx, catalogue)
  const report = await importGuides(trx, { format: 'kundulun-guides/1', guides })
  const published = report.guides.filter((guide) => guide.outcome === 'published').length
  if (published !== size) throw new Error(`only ${published} of ${size} generated guides were published`)
})
const importMs = performance.now() - started
const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', STATIC_DIR: '/nonexistent', RATE_LIMIT_MAX: '100000' }), db })

const sizes: Record<string, number> = {}
for (const encoding of ['identity', 'gzip', 'br']) {
  const response = await app.inject({ url: '/api/v1/catalogue/changes', headers: { 'accept-encoding': encoding } })
  if (response.statusCode !== 200) throw new Error(`feed answered ${response.statusCode}`)
  sizes[encoding] = response.rawPayload.length
}
const code = guides[0]!.code
const first = await app.inject({ url: `/api/v1/items/${code}`, headers: { 'accept-encoding': 'br' } })
const again = await app.inject({ url: `/api/v1/items/${code}`, headers: { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) } })
await app.close()

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
console.log(`Catalogue index of ${size} items (imported in ${(importMs / 1000).toFixed(1)} s), GET /api/v1/catalogue/changes:`)
console.log(`  identity ${kb(sizes.identity!)}, gzip ${kb(sizes.gzip!)}, brotli ${kb(sizes.br!)} (budget 200 KB compressed)`)
console.log(`  per entry: ${(sizes.br! / size).toFixed(0)} bytes brotli`)
console.log(`Guide GET /api/v1/items/${code}: ${first.statusCode} with ${kb(first.rawPayload.length)} brotli; revalidated with its ETag: ${again.statusCode}, ${again.rawPayload.length} bytes`)
