import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

/** The first answer given to a write, kept so a retry with the same key gets the same answer. */
export interface StoredResponse {
  statusCode: number
  body: unknown
}

export interface IdempotencyClaim {
  /** Whose key it is ('citizen:<id>', 'staff:<id>', 'anonymous'): keys of different principals never meet. */
  principal: string
  key: string
  operation: string
  fingerprint: string
}

export function idempotencyKeysRepository(db: Kysely<Database>) {
  return {
    /**
     * Inserts the key unless it exists. On PostgreSQL a concurrent insert of the same key waits
     * here until the first transaction ends, so only one of them ever returns true.
     */
    async claim({ principal, key, operation, fingerprint }: IdempotencyClaim): Promise<boolean> {
      const inserted = await db
        .insertInto('idempotency_keys')
        .values({ principal, key, operation, fingerprint, status_code: null, response_body: null })
        .onConflict((conflict) => conflict.columns(['principal', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst()
      return inserted !== undefined
    },

    async find(principal: string, key: string): Promise<(IdempotencyClaim & { response: StoredResponse }) | undefined> {
      const row = await db
        .selectFrom('idempotency_keys')
        .select(['principal', 'key', 'operation', 'fingerprint', 'status_code', 'response_body'])
        .where('principal', '=', principal)
        .where('key', '=', key)
        .executeTakeFirst()
      if (!row) return undefined
      if (row.status_code === null) throw new Error(`Idempotency key ${key} was committed without a response`)
      return { ...row, response: { statusCode: row.status_code, body: row.response_body } }
    },

    async saveResponse(principal: string, key: string, response: StoredResponse): Promise<void> {
      await db
        .updateTable('idempotency_keys')
        .set({ status_code: response.statusCode, response_body: JSON.stringify(response.body) })
        .where('principal', '=', principal)
        .where('key', '=', key)
        .execute()
    },
  }
}
