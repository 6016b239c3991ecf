import type { Kysely } from 'kysely'
import { auditLog } from '../audit/audit-log.ts'
import type { Database } from '../db/schema.ts'
import { staffAccountsRepository, type StaffIdentity } from '../repositories/staff-accounts-repository.ts'
import { verifyPassword } from './passwords.ts'
import { startSession, type StartedSession } from './sessions.ts'

/** Consecutive wrong passwords that lock an account … */
export const STAFF_LOCKOUT_FAILURES = 5
/** … for this long. */
export const STAFF_LOCKOUT_MINUTES = 15

export type StaffSignInOutcome =
  | { ok: true; staff: StaffIdentity; session: StartedSession }
  | { ok: false; reason: 'invalid' | 'disabled' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number }

function locked(until: Date, now: Date): StaffSignInOutcome {
  return { ok: false, reason: 'locked', retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) }
}

/**
 * Password sign-in of a staff member. Unknown usernames and wrong passwords get the same answer
 * after the same work (argon2 runs either way). The fifth consecutive wrong password locks the
 * account for 15 minutes, during which even the right password is refused. Attempts on existing
 * accounts are audit-logged with the client address; attempts on unknown usernames are not (a
 * password typed into the username field must not end up in the log).
 */
export async function signInStaff(
  db: Kysely<Database>,
  { username, password, clientAddress, now, lifetimeMs }: { username: string; password: string; clientAddress: string; now: Date; lifetimeMs: number },
): Promise<StaffSignInOutcome> {
  const credentials = await staffAccountsRepository(db).findCredentials(username)
  if (credentials?.lockedUntil && credentials.lockedUntil > now) {
    await auditLog(db, credentials, 'staff.sign_in_refused', `staff_account:${credentials.id}`, { reason: 'locked', address: clientAddress }, now)
    return locked(credentials.lockedUntil, now)
  }
  const matches = await verifyPassword(credentials?.passwordHash, password)
  if (!credentials) return { ok: false, reason: 'invalid' }
  const actor = { id: credentials.id, username: credentials.username }
  const target = `staff_account:${credentials.id}`

  if (!matches) {
    const lockUntil = new Date(now.getTime() + STAFF_LOCKOUT_MINUTES * 60_000)
    const nowLocked = await db.transaction().execute(async (trx) => {
      const isLocked = await staffAccountsRepository(trx).recordFailedSignIn(credentials.id, STAFF_LOCKOUT_FAILURES, lockUntil)
      await auditLog(trx, actor, 'staff.sign_in_failed', target, { address: clientAddress, locked: isLocked }, now)
      return isLocked
    })
    return nowLocked ? locked(lockUntil, now) : { ok: false, reason: 'invalid' }
  }
  if (credentials.disabled) {
    await auditLog(db, actor, 'staff.sign_in_refused', target, { reason: 'disabled', address: clientAddress }, now)
    return { ok: false, reason: 'disabled' }
  }
  return db.transaction().execute(async (trx): Promise<StaffSignInOutcome> => {
    const accounts = staffAccountsRepository(trx)
    if (!(await accounts.recordSuccessfulSignIn(credentials.id, now))) {
      // A concurrent wrong password locked the account between the check and now.
      return locked(new Date(now.getTime() + STAFF_LOCKOUT_MINUTES * 60_000), now)
    }
    const staff = await accounts.findActiveIdentity(credentials.id)
    if (!staff) return { ok: false, reason: 'disabled' }
    const session = await startSession(trx, 'staff', staff.id, { now, lifetimeMs })
    await auditLog(trx, actor, 'staff.sign_in', target, { address: clientAddress }, now)
    return { ok: true, staff, session }
  })
}
