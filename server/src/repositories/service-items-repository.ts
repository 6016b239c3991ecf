import { sql, type Kysely, type Selectable } from 'kysely'
import { guideOfflineBytes } from '../../../contract/guide-files.ts'
import type { Audience, CatalogueEntry, GuideContent } from '../../../contract/guides.ts'
import type { Database, ServiceItemsTable } from '../db/schema.ts'
import { searchPinyin } from '../guides/pinyin.ts'

const entryColumns = [
  'code',
  'basic_code',
  'name',
  'audiences',
  'department_id',
  'theme_ids',
  'keywords',
  'search_pinyin',
  'search_initials',
  'case_type',
  'visits_required',
  'popularity',
  'current_version',
  'updated_at',
  'offline_bytes',
] as const

type EntryRow = Pick<Selectable<ServiceItemsTable>, (typeof entryColumns)[number]>

function toEntry(row: EntryRow): CatalogueEntry {
  return {
    code: row.code,
    basicCode: row.basic_code,
    name: row.name,
    audiences: row.audiences,
    departmentId: row.department_id,
    themeIds: row.theme_ids,
    keywords: row.keywords,
    pinyin: row.search_pinyin,
    initials: row.search_initials,
    caseType: row.case_type,
    visitsRequired: row.visits_required,
    popularity: row.popularity,
    version: row.current_version ?? 1,
    updatedAt: row.updated_at.toISOString(),
    offlineBytes: row.offline_bytes,
  }
}

/** The columns search reads: pinyin for the phone's index, and the lower-case text `q` matches (name, keywords, codes, pinyin). */
function searchColumns(code: string, basicCode: string, content: GuideContent) {
  const { pinyin, initials } = searchPinyin(content.name, content.keywords)
  return {
    search_pinyin: JSON.stringify(pinyin),
    search_initials: JSON.stringify(initials),
    search_text: [content.name, ...content.keywords, code, basicCode, ...pinyin.map((text) => text.replaceAll(' ', '')), ...initials]
      .join('\n')
      .toLowerCase(),
  }
}

/** `%` and `_` typed by a citizen are literal characters, not LIKE wildcards. */
function likeContaining(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

export interface CatalogueFilters {
  audience?: Audience | undefined
  departmentId?: string | undefined
  themeId?: string | undefined
  q?: string | undefined
  page: number
  pageSize: number
}

/** What the catalogue row of an item says besides its guide. */
export interface ItemListing {
  code: string
  basicCode: string
  implementationCode: string | null
  popularity: number
}

export type ItemRow = Selectable<ServiceItemsTable>

export function serviceItemsRepository(db: Kysely<Database>) {
  return {
    /** The item's row, locked for the rest of the transaction (publishing and withdrawing). */
    async findForUpdate(code: string): Promise<ItemRow | undefined> {
      return db.selectFrom('service_items').selectAll().where('code', '=', code).forUpdate().executeTakeFirst()
    },

    async findPublishedRow(code: string): Promise<ItemRow | undefined> {
      return db.selectFrom('service_items').selectAll().where('code', '=', code).where('status', '=', 'published').executeTakeFirst()
    },

    /** Creates the row of an item whose first guide is a draft: not listed until published. */
    async insertDraftItem(listing: ItemListing, content: GuideContent): Promise<void> {
      await db
        .insertInto('service_items')
        .values({
          code: listing.code,
          basic_code: listing.basicCode,
          implementation_code: listing.implementationCode,
          department_id: content.departmentId,
          popularity: listing.popularity,
          status: 'draft',
          current_version: null,
          name: content.name,
          audiences: JSON.stringify(content.audiences),
          theme_ids: JSON.stringify(content.themeIds),
          keywords: JSON.stringify(content.keywords),
          ...searchColumns(listing.code, listing.basicCode, content),
        })
        .execute()
    },

    /** Makes `version` of `content` the item's published guide, stamped with the change sequence value. */
    async savePublished(listing: ItemListing, content: GuideContent, version: number, changeSeq: string, now: Date): Promise<void> {
      const columns = {
        basic_code: listing.basicCode,
        implementation_code: listing.implementationCode,
        department_id: content.departmentId,
        popularity: listing.popularity,
        status: 'published' as const,
        current_version: version,
        name: content.name,
        audiences: JSON.stringify(content.audiences),
        theme_ids: JSON.stringify(content.themeIds),
        keywords: JSON.stringify(content.keywords),
        case_type: content.caseType,
        visits_required: content.visitsRequired,
        ...searchColumns(listing.code, listing.basicCode, content),
        offline_bytes: guideOfflineBytes(content),
        updated_at: now,
        change_seq: changeSeq,
      }
      await db
        .insertInto('service_items')
        .values({ code: listing.code, ...columns })
        .onConflict((conflict) => conflict.column('code').doUpdateSet(columns))
        .execute()
    },

    /** Changes the catalogue facts that are not part of the guide (codes, popularity). */
    async updateListing(listing: ItemListing, content: GuideContent, changeSeq: string, now: Date): Promise<void> {
      await db
        .updateTable('service_items')
        .set({
          basic_code: listing.basicCode,
          implementation_code: listing.implementationCode,
          popularity: listing.popularity,
          ...searchColumns(listing.code, listing.basicCode, content),
          updated_at: now,
          change_seq: changeSeq,
        })
        .where('code', '=', listing.code)
        .execute()
    },

    async markWithdrawn(code: string, changeSeq: string, now: Date): Promise<void> {
      await db.updateTable('service_items').set({ status: 'withdrawn', updated_at: now, change_seq: changeSeq }).where('code', '=', code).execute()
    },

    /** One page of published entries matching every filter given, hot items first. */
    async listEntries(filters: CatalogueFilters): Promise<{ items: CatalogueEntry[]; total: number }> {
      let query = db.selectFrom('service_items').where('status', '=', 'published')
      if (filters.audience) query = query.where(sql<boolean>`audiences @> ${JSON.stringify([filters.audience])}::jsonb`)
      if (filters.themeId) query = query.where(sql<boolean>`theme_ids @> ${JSON.stringify([filters.themeId])}::jsonb`)
      if (filters.departmentId) query = query.where('department_id', '=', filters.departmentId)
      if (filters.q) query = query.where('search_text', 'like', likeContaining(filters.q.trim()))
      const { total } = await query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow()
      const rows = await query
        .select(entryColumns)
        .orderBy('popularity')
        .orderBy('code')
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize)
        .execute()
      return { items: rows.map(toEntry), total: Number(total) }
    },

    /** Published entries and withdrawn codes changed after `since` (everything published without it). */
    async changesSince(since: string | null): Promise<{ changed: CatalogueEntry[]; withdrawn: string[] }> {
      let query = db.selectFrom('service_items').select([...entryColumns, 'status'])
      query = since === null ? query.where('status', '=', 'published') : query.where('change_seq', '>', since).where('status', 'in', ['published', 'withdrawn'])
      const rows = await query.orderBy('popularity').orderBy('code').execute()
      return {
        changed: rows.filter((row) => row.status === 'published').map(toEntry),
        withdrawn: rows.filter((row) => row.status === 'withdrawn').map((row) => row.code),
      }
    },

    async count(): Promise<number> {
      const { count } = await db.selectFrom('service_items').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()
      return Number(count)
    },
  }
}
