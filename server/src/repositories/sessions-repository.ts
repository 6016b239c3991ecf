import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { staffAccountsRepository, type StaffIdentity } from './staff-accounts-repository.ts'

/** A session row's timing: sliding expiry is decided from it. */
export interface SessionTiming {
  lastSeenAt: Date
  expiresAt: Date
}

export interface NewSession {
  tokenHash: string
  now: Date
  expiresAt: Date
}

export function citizenSessionsRepository(db: Kysely<Database>) {
  return {
    async create(citizenId: string, { tokenHash, now, expiresAt }: NewSession): Promise<void> {
      await db
        .insertInto('citizen_sessions')
        .values({ token_hash: tokenHash, citizen_id: citizenId, created_at: now, last_seen_at: now, expires_at: expiresAt })
        .execute()
    },

    /** The citizen of a live (unexpired) session, or undefined. */
    async findLive(tokenHash: string, now: Date): Promise<({ citizen: { id: string; phone: string } } & SessionTiming) | undefined> {
      const row = await db
        .selectFrom('citizen_sessions')
        .innerJoin('citizens', 'citizens.id', 'citizen_sessions.citizen_id')
        .select(['citizens.id', 'citizens.phone', 'citizen_sessions.last_seen_at', 'citizen_sessions.expires_at'])
        .where('citizen_sessions.token_hash', '=', tokenHash)
        .where('citizen_sessions.expires_at', '>', now)
        .executeTakeFirst()
      return row && { citizen: { id: row.id, phone: row.phone }, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at }
    },

    /** Slides the session's expiry forward on use. */
    async touch(tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
      await db.updateTable('citizen_sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute()
    },

    async delete(tokenHash: string): Promise<void> {
      await db.deleteFrom('citizen_sessions').where('token_hash', '=', tokenHash).execute()
    },

    async deleteExpired(now: Date): Promise<void> {
      await db.deleteFrom('citizen_sessions').where('expires_at', '<=', now).execute()
    },
  }
}

export function staffSessionsRepository(db: Kysely<Database>) {
  return {
    async create(staffId: string, { tokenHash, now, expiresAt }: NewSession): Promise<void> {
      await db
        .insertInto('staff_sessions')
        .values({ token_hash: tokenHash, staff_id: staffId, created_at: now, last_seen_at: now, expires_at: expiresAt })
        .execute()
    },

    /** The staff member of a live session whose account is not disabled, with halls and departments. */
    async findLive(tokenHash: string, now: Date): Promise<({ staff: StaffIdentity } & SessionTiming) | undefined> {
      const session = await db
        .selectFrom('staff_sessions')
        .select(['staff_id', 'last_seen_at', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', now)
        .executeTakeFirst()
      if (!session) return undefined
      const staff = await staffAccountsRepository(db).findActiveIdentity(session.staff_id)
      return staff && { staff, lastSeenAt: session.last_seen_at, expiresAt: session.expires_at }
    },

    async touch(tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
      await db.updateTable('staff_sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute()
    },

    async delete(tokenHash: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute()
    },

    /** Ends every session of an account (disabled, or its password was reset). */
    async deleteForStaff(staffId: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute()
    },

    async deleteExpired(now: Date): Promise<void> {
      await db.deleteFrom('staff_sessions').where('expires_at', '<=', now).execute()
    },
  }
}
