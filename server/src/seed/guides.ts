import { readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { FileStorage } from '../files/file-storage.ts'
import { importGuides, type GuideImportResult } from '../guides/import-guides.ts'

/** The checked-in catalogue: catalogue.json (departments, themes), then one file per department. */
export const defaultGuidesDir = join(import.meta.dirname, '..', '..', 'seed', 'guides')

/** The import files of a directory in import order: catalogue.json first, the rest by name. */
export async function guideFiles(dir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const jsonFiles = names.filter((name) => name.endsWith('.json')).sort()
  const ordered = [...jsonFiles.filter((name) => name === 'catalogue.json'), ...jsonFiles.filter((name) => name !== 'catalogue.json')]
  return ordered.map((name) => join(dir, name))
}

/**
 * Imports every file of `dir` through the same import as the CLI, storing the forms and samples
 * they attach (server/seed/forms) in `storage`; answers the guides that were
 * not published (drafts, rejected), so the caller can say so. A file that is not valid JSON or
 * not in the import format throws, and the caller's transaction leaves the catalogue empty.
 */
export async function seedGuides(trx: Transaction<Database>, dir: string, storage: FileStorage): Promise<GuideImportResult[]> {
  const unpublished: GuideImportResult[] = []
  for (const file of await guideFiles(dir)) {
    let parsed: unknown
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'))
    } catch (error) {
      throw new Error(`Seed file ${file} is not valid JSON`, { cause: error })
    }
    try {
      const report = await importGuides(trx, parsed, { attachments: { baseDir: dirname(file), storage } })
      unpublished.push(...report.guides.filter((guide) => guide.outcome === 'draft' || guide.outcome === 'rejected'))
    } catch (error) {
      throw new Error(`Seed file ${file} could not be imported: ${(error as Error).message}`, { cause: error })
    }
  }
  return unpublished
}
