import type { Kysely } from 'kysely'
import type { ApplicationFieldError } from '../../../contract/application-form.ts'
import { keptApplicationValues, validateApplication } from '../../../contract/application-validation.ts'
import { MATERIAL_FIELD_PREFIX, type CaseMaterial } from '../../../contract/applications.ts'
import { checkCaseTransition, type CorrectionResponseInput } from '../../../contract/case-lifecycle.ts'
import type { Database } from '../db/schema.ts'
import { ApplicationInvalidError } from '../applications/submit-application.ts'
import { ApiError, notFound } from '../http-errors.ts'
import { casesRepository } from '../repositories/cases-repository.ts'
import { guideVersionsRepository } from '../repositories/guide-versions-repository.ts'
import { uploadsRepository } from '../repositories/uploads-repository.ts'
import { shanghaiDate } from '../time.ts'
import { CaseTransitionNotAllowedError, transitionCase, type CaseTransitionOutcome, type TransitionContext } from './transition-case.ts'

/** 422 CORRECTION_INCOMPLETE: an item not answered, or something answered that was not asked; answered with `fieldErrors`. */
export class CorrectionIncompleteError extends ApiError {
  readonly fieldErrors: ApplicationFieldError[]

  constructor(fieldErrors: ApplicationFieldError[]) {
    super(422, 'CORRECTION_INCOMPLETE', `补正内容有${fieldErrors.length}处需要处理，请按提示补充后重新提交`)
    this.fieldErrors = fieldErrors
  }
}

const quoted = (text: string) => `“${text}”`

/** Whether a validation problem's key belongs to one of `fieldKeys` (the field itself or one of its table cells). */
function concerns(fieldKeys: ReadonlySet<string>, errorKey: string): boolean {
  for (const key of fieldKeys) if (errorKey === key || errorKey.startsWith(`${key}.`) || errorKey.startsWith(`${key}[`)) return true
  return false
}

/**
 * The applicant's answer to the open correction request (补正), in the caller's transaction:
 * every requested material with new uploads (the citizen's own, unexpired, unattached; they
 * replace the material's files) and every requested field with a new value, checked with
 * validateApplication against the case's guide version form. Then the case moves
 * correction_requested → resubmitted through transitionCase. 404 for a case that is not the
 * citizen's; 409 when no correction is pending; 422 CORRECTION_INCOMPLETE or APPLICATION_INVALID
 * with fieldErrors. Writes nothing when refused.
 */
export async function answerCorrection(
  trx: Kysely<Database>,
  caseNumber: string,
  response: CorrectionResponseInput,
  citizenId: string,
  context: TransitionContext,
): Promise<CaseTransitionOutcome> {
  const cases = casesRepository(trx)
  await cases.lock(caseNumber)
  const stored = await cases.find(caseNumber, { citizenId })
  if (!stored) throw notFound('未找到该办件，请核对办件编号')
  const check = checkCaseTransition({ status: stored.status, accepted: stored.acceptedOn !== null }, 'resubmit', 'applicant')
  if (!check.ok || !stored.correction) throw new CaseTransitionNotAllowedError(check.ok ? '该办件没有待补正的内容' : check.message)

  const requestedMaterials = new Map(stored.correction.items.flatMap((item) => ('materialId' in item ? [[item.materialId, item.name] as const] : [])))
  const requestedFields = new Map(stored.correction.items.flatMap((item) => ('fieldKey' in item ? [[item.fieldKey, item.name] as const] : [])))
  const problems: ApplicationFieldError[] = []

  const answeredMaterials = new Map<string, string[]>()
  for (const entry of response.materials) {
    const fieldKey = `${MATERIAL_FIELD_PREFIX}${entry.materialId}`
    if (!requestedMaterials.has(entry.materialId)) problems.push({ fieldKey, message: '该材料不在补正告知中，无需提交' })
    else if (answeredMaterials.has(entry.materialId)) problems.push({ fieldKey, message: `${quoted(requestedMaterials.get(entry.materialId)!)}重复提交，请合并为一项` })
    else answeredMaterials.set(entry.materialId, entry.uploadIds)
  }
  for (const [materialId, name] of requestedMaterials) {
    if (!answeredMaterials.has(materialId)) problems.push({ fieldKey: `${MATERIAL_FIELD_PREFIX}${materialId}`, message: `请上传补正材料${quoted(name)}` })
  }
  for (const fieldKey of Object.keys(response.values)) {
    if (!requestedFields.has(fieldKey)) problems.push({ fieldKey, message: '该项不在补正告知中，无需修改' })
  }
  for (const [fieldKey, name] of requestedFields) {
    if (!Object.hasOwn(response.values, fieldKey)) problems.push({ fieldKey, message: `请填写补正内容${quoted(name)}` })
  }
  if (problems.length > 0) throw new CorrectionIncompleteError(problems)

  // The uploads: the caller's own, not expired, not attached elsewhere, not one used twice.
  const now = context.now
  const uploadIds = [...answeredMaterials.values()].flat()
  const attachable = new Map((await uploadsRepository(trx).findAttachable(citizenId, uploadIds, now)).map((upload) => [upload.uploadId, upload]))
  const duplicated = new Set(uploadIds.filter((uploadId, index) => uploadIds.indexOf(uploadId) !== index))
  for (const [materialId, ids] of answeredMaterials) {
    if (ids.some((uploadId) => !attachable.has(uploadId) || duplicated.has(uploadId))) {
      problems.push({ fieldKey: `${MATERIAL_FIELD_PREFIX}${materialId}`, message: `${quoted(requestedMaterials.get(materialId)!)}的文件已失效或无法使用，请重新上传` })
    }
  }

  // The form values, checked again as a whole against the case's guide version.
  const today = shanghaiDate(now)
  const guide = (await guideVersionsRepository(trx).find(stored.itemCode, stored.guideVersion))?.content
  let values = stored.values
  if (requestedFields.size > 0) {
    const form = guide?.applicationForm
    if (!form) throw new ApiError(422, 'APPLICATION_NOT_ONLINE', '该事项的申请表已不可用，请到窗口办理补正')
    const merged = { ...stored.values, ...response.values }
    const fieldKeys = new Set(requestedFields.keys())
    // Only the corrected fields can be wrong now: the rest were accepted as they are.
    problems.push(...validateApplication(form, merged, stored.situationAnswers, { today }).filter((error) => concerns(fieldKeys, error.fieldKey)))
    if (problems.length === 0) values = keptApplicationValues(form, merged, stored.situationAnswers, { today })
  }
  if (problems.length > 0) throw new ApplicationInvalidError(problems)

  const guideNames = new Map((guide?.materials ?? []).map((material) => [material.id, material.name]))
  const materials: CaseMaterial[] = stored.materials.map((material) => {
    const ids = answeredMaterials.get(material.materialId)
    return ids ? { ...material, deferred: false, commitment: null, files: ids.map((uploadId) => attachable.get(uploadId)!) } : material
  })
  for (const [materialId, ids] of answeredMaterials) {
    if (!materials.some((material) => material.materialId === materialId)) {
      const name = guideNames.get(materialId) ?? requestedMaterials.get(materialId)!
      materials.push({ materialId, name, deferred: false, commitment: null, files: ids.map((uploadId) => attachable.get(uploadId)!) })
    }
  }
  if ((await uploadsRepository(trx).attach(citizenId, uploadIds, stored.id)) !== uploadIds.length) {
    throw new ApplicationInvalidError([{ fieldKey: MATERIAL_FIELD_PREFIX.slice(0, -1), message: '部分文件已用于另一项申请，请重新上传后提交' }])
  }

  return transitionCase(
    trx,
    caseNumber,
    {
      action: 'resubmit',
      ...(response.note !== undefined && { note: response.note }),
      values,
      materials,
      answered: { materials: [...answeredMaterials].map(([materialId, ids]) => ({ materialId, uploadIds: ids })), fieldKeys: [...requestedFields.keys()] },
    },
    { kind: 'citizen', citizenId },
    context,
  )
}
