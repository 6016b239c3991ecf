import type { ApplicationForm } from '../../contract/application-form.ts'
import { keptApplicationValues } from '../../contract/application-validation.ts'
import type { Material } from '../../contract/guides.ts'
import type { ApplicationSubmission, SubmissionMaterial } from '../application/submission.ts'
import type { DraftRecord } from '../db/app-db.ts'
import type { AttachedFile } from './application-materials.ts'
import { commitmentText } from './application-materials.ts'
import type { Translate } from './translate.ts'

/**
 * The write the outbox sends for a checked draft: the values normalised as the server keeps them
 * (hidden fields dropped), each applicable material as its files on the phone or deferred with the
 * commitment text the applicant confirmed. A plain object, ready for IndexedDB.
 */
export function toSubmission(draft: DraftRecord, form: ApplicationForm, materials: Material[], files: AttachedFile[], t: Translate): ApplicationSubmission {
  const submissionMaterials: SubmissionMaterial[] = []
  for (const material of materials) {
    const choice = draft.materials[material.id]
    if (material.deferrable && choice?.deferred) {
      submissionMaterials.push({ materialId: material.id, deferred: true, commitment: commitmentText(material, t) })
      continue
    }
    const fileIds = files.filter((file) => file.materialId === material.id).map((file) => file.id)
    if (fileIds.length > 0) submissionMaterials.push({ materialId: material.id, fileIds })
  }
  const submission: ApplicationSubmission = {
    draftId: draft.id,
    itemCode: draft.itemCode,
    itemName: draft.itemName,
    guideVersion: draft.guideVersion,
    situationAnswers: draft.answers,
    values: keptApplicationValues(form, draft.values, draft.answers),
    materials: submissionMaterials,
  }
  return JSON.parse(JSON.stringify(submission)) as ApplicationSubmission
}
