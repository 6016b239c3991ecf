import type { Kysely, Selectable } from 'kysely'
import type { Company, CompanyInput } from '../../../contract/profile.ts'
import type { CitizenCompaniesTable, Database } from '../db/schema.ts'

function toCompany(row: Selectable<CitizenCompaniesTable>): Company {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    legalRepresentative: row.legal_representative,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}

/**
 * The companies a citizen acts for. Every query is scoped to the owner (`citizenId`), so an id
 * of someone else's company finds nothing and changes nothing.
 */
export function citizenCompaniesRepository(db: Kysely<Database>, citizenId: string) {
  const owned = () => db.selectFrom('citizen_companies').selectAll().where('citizen_id', '=', citizenId)
  return {
    async list(): Promise<Company[]> {
      return (await owned().orderBy('created_at').orderBy('id').execute()).map(toCompany)
    },

    async count(): Promise<number> {
      const { count } = await db
        .selectFrom('citizen_companies')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('citizen_id', '=', citizenId)
        .executeTakeFirstOrThrow()
      return Number(count)
    },

    /** Whether another of the citizen's companies has this credit code. */
    async hasCreditCode(creditCode: string, exceptId?: string): Promise<boolean> {
      let query = owned().where('credit_code', '=', creditCode)
      if (exceptId !== undefined) query = query.where('id', '!=', exceptId)
      return (await query.executeTakeFirst()) !== undefined
    },

    async create(input: CompanyInput, now: Date): Promise<Company> {
      const row = await db
        .insertInto('citizen_companies')
        .values({
          citizen_id: citizenId,
          name: input.name,
          credit_code: input.creditCode,
          legal_representative: input.legalRepresentative,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      return toCompany(row)
    },

    async update(id: string, input: CompanyInput, now: Date): Promise<Company | undefined> {
      const row = await db
        .updateTable('citizen_companies')
        .set({ name: input.name, credit_code: input.creditCode, legal_representative: input.legalRepresentative, updated_at: now })
        .where('id', '=', id)
        .where('citizen_id', '=', citizenId)
        .returningAll()
        .executeTakeFirst()
      return row && toCompany(row)
    },

    async delete(id: string): Promise<boolean> {
      const row = await db.deleteFrom('citizen_companies').where('id', '=', id).where('citizen_id', '=', citizenId).returning('id').executeTakeFirst()
      return row !== undefined
    },
  }
}
