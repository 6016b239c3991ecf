import type { ApplicationFieldValue } from '../../contract/application-form.ts'
import type { CaseDetail } from '../../contract/applications.ts'
import type { CorrectionResponseInput } from '../../contract/case-lifecycle.ts'
import { sendCorrectionResponse } from '../api/cases.ts'
import { uploadMaterialFile } from '../api/applications.ts'
import { db } from '../db/app-db.ts'
import { storeCase } from '../db/case-cache.ts'
import { i18n } from '../modules/i18n.ts'
import { noteRequestLeaving, requestLeftBefore, uploadIdOf } from '../outbox/file-uploads.ts'

/**
 * What the outbox keeps of an answer to a correction request (补正) until the server has it. The
 * new files stay on the phone (draftFiles, under `filesKey`) and are referred to by id: uploads
 * need a connection, the outbox does not.
 */
export interface CorrectionSubmission {
  caseNumber: string
  itemName: string
  /** The draftFiles key the answer's files are kept under (correctionFilesKey). */
  filesKey: string
  materials: Array<{ materialId: string; fileIds: string[] }>
  values: Record<string, ApplicationFieldValue>
  /** A word to the staff, shown in the timeline; null when the citizen wrote none. */
  note: string | null
}

/**
 * Where a citizen's files for one case's correction are kept on the phone: per citizen, so that
 * sign-out removes them (db/personal-data.ts deletes every key starting `correction:<ownerId>:`).
 */
export const correctionFilesKey = (ownerId: string, caseNumber: string): string => `correction:${ownerId}:${caseNumber}`

/**
 * Sends one answer: uploads whatever files are not on the server yet, then answers with the outbox
 * item's id as the Idempotency-Key, so a retry after a dropped connection gets the first answer,
 * never a second resubmission. The case as the server answers it is kept for offline reading, and
 * the files leave the phone.
 */
export async function sendCorrection(id: string, ownerId: string | undefined, submission: CorrectionSubmission): Promise<CaseDetail> {
  const requestLeft = await requestLeftBefore(id)
  const upload = { upload: uploadMaterialFile, missingMessage: i18n.global.t('cases.correction.fileMissing'), requestLeft }
  const materials: CorrectionResponseInput['materials'] = []
  for (const material of submission.materials) {
    const uploadIds: string[] = []
    for (const fileId of material.fileIds) uploadIds.push(await uploadIdOf(fileId, upload))
    materials.push({ materialId: material.materialId, uploadIds })
  }
  await noteRequestLeaving(id)
  const detail = await sendCorrectionResponse(
    submission.caseNumber,
    { materials, values: submission.values, ...(submission.note ? { note: submission.note } : {}) },
    id,
  )
  if (ownerId) await storeCase(ownerId, detail, new Date().toISOString())
  await db.draftFiles.where('draftId').equals(submission.filesKey).delete()
  return detail
}
