import { expect, test } from 'vitest'
import type { GuideContent, GuideStep, Material } from '../../../contract/guides.ts'
import { appliesTo, selectForSituation, validAnswers } from '../../../src/domain/situations.ts'

const material = (id: string, when: Material['when']): Material => ({
  id,
  name: `材料${id}`,
  form: 'original',
  originals: 1,
  copies: 0,
  specification: null,
  source: 'applicant',
  sourceNote: null,
  electronicRequired: false,
  electronicForm: false,
  required: true,
  deferrable: false,
  legalBases: [{ title: '《中华人民共和国居民身份证法》', article: '第十条', text: null }],
  intermediary: null,
  sample: null,
  blankForm: null,
  sampleForm: null,
  note: null,
  when,
})
const step = (name: string, when: GuideStep['when']): GuideStep => ({ name, description: null, timeLimit: null, reviewStandard: null, result: null, when })

const guide: Pick<GuideContent, 'materials' | 'steps' | 'situations'> = {
  situations: [
    { id: 'apply_type', question: '办理类型', options: [{ id: 'first', label: '首次申领' }, { id: 'renew', label: '换领' }, { id: 'lost', label: '补领' }] },
    { id: 'applicant', question: '谁来办理', options: [{ id: 'self', label: '本人' }, { id: 'agent', label: '代办人' }] },
  ],
  materials: [
    material('hukou', null),
    material('old-card', { apply_type: ['renew'] }),
    material('agent-id', { applicant: ['agent'] }),
    material('renew-or-lost-by-agent', { apply_type: ['renew', 'lost'], applicant: ['agent'] }),
  ],
  steps: [step('受理', null), step('收回旧证', { apply_type: ['renew'] })],
}

test('a condition applies when every question it names is answered with one of its options', () => {
  expect(appliesTo(null, {})).toBe(true)
  expect(appliesTo({ apply_type: ['renew', 'lost'] }, { apply_type: 'lost' })).toBe(true)
  expect(appliesTo({ apply_type: ['renew'] }, { apply_type: 'first' })).toBe(false)
  expect(appliesTo({ apply_type: ['renew'], applicant: ['agent'] }, { apply_type: 'renew', applicant: 'self' })).toBe(false)
})

test('an unanswered question rules nothing out', () => {
  expect(appliesTo({ apply_type: ['renew'] }, {})).toBe(true)
  expect(appliesTo({ apply_type: ['renew'], applicant: ['agent'] }, { applicant: 'agent' })).toBe(true)
})

test('with no answers everything shows and every question counts as unanswered', () => {
  const selection = selectForSituation(guide, {})
  expect(selection.materials.map((m) => m.id)).toEqual(['hukou', 'old-card', 'agent-id', 'renew-or-lost-by-agent'])
  expect(selection.unanswered.map((q) => q.id)).toEqual(['apply_type', 'applicant'])
  expect(selection.hiddenMaterialCount).toBe(0)
})

test('answers narrow materials and steps, in the guide order', () => {
  const firstBySelf = selectForSituation(guide, { apply_type: 'first', applicant: 'self' })
  expect(firstBySelf.materials.map((m) => m.id)).toEqual(['hukou'])
  expect(firstBySelf.steps.map((s) => s.name)).toEqual(['受理'])
  expect(firstBySelf.unanswered).toEqual([])
  expect(firstBySelf.hiddenMaterialCount).toBe(3)

  const renewByAgent = selectForSituation(guide, { apply_type: 'renew', applicant: 'agent' })
  expect(renewByAgent.materials.map((m) => m.id)).toEqual(['hukou', 'old-card', 'agent-id', 'renew-or-lost-by-agent'])
  expect(renewByAgent.steps.map((s) => s.name)).toEqual(['受理', '收回旧证'])
})

test('answers to questions or options the guide does not have are ignored', () => {
  expect(validAnswers(guide.situations, { apply_type: 'stolen', applicant: 'self', other: 'x' })).toEqual({ applicant: 'self' })
  expect(selectForSituation(guide, { apply_type: 'stolen' }).materials).toHaveLength(4)
})

test('a guide without materials or steps (not given) selects none', () => {
  expect(selectForSituation({ materials: null, steps: null, situations: [] }, {})).toEqual({ materials: [], steps: [], unanswered: [], hiddenMaterialCount: 0 })
})
