import type { ComplaintDetail, ComplaintInput, ComplaintReceipt } from '../../../contract/complaints.ts'
import { rateComplaint, submitComplaint, uploadComplaintPhoto, type ComplaintRatingWrite } from '../../api/complaints.ts'
import { storeComplaint } from '../../db/complaint-cache.ts'
import { i18n } from '../../modules/i18n.ts'
import { noteRequestLeaving, requestLeftBefore, uploadIdOf } from '../../outbox/file-uploads.ts'

/**
 * What the outbox keeps of a complaint until the server has it. Photos stay on the phone
 * (draftFiles, already compressed) and are referred to by id: uploads need a connection, the
 * outbox does not.
 */
export interface ComplaintSubmission {
  draftId: string
  input: Omit<ComplaintInput, 'photoIds'>
  photoFileIds: string[]
}

/**
 * Sends one complaint: uploads the photos not on the server yet, then files it with the outbox
 * item's id as the Idempotency-Key, so a retry after a dropped connection gets the first receipt
 * (and its query code), never a second complaint. The receipt is kept on the phone with its query
 * code, for 我的投诉 and reading offline.
 */
export async function sendComplaint(id: string, ownerId: string | undefined, submission: ComplaintSubmission): Promise<ComplaintReceipt> {
  const upload = {
    upload: async (blob: Blob) => {
      const photo = await uploadComplaintPhoto(blob)
      return { uploadId: photo.photoId, expiresAt: photo.expiresAt }
    },
    missingMessage: i18n.global.t('complaints.receipt.photoMissing'),
    requestLeft: await requestLeftBefore(id),
  }
  const photoIds: string[] = []
  for (const fileId of submission.photoFileIds) photoIds.push(await uploadIdOf(fileId, upload))
  await noteRequestLeaving(id)
  const receipt = await submitComplaint({ ...submission.input, photoIds }, id)
  await storeComplaint(ownerId ?? '', receipt.complaint, new Date().toISOString(), receipt.queryCode)
  return receipt
}

/** Sends a rating of the answer (by session, or by the query code kept for an anonymous complaint); keeps the complaint as answered. */
export async function sendComplaintRating(id: string, ownerId: string | undefined, write: ComplaintRatingWrite): Promise<ComplaintDetail> {
  const detail = await rateComplaint(write, id)
  await storeComplaint(ownerId ?? '', detail, new Date().toISOString(), write.queryCode)
  return detail
}
