import type { Kysely } from 'kysely'
import type { Upload, UploadMediaType } from '../../../contract/applications.ts'
import type { Database } from '../db/schema.ts'

export interface NewUpload {
  citizenId: string
  sha256: string
  fileName: string
  mediaType: UploadMediaType
  bytes: number
  createdAt: Date
  expiresAt: Date
}

/** An upload as a submission attaches it. */
export interface AttachableUpload {
  uploadId: string
  sha256: string
  fileName: string
  mediaType: string
  bytes: number
}

/** Uploaded materials. Every query names the citizen: an upload is only ever its uploader's. */
export function uploadsRepository(db: Kysely<Database>) {
  return {
    async insert(upload: NewUpload): Promise<Upload> {
      const row = await db
        .insertInto('uploads')
        .values({
          citizen_id: upload.citizenId,
          sha256: upload.sha256,
          file_name: upload.fileName,
          media_type: upload.mediaType,
          bytes: upload.bytes,
          created_at: upload.createdAt,
          expires_at: upload.expiresAt,
          case_id: null,
        })
        .returning(['id', 'expires_at'])
        .executeTakeFirstOrThrow()
      return {
        uploadId: row.id,
        sha256: upload.sha256,
        mediaType: upload.mediaType,
        bytes: upload.bytes,
        fileName: upload.fileName,
        expiresAt: row.expires_at.toISOString(),
      }
    },

    /** The citizen's uploads among `uploadIds` that are not attached to a case and have not expired. */
    async findAttachable(citizenId: string, uploadIds: readonly string[], now: Date): Promise<AttachableUpload[]> {
      if (uploadIds.length === 0) return []
      const rows = await db
        .selectFrom('uploads')
        .select(['id', 'sha256', 'file_name', 'media_type', 'bytes'])
        .where('citizen_id', '=', citizenId)
        .where('id', 'in', [...uploadIds])
        .where('case_id', 'is', null)
        .where('expires_at', '>', now)
        .execute()
      return rows.map((row) => ({ uploadId: row.id, sha256: row.sha256, fileName: row.file_name, mediaType: row.media_type, bytes: row.bytes }))
    },

    /**
     * Attaches the citizen's unattached uploads to a case; answers how many it attached. A
     * concurrent submission attaching the same upload waits on the row lock and then finds it
     * attached, so an upload belongs to one case at most.
     */
    async attach(citizenId: string, uploadIds: readonly string[], caseId: string): Promise<number> {
      if (uploadIds.length === 0) return 0
      const result = await db
        .updateTable('uploads')
        .set({ case_id: caseId })
        .where('citizen_id', '=', citizenId)
        .where('id', 'in', [...uploadIds])
        .where('case_id', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows)
    },

    /** Forgets uploads that expired without being attached (their bytes may be shared by others). */
    async deleteExpired(now: Date): Promise<number> {
      const result = await db.deleteFrom('uploads').where('case_id', 'is', null).where('expires_at', '<=', now).executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}
