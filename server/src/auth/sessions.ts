import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { citizenSessionsRepository, staffSessionsRepository } from '../repositories/sessions-repository.ts'
import type { SessionKind } from './session-cookies.ts'
import { newSessionToken, sessionTokenHash } from './tokens.ts'

/** A session just started: the token goes into the cookie and nowhere else. */
export interface StartedSession {
  token: string
  expiresAt: Date
}

export function sessionsRepository(db: Kysely<Database>, kind: SessionKind) {
  return kind === 'citizen' ? citizenSessionsRepository(db) : staffSessionsRepository(db)
}

/** Starts a session of a citizen or staff member (run it in the sign-in's transaction). */
export async function startSession(
  db: Kysely<Database>,
  kind: SessionKind,
  subjectId: string,
  { now, lifetimeMs }: { now: Date; lifetimeMs: number },
): Promise<StartedSession> {
  const token = newSessionToken()
  const expiresAt = new Date(now.getTime() + lifetimeMs)
  const sessions = sessionsRepository(db, kind)
  // Expired rows are cleared here, at sign-in, rather than by a scheduled job.
  await sessions.deleteExpired(now)
  await sessions.create(subjectId, { tokenHash: sessionTokenHash(token), now, expiresAt })
  return { token, expiresAt }
}

/** Ends the session of a token (signing out). */
export async function endSession(db: Kysely<Database>, kind: SessionKind, token: string): Promise<void> {
  await sessionsRepository(db, kind).delete(sessionTokenHash(token))
}
