import type { Kysely } from 'kysely'
import type { AuditEntry } from '../../../contract/staff.ts'
import type { Database } from '../db/schema.ts'

export interface NewAuditEntry {
  staffId: string | null
  actor: string
  action: string
  target: string | null
  detail: Record<string, unknown>
  at: Date
}

export function auditLogRepository(db: Kysely<Database>) {
  return {
    async insert(entry: NewAuditEntry): Promise<void> {
      await db
        .insertInto('audit_log')
        .values({
          staff_id: entry.staffId,
          actor: entry.actor,
          action: entry.action,
          target: entry.target,
          detail: JSON.stringify(entry.detail),
          at: entry.at,
        })
        .execute()
    },

    /** The newest entries first, older than `before` (an entry id) when given. */
    async page({ before, limit }: { before?: string | undefined; limit: number }): Promise<AuditEntry[]> {
      let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit)
      if (before !== undefined) query = query.where('id', '<', before)
      const rows = await query.execute()
      return rows.map((row) => ({
        id: String(row.id),
        at: row.at.toISOString(),
        staffId: row.staff_id,
        actor: row.actor,
        action: row.action,
        target: row.target,
        detail: row.detail,
      }))
    },
  }
}
