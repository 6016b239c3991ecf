import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { auditLogRepository } from '../repositories/audit-log-repository.ts'

/** Who acted: a staff member (as `request.staff` gives it), or a system actor such as a CLI command. */
export type AuditActor = { id: string; username: string } | { system: string }

/**
 * Records one staff action in the audit log: who, what (`action`, e.g. `case.accept`), on what
 * (`target`, e.g. `case:<id>`), details, and when. Call it inside the transaction of the action,
 * so the entry exists exactly when the action happened. `detail` must never hold passwords, ID
 * numbers or other personal data beyond what identifies the target.
 */
export async function auditLog(
  db: Kysely<Database>,
  actor: AuditActor,
  action: string,
  target: string | null,
  detail: Record<string, unknown> = {},
  at: Date = new Date(),
): Promise<void> {
  const who = 'system' in actor ? { staffId: null, actor: actor.system } : { staffId: actor.id, actor: actor.username }
  await auditLogRepository(db).insert({ ...who, action, target, detail, at })
}
