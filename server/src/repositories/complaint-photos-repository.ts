import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

export interface NewComplaintPhoto {
  /** The uploader, or null for an upload without a session. */
  citizenId: string | null
  sha256: string
  mediaType: string
  bytes: number
  createdAt: Date
  expiresAt: Date
}

/**
 * Complaint photos. An upload without a session belongs to whoever holds its id; one with a
 * session only to its citizen. A photo is attached to one complaint at most.
 */
export function complaintPhotosRepository(db: Kysely<Database>) {
  return {
    async insert(photo: NewComplaintPhoto): Promise<{ photoId: string }> {
      const row = await db
        .insertInto('complaint_photos')
        .values({
          citizen_id: photo.citizenId,
          complaint_id: null,
          sort_order: null,
          sha256: photo.sha256,
          media_type: photo.mediaType,
          bytes: photo.bytes,
          created_at: photo.createdAt,
          expires_at: photo.expiresAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return { photoId: row.id }
    },

    /**
     * Attaches the photos to the complaint in the order given, if every one is unattached,
     * unexpired and the sender's (a signed-in sender's own or session-less uploads; a sender without
     * a session: session-less uploads only). Answers false, attaching none, otherwise. Rows are
     * locked first, so a photo raced for by two submissions ends up in one.
     */
    async attach(complaintId: string, photoIds: readonly string[], sender: { citizenId: string | null }, now: Date): Promise<boolean> {
      if (photoIds.length === 0) return true
      const rows = await db
        .selectFrom('complaint_photos')
        .select('id')
        .where('id', 'in', [...photoIds])
        .where('complaint_id', 'is', null)
        .where('expires_at', '>', now)
        .where((eb) => (sender.citizenId === null ? eb('citizen_id', 'is', null) : eb.or([eb('citizen_id', 'is', null), eb('citizen_id', '=', sender.citizenId)])))
        .forUpdate()
        .execute()
      if (rows.length !== photoIds.length) return false
      for (const [index, photoId] of photoIds.entries()) {
        await db.updateTable('complaint_photos').set({ complaint_id: complaintId, sort_order: index }).where('id', '=', photoId).execute()
      }
      return true
    },

    /** Forgets photos that expired without being attached (their bytes may be shared by others). */
    async deleteExpired(now: Date): Promise<void> {
      await db.deleteFrom('complaint_photos').where('complaint_id', 'is', null).where('expires_at', '<=', now).execute()
    },
  }
}
