import { sql, type Kysely } from 'kysely'
import type { ApplicationForm, ApplicationValues } from '../../../contract/application-form.ts'
import type { CaseStatus } from '../../../contract/applications.ts'
import type { Database } from '../db/schema.ts'

/** A case as the public lookup reads it: the progress, and what the verification is checked against. */
export interface LookedUpCase {
  caseNumber: string
  itemName: string
  handlingBody: string
  status: CaseStatus
  submittedAt: Date
  promisedDate: string | null
  formValues: ApplicationValues
  /** The form the case was submitted on (its fields' types say which values are phones and ID numbers). */
  form: ApplicationForm | null
  /** The mobile number of the account that submitted the case. */
  accountPhone: string
  steps: { at: Date; status: CaseStatus }[]
}

/** Never a case's id: the queries of a lookup for a number that does not exist run against it. */
const noCaseId = '00000000-0000-0000-0000-000000000000'

export function caseLookupRepository(db: Kysely<Database>) {
  return {
    /**
     * Serialises the lookups of one client and of one case number until the transaction ends,
     * so parallel tries cannot all pass the limits' counts at once (always address, then number).
     */
    async lock(addressHash: string, caseNumber: string): Promise<void> {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`case-lookup:address:${addressHash}`}))`.execute(db)
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`case-lookup:case:${caseNumber}`}))`.execute(db)
    },

    /** Tries from the address since `since`, oldest first (only their times). */
    async triesFromAddress(addressHash: string, since: Date): Promise<Date[]> {
      const rows = await db
        .selectFrom('case_lookup_attempts')
        .select('at')
        .where('address_hash', '=', addressHash)
        .where('at', '>', since)
        .orderBy('at')
        .execute()
      return rows.map((row) => row.at)
    },

    /** Wrong tries for the case number since `since`, oldest first. */
    async failuresForCaseNumber(caseNumber: string, since: Date): Promise<Date[]> {
      const rows = await db
        .selectFrom('case_lookup_attempts')
        .select('at')
        .where('case_number', '=', caseNumber)
        .where('matched', '=', false)
        .where('at', '>', since)
        .orderBy('at')
        .execute()
      return rows.map((row) => row.at)
    },

    async recordTry(addressHash: string, caseNumber: string, matched: boolean, at: Date): Promise<void> {
      await db.insertInto('case_lookup_attempts').values({ address_hash: addressHash, case_number: caseNumber, matched, at }).execute()
    },

    /** Forgets tries older than `before`: no limit looks back that far. */
    async forgetTriesBefore(before: Date): Promise<void> {
      await db.deleteFrom('case_lookup_attempts').where('at', '<', before).execute()
    },

    /**
     * The case under `caseNumber` with its form, account phone and steps, else undefined. The
     * same queries run either way (against an id no case has when there is none), so a lookup
     * of a number that does not exist costs what one that does costs.
     */
    async find(caseNumber: string): Promise<LookedUpCase | undefined> {
      const row = await db
        .selectFrom('cases')
        .innerJoin('citizens', 'citizens.id', 'cases.citizen_id')
        .select([
          'cases.id as id',
          'cases.case_number as case_number',
          'cases.item_code as item_code',
          'cases.guide_version as guide_version',
          'cases.item_name as item_name',
          'cases.handling_body as handling_body',
          'cases.status as status',
          'cases.submitted_at as submitted_at',
          sql<string | null>`cases.expected_completion_date::text`.as('expected_completion_date'),
          'cases.form_values as form_values',
          'citizens.phone as account_phone',
        ])
        .where('cases.case_number', '=', caseNumber)
        .executeTakeFirst()
      const form = await db
        .selectFrom('guide_versions')
        .select(sql<ApplicationForm | null>`content->'applicationForm'`.as('form'))
        .where('item_code', '=', row?.item_code ?? '')
        .where('version', '=', row?.guide_version ?? 0)
        .executeTakeFirst()
      const steps = await db
        .selectFrom('case_events')
        .select(['at', 'status'])
        .where('case_id', '=', row?.id ?? noCaseId)
        .orderBy('at')
        .orderBy('id')
        .execute()
      if (!row) return undefined
      return {
        caseNumber: row.case_number,
        itemName: row.item_name,
        handlingBody: row.handling_body,
        status: row.status,
        submittedAt: row.submitted_at,
        promisedDate: row.expected_completion_date,
        formValues: row.form_values,
        form: form?.form ?? null,
        accountPhone: row.account_phone,
        steps,
      }
    },
  }
}
