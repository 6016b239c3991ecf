import type { Transaction } from 'kysely'
import type { GuideProblem } from '../../../contract/guides.ts'
import type { Database } from '../db/schema.ts'
import { departmentsRepository, themesRepository } from '../repositories/departments-repository.ts'
import { resolveAttachments, storePendingFiles, type AttachmentSource } from './import-attachments.ts'
import { publishGuide } from './publish.ts'
import { readGuideEntry, readImportFile, type ImportIssue } from './import-format.ts'

/** What became of one guide of an import file. */
export interface GuideImportResult {
  /** Position in the file's `guides`. */
  index: number
  code: string | null
  name: string | null
  /** published: new version; draft: failed the publishing rules; unchanged: same as published; rejected: not read, nothing written. */
  outcome: 'published' | 'draft' | 'unchanged' | 'rejected'
  /** The version published, drafted or already current; null when rejected. */
  version: number | null
  /** checkGuide's findings: blocking ones (drafts) and the 第六条 elements left out. */
  problems: GuideProblem[]
  /** Why the guide was rejected (fields of a wrong type, missing codes). */
  errors: ImportIssue[]
  /** Unknown fields kept in sourceExtra, by pointer into the entry. */
  kept: string[]
  /** Absent fields set to null, [] or {}, by pointer into the entry. */
  defaulted: string[]
}

export interface ImportOptions {
  /** The time of the import (publication time of new versions). */
  now?: Date
  /** Where `{ "path": … }` attachments are read from and stored; without it they are refused. */
  attachments?: AttachmentSource
}

export interface ImportReport {
  departments: number
  themes: number
  guides: GuideImportResult[]
}

/**
 * Imports one "kundulun-guides/1" file inside the caller's transaction: departments and themes
 * are added or renamed, then each guide is read leniently and handed to publishGuide. A guide
 * that cannot be read, or names an unknown department or theme, is rejected and writes nothing.
 * Attachments are read and checked with the guide and stored only when it is accepted.
 * Throws ImportFileError when the file's envelope is wrong (then the caller rolls back).
 */
export async function importGuides(trx: Transaction<Database>, file: unknown, { now = new Date(), attachments }: ImportOptions = {}): Promise<ImportReport> {
  const { departments, themes, guides } = readImportFile(file)
  const departmentRows = departmentsRepository(trx)
  const themeRows = themesRepository(trx)
  const departmentIds = await departmentRows.ids()
  for (const department of departments) {
    // A department already known keeps its place; the upsert only renames it.
    await departmentRows.upsert(department, departmentIds.size)
    departmentIds.add(department.id)
  }
  const themeIds = await themeRows.ids()
  for (const theme of themes) {
    await themeRows.upsert(theme, themeIds.size)
    themeIds.add(theme.id)
  }

  const results: GuideImportResult[] = []
  for (const [index, sourceEntry] of guides.entries()) {
    const { entry, files, errors: fileErrors } = await resolveAttachments(trx, sourceEntry, attachments)
    const reading = readGuideEntry(entry)
    if (!reading.ok || fileErrors.length > 0) {
      const { code, name } = reading.ok ? { code: reading.guide.listing.code, name: reading.guide.content.name } : reading
      const errors = [...fileErrors, ...(reading.ok ? [] : reading.errors)]
      results.push({ index, code, name, outcome: 'rejected', version: null, problems: [], errors, kept: [], defaulted: [] })
      continue
    }
    const { guide } = reading
    const errors: ImportIssue[] = []
    if (!departmentIds.has(guide.content.departmentId)) {
      errors.push({ path: '/guide/departmentId', message: `未知的部门“${guide.content.departmentId}”（请先导入 departments）` })
    }
    for (const [themeIndex, themeId] of guide.content.themeIds.entries()) {
      if (!themeIds.has(themeId)) errors.push({ path: `/guide/themeIds/${themeIndex}`, message: `未知的主题“${themeId}”（请先导入 themes）` })
    }
    const base = { index, code: guide.listing.code, name: guide.content.name, kept: guide.kept, defaulted: guide.defaulted }
    if (errors.length > 0) {
      results.push({ ...base, outcome: 'rejected', version: null, problems: [], errors })
      continue
    }
    await storePendingFiles(trx, files, attachments?.storage)
    const outcome = await publishGuide(
      trx,
      { ...guide.listing, content: guide.content, effectiveDate: guide.effectiveDate, changeNote: guide.changeNote },
      now,
    )
    results.push({ ...base, outcome: outcome.outcome, version: outcome.version, problems: outcome.problems, errors: [] })
  }
  return { departments: departments.length, themes: themes.length, guides: results }
}
