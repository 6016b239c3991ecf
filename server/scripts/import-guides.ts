import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { loadConfig } from '../src/config.ts'
import { databaseLocation, openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { fileStorageFor } from '../src/files/file-storage.ts'
import { importGuides, type GuideImportResult } from '../src/guides/import-guides.ts'

// `npm run import:guides -- file.json [more.json]`: imports "kundulun-guides/1" files
// (docs/guides-import.md) into the configured database, migrating it first, and prints what
// became of every guide. Each file is one transaction. Exit code 1 when a file could not be read
// or any guide was rejected or kept as a draft. Attached forms are stored under DATA_DIR/files.

const outcomeLabels: Record<GuideImportResult['outcome'], string> = {
  published: '已发布 published',
  draft: '草稿（未发布）draft, not published',
  unchanged: '无变化 unchanged',
  rejected: '已拒绝（未导入）rejected, nothing written',
}

function printGuide(guide: GuideImportResult): void {
  const version = guide.version === null ? '' : ` v${guide.version}`
  console.log(`  [${guide.index}] ${guide.code ?? '(无编码)'} ${guide.name ?? ''}: ${outcomeLabels[guide.outcome]}${version}`)
  for (const error of guide.errors) console.log(`      ✗ ${error.path || '/'}: ${error.message}`)
  for (const problem of guide.problems.filter((item) => item.severity === 'blocking')) console.log(`      ✗ ${problem.message}  (${problem.path})`)
  const missing = [...new Set(guide.problems.filter((item) => item.severity === 'missing').map((item) => item.element))]
  if (missing.length > 0) console.log(`      缺少要素 missing elements: ${missing.join('、')}`)
  if (guide.defaulted.length > 0) console.log(`      未提供的字段（记为空）absent fields: ${guide.defaulted.join(', ')}`)
  if (guide.kept.length > 0) console.log(`      保留的未知字段（sourceExtra）kept unknown fields: ${guide.kept.join(', ')}`)
}

const files = process.argv.slice(2)
if (files.length === 0) {
  console.error('用法 usage: npm run import:guides -- file.json [more.json]')
  process.exit(2)
}

if (existsSync('.env')) process.loadEnvFile('.env')
const config = loadConfig()
const db = openDatabase(databaseLocation(config))
const storage = fileStorageFor(config)
let failed = false
try {
  await migrateToLatest(db)
  for (const file of files) {
    let parsed: unknown
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'))
    } catch (error) {
      console.log(`${file}: 无法读取或不是有效的 JSON (cannot read or not JSON): ${(error as Error).message}`)
      failed = true
      continue
    }
    try {
      const report = await db.transaction().execute((trx) => importGuides(trx, parsed, { attachments: { baseDir: dirname(resolve(file)), storage } }))
      console.log(`${file}: ${report.departments} 个部门 departments, ${report.themes} 个主题 themes, ${report.guides.length} 个事项 guides`)
      for (const guide of report.guides) printGuide(guide)
      const counts = Object.fromEntries(Object.keys(outcomeLabels).map((outcome) => [outcome, report.guides.filter((guide) => guide.outcome === outcome).length]))
      console.log(`  合计 total: published ${counts.published}, draft ${counts.draft}, unchanged ${counts.unchanged}, rejected ${counts.rejected}`)
      if (counts.draft! > 0 || counts.rejected! > 0) failed = true
    } catch (error) {
      console.log(`${file}: 未导入 (not imported): ${(error as Error).message}`)
      failed = true
    }
  }
} finally {
  await db.destroy()
}
process.exit(failed ? 1 : 0)
