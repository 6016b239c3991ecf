import type { Transaction } from 'kysely'
import { conditionHolds, type ApplicationFieldError } from '../../../contract/application-form.ts'
import { keptApplicationValues, validateApplication } from '../../../contract/application-validation.ts'
import { MATERIAL_FIELD_PREFIX, type ApplicationInput, type CaseMaterial, type CaseReceipt } from '../../../contract/applications.ts'
import type { GuideContent, Material } from '../../../contract/guides.ts'
import type { WorkingDayCalendar } from '../../../contract/working-days/working-days.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http-errors.ts'
import { casesRepository } from '../repositories/cases-repository.ts'
import { departmentsRepository } from '../repositories/departments-repository.ts'
import { guideVersionsRepository } from '../repositories/guide-versions-repository.ts'
import { serviceItemsRepository } from '../repositories/service-items-repository.ts'
import { uploadsRepository, type AttachableUpload } from '../repositories/uploads-repository.ts'
import { shanghaiDate } from '../time.ts'
import { caseReceipt } from './case-views.ts'
import { promisedCompletion } from './promised-completion.ts'

/** 422 APPLICATION_INVALID with every problem; answered with `fieldErrors` (contract ApplicationError). */
export class ApplicationInvalidError extends ApiError {
  readonly fieldErrors: ApplicationFieldError[]

  constructor(fieldErrors: ApplicationFieldError[]) {
    super(422, 'APPLICATION_INVALID', `申请有${fieldErrors.length}处需要修改，请按提示修改后重新提交`)
    this.fieldErrors = fieldErrors
  }
}

/** 409 GUIDE_VERSION_CHANGED; answered with `currentVersion` (contract ApplicationError). */
export class GuideVersionChangedError extends ApiError {
  readonly currentVersion: number

  constructor(currentVersion: number) {
    super(409, 'GUIDE_VERSION_CHANGED', `办事指南已更新为第${currentVersion}版，请查看变化并确认申请内容后重新提交`)
    this.currentVersion = currentVersion
  }
}

const quoted = (text: string) => `“${text}”`

/** The form's materials that apply to the situation, in the form's order (the form material itself excluded). */
function applicableMaterials(guide: GuideContent, answers: Record<string, string>): Material[] {
  const form = guide.applicationForm!
  const byId = new Map((guide.materials ?? []).map((material) => [material.id, material]))
  return form.materialIds
    .filter((id) => id !== form.formMaterialId)
    .map((id) => byId.get(id))
    .filter((material): material is Material => material !== undefined && conditionHolds(material.when, answers))
}

/** Problems with the situation answers: each names a question of the guide and one of its options. */
function situationErrors(guide: GuideContent, answers: Record<string, string>): ApplicationFieldError[] {
  return Object.entries(answers).flatMap(([questionId, optionId]) => {
    const question = guide.situations.find((candidate) => candidate.id === questionId)
    if (question && question.options.some((option) => option.id === optionId)) return []
    return [{ fieldKey: `situationAnswers.${questionId}`, message: question ? `请重新选择${quoted(question.question)}` : '所选办理情形已不适用，请重新选择' }]
  })
}

interface MaterialReading {
  materials: CaseMaterial[]
  uploadIds: string[]
  errors: ApplicationFieldError[]
}

/** Checks the materials against the guide and the caller's uploads; answers what the case keeps. */
async function readMaterials(trx: Transaction<Database>, citizenId: string, guide: GuideContent, input: ApplicationInput, now: Date): Promise<MaterialReading> {
  const applicable = applicableMaterials(guide, input.situationAnswers)
  const errors: ApplicationFieldError[] = []
  const given = new Map<string, ApplicationInput['materials'][number]>()
  for (const entry of input.materials) {
    const fieldKey = `${MATERIAL_FIELD_PREFIX}${entry.materialId}`
    const material = applicable.find((candidate) => candidate.id === entry.materialId)
    if (!material) errors.push({ fieldKey, message: '该材料不属于本次申请（或不适用于所选情形），请移除后重新提交' })
    else if (given.has(entry.materialId)) errors.push({ fieldKey, message: `${quoted(material.name)}重复提交，请合并为一项` })
    else given.set(entry.materialId, entry)
  }

  const requestedUploadIds = [...given.values()].flatMap((entry) => ('uploadIds' in entry ? entry.uploadIds : []))
  const uploads = new Map<string, AttachableUpload>(
    (await uploadsRepository(trx).findAttachable(citizenId, requestedUploadIds, now)).map((upload) => [upload.uploadId, upload]),
  )
  const materials: CaseMaterial[] = []
  const uploadIds: string[] = []
  for (const material of applicable) {
    const fieldKey = `${MATERIAL_FIELD_PREFIX}${material.id}`
    const entry = given.get(material.id)
    if (entry === undefined) {
      if (material.required) {
        errors.push({ fieldKey, message: material.deferrable ? `请上传${quoted(material.name)}，或选择容缺后补` : `请上传${quoted(material.name)}` })
      }
      continue
    }
    if ('deferred' in entry) {
      if (!material.deferrable) errors.push({ fieldKey, message: `${quoted(material.name)}不能容缺后补，请上传` })
      else materials.push({ materialId: material.id, name: material.name, deferred: true, commitment: entry.commitment.trim(), files: [] })
      continue
    }
    const files = entry.uploadIds.map((uploadId) => uploads.get(uploadId))
    if (files.some((file) => file === undefined) || uploadIds.some((uploadId) => entry.uploadIds.includes(uploadId))) {
      errors.push({ fieldKey, message: `${quoted(material.name)}的文件已失效或无法使用，请重新上传` })
      continue
    }
    uploadIds.push(...entry.uploadIds)
    materials.push({ materialId: material.id, name: material.name, deferred: false, commitment: null, files: files as AttachableUpload[] })
  }
  return { materials, uploadIds, errors }
}

export interface SubmissionContext {
  citizenId: string
  calendar: WorkingDayCalendar
  now: Date
}

/**
 * Creates the case of a one-form application, in the transaction of its idempotency key: the
 * item's current published guide must carry a form, the version must be the one filled in, the
 * values must pass validateApplication (the app's own check, same messages) and the materials the
 * guide's rules; then the case is stored with its first timeline entry and the uploads attached.
 * Throws ApiError (404, 409, 422) and writes nothing when refused.
 */
export async function submitApplication(trx: Transaction<Database>, input: ApplicationInput, { citizenId, calendar, now }: SubmissionContext): Promise<CaseReceipt> {
  const item = await serviceItemsRepository(trx).findPublishedRow(input.itemCode)
  const version = item?.current_version ? await guideVersionsRepository(trx).find(item.code, item.current_version) : undefined
  if (!item || !version) throw new ApiError(404, 'ITEM_NOT_FOUND', '未找到该事项，可能已调整或取消，请返回事项目录查看')
  const guide = version.content
  const form = guide.applicationForm
  if (!form) throw new ApiError(422, 'APPLICATION_NOT_ONLINE', '该事项暂不支持网上申请，请按办事指南到窗口办理')
  if (input.guideVersion !== version.version) throw new GuideVersionChangedError(version.version)

  const today = shanghaiDate(now)
  const fieldErrors = [
    ...situationErrors(guide, input.situationAnswers),
    ...validateApplication(form, input.values, input.situationAnswers, { today }),
  ]
  const reading = await readMaterials(trx, citizenId, guide, input, now)
  fieldErrors.push(...reading.errors)
  if (fieldErrors.length > 0) throw new ApplicationInvalidError(fieldErrors)

  const departmentName = (await departmentsRepository(trx).list()).find((department) => department.id === guide.departmentId)?.name
  const handlingBody = guide.implementingBody ?? departmentName ?? guide.departmentId
  const cases = casesRepository(trx)
  const created = await cases.create(
    {
      citizenId,
      itemCode: item.code,
      itemName: guide.name,
      guideVersion: version.version,
      guideContentHash: version.contentHash,
      departmentId: guide.departmentId,
      handlingBody,
      situationAnswers: input.situationAnswers,
      values: keptApplicationValues(form, input.values, input.situationAnswers, { today }),
      materials: reading.materials,
      promisedCompletion: promisedCompletion(guide.promisedTimeLimit, today, calendar),
      submittedAt: now,
    },
    { at: now, status: 'submitted', actorKind: 'citizen', actor: '申请人', note: `网上提交申请，等待${handlingBody}受理` },
  )
  if ((await uploadsRepository(trx).attach(citizenId, reading.uploadIds, created.id)) !== reading.uploadIds.length) {
    // Another submission attached one of them meanwhile: refuse, so no file serves two cases.
    throw new ApplicationInvalidError([{ fieldKey: MATERIAL_FIELD_PREFIX.slice(0, -1), message: '部分文件已用于另一项申请，请重新上传后提交' }])
  }
  const stored = await cases.find(created.caseNumber, { citizenId })
  return caseReceipt(stored!)
}
