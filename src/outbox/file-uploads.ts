import { db } from '../db/app-db.ts'

/** An upload the server still keeps for at least this long is attached as it is; an older one is sent again. */
const UPLOAD_MARGIN_MS = 60 * 60 * 1000

export interface UploadedFile {
  uploadId: string
  expiresAt: string
}

/**
 * The upload id of a file kept on the phone (draftFiles) for a write in the outbox, uploading it
 * first when it has none or when its upload is about to expire — unless the write's request has
 * already left the phone once (`requestLeft`). Then the ids it carried are kept as they are, even
 * expired: the server may have the write already, and only the very same request is answered as
 * its replay; a fresh upload id would make it a different request, refused as
 * IDEMPOTENCY_KEY_REUSED while the server holds what it acknowledged.
 */
export async function uploadIdOf(
  fileId: string,
  options: { upload: (blob: Blob, name: string) => Promise<UploadedFile>; missingMessage: string; requestLeft: boolean },
): Promise<string> {
  const file = await db.draftFiles.get(fileId)
  if (!file) throw new Error(options.missingMessage)
  if (file.uploadId && (options.requestLeft || (file.uploadExpiresAt && Date.parse(file.uploadExpiresAt) - Date.now() > UPLOAD_MARGIN_MS))) return file.uploadId
  const upload = await options.upload(file.blob, file.name)
  await db.draftFiles.update(fileId, { uploadId: upload.uploadId, uploadExpiresAt: upload.expiresAt })
  return upload.uploadId
}

/** Whether a write's request has left the phone before (see uploadIdOf). */
export async function requestLeftBefore(writeId: string): Promise<boolean> {
  return (await db.outbox.get(writeId))?.requestLeftAt != null
}

/** Notes, before the request goes, that the server may have the write from now on. */
export async function noteRequestLeaving(writeId: string): Promise<void> {
  await db.outbox.update(writeId, { requestLeftAt: new Date().toISOString() })
}
