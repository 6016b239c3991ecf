import type { ApplicationForm } from '../../contract/application-form.ts'
import type { GuideContent, SituationQuestion } from '../../contract/guides.ts'

/**
 * The guide's 情形引导 questions the form depends on: named in a condition of a group, a field, a
 * prefill, or one of the form's materials. These are asked first; the others do not change the form.
 */
export function formQuestions(guide: GuideContent, form: ApplicationForm): SituationQuestion[] {
  const named = new Set<string>()
  const add = (condition: Record<string, string[]> | null | undefined) => Object.keys(condition ?? {}).forEach((id) => named.add(id))
  for (const group of form.groups) {
    add(group.when)
    for (const field of group.fields) {
      add(field.when)
      if ('prefillWhen' in field) add(field.prefillWhen)
    }
  }
  for (const material of guide.materials ?? []) if (form.materialIds.includes(material.id)) add(material.when)
  return guide.situations.filter((question) => named.has(question.id))
}
