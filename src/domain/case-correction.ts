import { allFields, isEmptyValue, type ApplicationField, type ApplicationFieldError, type ApplicationForm, type ApplicationValues } from '../../contract/application-form.ts'
import { validateApplication } from '../../contract/application-validation.ts'
import type { CaseCorrectionRequest } from '../../contract/case-lifecycle.ts'
import type { Material } from '../../contract/guides.ts'
import { materialFieldKey, type AttachedFile } from './application-materials.ts'
import type { Translate } from './translate.ts'

type CorrectionRequestItem = CaseCorrectionRequest['items'][number]

/** A requested material: new files to attach. */
export type MaterialCorrectionItem = Extract<CorrectionRequestItem, { materialId: string }>
/** A requested form field: a new value. */
export type FieldCorrectionItem = Extract<CorrectionRequestItem, { fieldKey: string }>

export const isMaterialItem = (item: CorrectionRequestItem): item is MaterialCorrectionItem => 'materialId' in item

/**
 * A requested material as the upload list shows it: the guide's own (specification, blank and
 * sample forms) when the phone has the guide, else just its name; always required, never
 * deferrable, and with what staff asked for as its note.
 */
export function correctionMaterial(item: MaterialCorrectionItem, guideMaterial: Material | undefined): Material {
  const base: Material = guideMaterial ?? {
    id: item.materialId,
    name: item.name,
    form: null,
    originals: null,
    copies: null,
    specification: null,
    source: null,
    sourceNote: null,
    electronicRequired: null,
    electronicForm: null,
    required: true,
    deferrable: false,
    legalBases: [],
    intermediary: null,
    sample: null,
    blankForm: null,
    sampleForm: null,
    note: null,
    when: null,
  }
  return { ...base, name: item.name, required: true, deferrable: false, note: item.need, when: null }
}

/** The form field a field item asks to correct; undefined when the form (or the field) is not on the phone. */
export function correctionField(item: FieldCorrectionItem, form: ApplicationForm | null): ApplicationField | undefined {
  return form ? allFields(form).find((field) => field.key === item.fieldKey) : undefined
}

/**
 * What stops an answer from being sent — every item must be answered (一次性告知, answered at
 * once): a requested material without a new file, or with a file the server refused; a requested
 * field left empty or not valid by the form's own rules (validateApplication on the case's values
 * with the new ones, as the server checks it).
 */
export function correctionProblems(
  correction: CaseCorrectionRequest,
  answer: { values: ApplicationValues; files: AttachedFile[] },
  context: { form: ApplicationForm | null; caseValues: ApplicationValues; situationAnswers: Record<string, string>; t: Translate },
): ApplicationFieldError[] {
  const { form, t } = context
  const problems: ApplicationFieldError[] = []
  const merged = { ...context.caseValues, ...answer.values }
  const formErrors = form ? validateApplication(form, merged, context.situationAnswers) : []
  // In the order the page asks: the fields first, then the materials.
  for (const item of correction.items) {
    if (isMaterialItem(item)) continue
    if (!(item.fieldKey in answer.values) || isEmptyValue(answer.values[item.fieldKey])) {
      problems.push({ fieldKey: item.fieldKey, message: t('cases.correction.fieldMissing', { name: item.name }) })
      continue
    }
    const invalid = formErrors.find((error) => error.fieldKey === item.fieldKey || error.fieldKey.startsWith(`${item.fieldKey}[`))
    if (invalid) problems.push({ fieldKey: item.fieldKey, message: invalid.message })
  }
  for (const item of correction.items.filter(isMaterialItem)) {
    const files = answer.files.filter((file) => file.materialId === item.materialId)
    const fieldKey = materialFieldKey(item.materialId)
    if (files.some((file) => file.state === 'failed')) problems.push({ fieldKey, message: t('application.materials.uploadFailed', { material: item.name }) })
    else if (files.length === 0) problems.push({ fieldKey, message: t('cases.correction.materialMissing', { name: item.name }) })
  }
  return problems
}
