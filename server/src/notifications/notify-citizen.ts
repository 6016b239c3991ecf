import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

/**
 * What a notification is about: a case's new status, a correction request (补正), the result
 * ready to collect, a follow-up's outcome after a poor rating. The app picks an icon by it.
 */
export type NotificationKind = 'case_status' | 'correction_requested' | 'result_ready' | 'follow_up_outcome' | 'appointment_reminder' | 'home_service' | 'appointment_cancelled' | 'complaint_answered'

export interface CitizenNotice {
  citizenId: string
  kind: NotificationKind
  /** The case it is about (opened when the citizen taps the notification); none for general notices. */
  caseNumber?: string | null
  /**
   * The app path tapping it opens, e.g. /complaints/TS-20261125-0001; a notice about a case opens
   * the case (/me/cases/<caseNumber>) unless it says otherwise.
   */
  link?: string | null
  /** Short, shown as the push title and in bold in the list (at most 100 characters). */
  title: string
  /** One or two sentences in Chinese (at most 1000 characters). */
  body: string
  now?: Date
}

type NotificationStoredListener = () => void
const listeners = new Set<NotificationStoredListener>()

/**
 * Called (synchronously) whenever notifyCitizen stores a row. The push sender listens, and sends
 * once the request that stored it has answered, i.e. after its transaction committed.
 */
export function onNotificationStored(listener: NotificationStoredListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const TITLE_MAX = 100
const BODY_MAX = 1000

function clip(text: string, max: number): string {
  const trimmed = text.trim()
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1)}…`
}

/** Where the notice leads: its own link, else its case, else nowhere beyond the list. */
function noticeLink(notice: CitizenNotice): string | null {
  const link = notice.link ?? (notice.caseNumber ? `/me/cases/${encodeURIComponent(notice.caseNumber)}` : null)
  if (link !== null && !/^\/[^/]/.test(link)) throw new RangeError(`a notification links to an app path, not ${link}`)
  return link
}

/**
 * Tells a citizen something about their case: stores the notification in the caller's
 * transaction (so it exists exactly when the change it tells about does) and marks it for Web
 * Push, which goes out after the commit (notifications/push-sender.ts). A push failure never
 * fails the caller. Answers the notification's id.
 */
export async function notifyCitizen(trx: Kysely<Database>, notice: CitizenNotice): Promise<string> {
  const row = await trx
    .insertInto('notifications')
    .values({
      citizen_id: notice.citizenId,
      kind: notice.kind,
      case_number: notice.caseNumber ?? null,
      link: noticeLink(notice),
      title: clip(notice.title, TITLE_MAX),
      body: clip(notice.body, BODY_MAX),
      created_at: notice.now ?? new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const listener of listeners) listener()
  return row.id
}
