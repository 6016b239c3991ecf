import type { Kysely } from 'kysely'
import type { Department, Theme } from '../../../contract/guides.ts'
import type { Database } from '../db/schema.ts'

export function departmentsRepository(db: Kysely<Database>) {
  return {
    /** All departments in the order the catalogue lists them. */
    async list(): Promise<Department[]> {
      const rows = await db.selectFrom('departments').select(['id', 'name', 'short_name']).orderBy('sort_order').orderBy('id').execute()
      return rows.map((row) => ({ id: row.id, name: row.name, shortName: row.short_name }))
    },

    async ids(): Promise<Set<string>> {
      const rows = await db.selectFrom('departments').select('id').execute()
      return new Set(rows.map((row) => row.id))
    },

    /** Adds or renames a department; a new one goes after the existing ones. */
    async upsert(department: Department, sortOrder: number): Promise<void> {
      await db
        .insertInto('departments')
        .values({ id: department.id, name: department.name, short_name: department.shortName, sort_order: sortOrder })
        .onConflict((conflict) => conflict.column('id').doUpdateSet({ name: department.name, short_name: department.shortName }))
        .execute()
    },

    async count(): Promise<number> {
      const { count } = await db.selectFrom('departments').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()
      return Number(count)
    },
  }
}

export function themesRepository(db: Kysely<Database>) {
  return {
    async list(): Promise<Theme[]> {
      return db.selectFrom('themes').select(['id', 'name', 'audience']).orderBy('sort_order').orderBy('id').execute()
    },

    async ids(): Promise<Set<string>> {
      const rows = await db.selectFrom('themes').select('id').execute()
      return new Set(rows.map((row) => row.id))
    },

    async upsert(theme: Theme, sortOrder: number): Promise<void> {
      await db
        .insertInto('themes')
        .values({ ...theme, sort_order: sortOrder })
        .onConflict((conflict) => conflict.column('id').doUpdateSet({ name: theme.name, audience: theme.audience }))
        .execute()
    },
  }
}
