import { sql, type Kysely } from 'kysely'
import type { GuideContent, GuideProblem, GuideVersionInfo } from '../../../contract/guides.ts'
import type { Database } from '../db/schema.ts'

export interface StoredGuideVersion {
  version: number
  status: 'draft' | 'published' | 'superseded'
  content: GuideContent
  contentHash: string
  effectiveDate: string
  changeNote: string | null
  publishedAt: Date | null
  problems: GuideProblem[]
}

export interface NewGuideVersion {
  itemCode: string
  version: number
  status: 'draft' | 'published'
  content: GuideContent
  contentHash: string
  effectiveDate: string
  changeNote: string | null
  publishedAt: Date | null
  problems: GuideProblem[]
}

function selectVersions(db: Kysely<Database>, itemCode: string) {
  return db
    .selectFrom('guide_versions')
    .select([
      'version',
      'status',
      'content',
      'content_hash',
      sql<string>`effective_date::text`.as('effective_date'),
      'change_note',
      'published_at',
      'problems',
    ])
    .where('item_code', '=', itemCode)
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof selectVersions>['executeTakeFirstOrThrow']>>

function toStored(row: VersionRow): StoredGuideVersion {
  return {
    version: row.version,
    status: row.status,
    content: row.content,
    contentHash: row.content_hash,
    effectiveDate: row.effective_date,
    changeNote: row.change_note,
    publishedAt: row.published_at,
    problems: row.problems,
  }
}

/** What the public sees of a version that was published. */
export function versionInfo(version: StoredGuideVersion): GuideVersionInfo {
  return {
    version: version.version,
    effectiveDate: version.effectiveDate,
    publishedAt: (version.publishedAt ?? new Date(0)).toISOString(),
    changeNote: version.changeNote,
  }
}

export function guideVersionsRepository(db: Kysely<Database>) {
  return {
    async find(itemCode: string, version: number): Promise<StoredGuideVersion | undefined> {
      const row = await selectVersions(db, itemCode).where('version', '=', version).executeTakeFirst()
      return row && toStored(row)
    },

    async findDraft(itemCode: string): Promise<StoredGuideVersion | undefined> {
      const row = await selectVersions(db, itemCode).where('status', '=', 'draft').executeTakeFirst()
      return row && toStored(row)
    },

    /** Every version that was ever published (current and superseded), newest first. */
    async listPublished(itemCode: string): Promise<StoredGuideVersion[]> {
      const rows = await selectVersions(db, itemCode).where('status', 'in', ['published', 'superseded']).orderBy('version', 'desc').execute()
      return rows.map(toStored)
    },

    async deleteDraft(itemCode: string): Promise<void> {
      await db.deleteFrom('guide_versions').where('item_code', '=', itemCode).where('status', '=', 'draft').execute()
    },

    async supersedePublished(itemCode: string): Promise<void> {
      await db.updateTable('guide_versions').set({ status: 'superseded' }).where('item_code', '=', itemCode).where('status', '=', 'published').execute()
    },

    async insert(version: NewGuideVersion): Promise<void> {
      await db
        .insertInto('guide_versions')
        .values({
          item_code: version.itemCode,
          version: version.version,
          status: version.status,
          content: JSON.stringify(version.content),
          content_hash: version.contentHash,
          effective_date: version.effectiveDate,
          change_note: version.changeNote,
          published_at: version.publishedAt,
          problems: JSON.stringify(version.problems),
        })
        .execute()
    },
  }
}
