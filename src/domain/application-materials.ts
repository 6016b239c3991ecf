import { conditionHolds, type ApplicationFieldError, type ApplicationForm, type ApplicationSituationAnswers } from '../../contract/application-form.ts'
import { MATERIAL_FIELD_PREFIX } from '../../contract/applications.ts'
import type { GuideContent, Material } from '../../contract/guides.ts'
import type { DraftMaterialChoice } from '../db/app-db.ts'
import type { Translate } from './translate.ts'

/** How far a file attached on the phone has got. waiting: kept on the phone, uploaded when there is a connection. */
export type AttachedFileState = 'preparing' | 'waiting' | 'uploading' | 'uploaded' | 'failed'

/** A file attached to a material, as the pages show it. */
export interface AttachedFile {
  id: string
  materialId: string
  name: string
  mediaType: string
  bytes: number
  state: AttachedFileState
  /** Share uploaded, 0…1, while uploading. */
  progress: number
  /** Why the upload failed (Chinese), when it did. */
  error: string | null
}

/** The guide materials the form asks to attach for `answers`, in the form's order. */
export function applicableMaterials(guide: GuideContent, form: ApplicationForm, answers: ApplicationSituationAnswers): Material[] {
  const byId = new Map((guide.materials ?? []).map((material) => [material.id, material]))
  return form.materialIds.flatMap((id) => {
    const material = byId.get(id)
    return material && conditionHolds(material.when, answers) ? [material] : []
  })
}

/** The key of a material's problem, as the server reports it too. */
export const materialFieldKey = (materialId: string): string => `${MATERIAL_FIELD_PREFIX}${materialId}`

/** The 告知承诺 the applicant confirms for a deferred material; this exact text is sent. */
export function commitmentText(material: Material, t: Translate): string {
  return t('application.materials.commitmentText', { material: material.name })
}

/**
 * What stops the materials from being sent: a required material with no file that is not deferred,
 * a deferred one whose commitment is not confirmed, a file whose upload the server refused.
 */
export function materialProblems(materials: Material[], choices: Record<string, DraftMaterialChoice>, files: AttachedFile[], t: Translate): ApplicationFieldError[] {
  const problems: ApplicationFieldError[] = []
  for (const material of materials) {
    const choice = choices[material.id]
    const attached = files.filter((file) => file.materialId === material.id)
    const fieldKey = materialFieldKey(material.id)
    if (material.deferrable && choice?.deferred) {
      if (!choice.commitmentAccepted) problems.push({ fieldKey, message: t('application.materials.commitmentRequired', { material: material.name }) })
      continue
    }
    if (attached.some((file) => file.state === 'failed')) problems.push({ fieldKey, message: t('application.materials.uploadFailed', { material: material.name }) })
    else if (material.required && attached.length === 0) {
      problems.push({ fieldKey, message: t(material.deferrable ? 'application.materials.missingDeferrable' : 'application.materials.missing', { material: material.name }) })
    }
  }
  return problems
}
