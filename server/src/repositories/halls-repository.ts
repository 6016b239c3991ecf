import type { Kysely } from 'kysely'
import type { Hall, HallSummary, HallWindow } from '../../../contract/halls.ts'
import type { Database, HallRow } from '../db/schema.ts'

const summaryColumns = [
  'id',
  'name',
  'kind',
  'address',
  'map_url',
  'phones',
  'opening_hours',
  'verification',
  'updated_at',
] as const

function toSummary(row: Pick<HallRow, (typeof summaryColumns)[number]>): HallSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    address: row.address,
    mapUrl: row.map_url,
    phones: row.phones,
    openingHours: row.opening_hours,
    verification: row.verification,
    updatedAt: row.updated_at.toISOString(),
  }
}

export function hallsRepository(db: Kysely<Database>) {
  return {
    /** All halls, the district centre first (sort_order), as list summaries. */
    async listSummaries(): Promise<HallSummary[]> {
      const rows = await db.selectFrom('halls').select(summaryColumns).orderBy('sort_order').orderBy('id').execute()
      return rows.map(toSummary)
    },

    /** One hall with zones, accessibility facilities and its windows with staff cards. */
    async findById(id: string): Promise<Hall | undefined> {
      const row = await db
        .selectFrom('halls')
        .select([...summaryColumns, 'zones', 'accessibility'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row) return undefined
      const windowRows = await db
        .selectFrom('hall_windows')
        .select(['id', 'number', 'name', 'handles'])
        .where('hall_id', '=', id)
        .orderBy('sort_order')
        .execute()
      const staffRows = windowRows.length
        ? await db
            .selectFrom('window_staff')
            .select(['window_id', 'name', 'duties', 'contact'])
            .where(
              'window_id',
              'in',
              windowRows.map((window) => window.id),
            )
            .orderBy('window_id')
            .orderBy('sort_order')
            .execute()
        : []
      const windows: HallWindow[] = windowRows.map((window) => ({
        id: window.id,
        number: window.number,
        name: window.name,
        handles: window.handles,
        staff: staffRows
          .filter((staff) => staff.window_id === window.id)
          .map(({ name, duties, contact }) => ({ name, duties, contact })),
      }))
      return { ...toSummary(row), zones: row.zones, accessibility: row.accessibility, windows }
    },

    async exists(id: string): Promise<boolean> {
      const row = await db.selectFrom('halls').select('id').where('id', '=', id).executeTakeFirst()
      return row !== undefined
    },

    async count(): Promise<number> {
      const { count } = await db
        .selectFrom('halls')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow()
      return Number(count)
    },

    /** Writes a hall with its windows and staff; used by the seed, inside its transaction. */
    async insert(hall: Omit<Hall, 'updatedAt'>, sortOrder: number): Promise<void> {
      await db
        .insertInto('halls')
        .values({
          id: hall.id,
          name: hall.name,
          kind: hall.kind,
          sort_order: sortOrder,
          address: hall.address,
          map_url: hall.mapUrl,
          phones: JSON.stringify(hall.phones),
          opening_hours: JSON.stringify(hall.openingHours),
          zones: JSON.stringify(hall.zones),
          accessibility: JSON.stringify(hall.accessibility),
          verification: hall.verification,
        })
        .execute()
      for (const [windowIndex, window] of hall.windows.entries()) {
        await db
          .insertInto('hall_windows')
          .values({
            id: window.id,
            hall_id: hall.id,
            number: window.number,
            name: window.name,
            handles: JSON.stringify(window.handles),
            sort_order: windowIndex,
          })
          .execute()
        if (window.staff.length === 0) continue
        await db
          .insertInto('window_staff')
          .values(window.staff.map((staff, staffIndex) => ({ window_id: window.id, ...staff, sort_order: staffIndex })))
          .execute()
      }
    },
  }
}
