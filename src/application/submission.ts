import type { ApplicationInput, CaseReceipt } from '../../contract/applications.ts'
import type { ApplicationValues } from '../../contract/application-form.ts'
import { submitApplication, uploadMaterialFile } from '../api/applications.ts'
import { db } from '../db/app-db.ts'
import { i18n } from '../modules/i18n.ts'
import { noteRequestLeaving, requestLeftBefore, uploadIdOf } from '../outbox/file-uploads.ts'

/** A material as the outbox keeps it: the phone's files (uploaded when sent), or deferred with the commitment. */
export type SubmissionMaterial = { materialId: string; fileIds: string[] } | { materialId: string; deferred: true; commitment: string }

/**
 * What the outbox keeps of a one-form application until the server has it. Files stay on the
 * phone (draftFiles) and are referred to by id: uploads need a connection, the outbox does not.
 */
export interface ApplicationSubmission {
  draftId: string
  itemCode: string
  itemName: string
  guideVersion: number
  situationAnswers: Record<string, string>
  values: ApplicationValues
  materials: SubmissionMaterial[]
}

/**
 * Sends one application: uploads whatever files are not on the server yet, then submits with the
 * outbox item's id as the Idempotency-Key, so a retry after a dropped connection gets the first
 * receipt, never a second case. The receipt is kept on the phone for 我的 and offline reading.
 */
export async function sendApplication(id: string, ownerId: string | undefined, submission: ApplicationSubmission): Promise<CaseReceipt> {
  const requestLeft = await requestLeftBefore(id)
  const upload = { upload: uploadMaterialFile, missingMessage: i18n.global.t('application.receipt.fileMissing'), requestLeft }
  const materials: ApplicationInput['materials'] = []
  for (const material of submission.materials) {
    if ('fileIds' in material) {
      const uploadIds: string[] = []
      for (const fileId of material.fileIds) uploadIds.push(await uploadIdOf(fileId, upload))
      materials.push({ materialId: material.materialId, uploadIds })
    } else materials.push(material)
  }
  await noteRequestLeaving(id)
  const receipt = await submitApplication(
    { itemCode: submission.itemCode, guideVersion: submission.guideVersion, situationAnswers: submission.situationAnswers, values: submission.values, materials },
    id,
  )
  if (ownerId) {
    await db.cases.put({ id, ownerId, itemCode: receipt.itemCode, itemName: receipt.itemName, caseNumber: receipt.caseNumber, receipt, submittedAt: receipt.submittedAt })
  }
  return receipt
}
