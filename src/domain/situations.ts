// 情形引导: which materials and steps apply to a citizen's situation. Framework-free, so the
// guide page, the print view and the tests share one reading of a guide's `when` conditions.
import type { GuideContent, GuideStep, Material, SituationCondition, SituationQuestion } from '../../contract/guides.ts'

/** The citizen's answers so far: question id → option id. A question left out is unanswered. */
export type SituationAnswers = Readonly<Record<string, string>>

/**
 * Whether something with condition `when` applies to `answers`: for every question it names,
 * the answer is one of its options. An unanswered question never rules anything out, so a
 * half-answered guide shows more rather than hiding what might be needed.
 */
export function appliesTo(when: SituationCondition, answers: SituationAnswers): boolean {
  if (when === null) return true
  return Object.entries(when).every(([questionId, options]) => {
    const answer = answers[questionId]
    return answer === undefined || options.includes(answer)
  })
}

/** Only the answers that name a question and option the guide actually has (stale session answers drop out). */
export function validAnswers(situations: readonly SituationQuestion[], answers: SituationAnswers): Record<string, string> {
  const valid: Record<string, string> = {}
  for (const question of situations) {
    const answer = answers[question.id]
    if (answer !== undefined && question.options.some((option) => option.id === answer)) valid[question.id] = answer
  }
  return valid
}

export interface SituationSelection {
  materials: Material[]
  steps: GuideStep[]
  /** Questions not answered yet: while any remain, the lists may include what does not apply. */
  unanswered: SituationQuestion[]
  /** How many materials the answers left out. */
  hiddenMaterialCount: number
}

/** The materials and steps of `guide` that apply to `answers`, in the guide's order. */
export function selectForSituation(guide: Pick<GuideContent, 'materials' | 'steps' | 'situations'>, answers: SituationAnswers): SituationSelection {
  const valid = validAnswers(guide.situations, answers)
  const allMaterials = guide.materials ?? []
  const materials = allMaterials.filter((material) => appliesTo(material.when, valid))
  const steps = (guide.steps ?? []).filter((step) => appliesTo(step.when, valid))
  const unanswered = guide.situations.filter((question) => valid[question.id] === undefined)
  return { materials, steps, unanswered, hiddenMaterialCount: allMaterials.length - materials.length }
}
