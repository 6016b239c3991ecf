import { expect, test } from 'vitest'
import type { ApplicationForm } from '../../../contract/application-form.ts'
import { makeApplicationForm } from '../../unit/contract/application-form-factory.ts'
import { i18n } from '../../../src/modules/i18n.ts'
import { applicableMaterials, materialProblems, type AttachedFile } from '../../../src/domain/application-materials.ts'
import { formQuestions } from '../../../src/domain/application-situations.ts'
import { makeGuide, makeMaterial } from '../../web/support/guide-factory.ts'

const t = i18n.global.t
const guide = makeGuide({
  materials: [
    makeMaterial({ id: 'id-card', name: '居民身份证' }),
    makeMaterial({ id: 'household-register', name: '居民户口簿', deferrable: true }),
    makeMaterial({ id: 'agent-id', name: '代办人居民身份证', when: { applicant: ['agent'] } }),
    makeMaterial({ id: 'photo', name: '照片', required: false }),
  ],
})
const form: ApplicationForm = { ...makeApplicationForm(), materialIds: ['id-card', 'household-register', 'agent-id', 'photo'] }
const file = (materialId: string, state: AttachedFile['state'] = 'uploaded'): AttachedFile => ({ id: `${materialId}-1`, materialId, name: 'a.jpg', mediaType: 'image/jpeg', bytes: 1, state, progress: 1, error: null })

test('the questions asked first are those the form or its materials depend on, in the guide order', () => {
  // applicant: group and prefill conditions and a material; employment is named by a field but not a guide question; apply_type by nothing.
  expect(formQuestions(guide, form).map((question) => question.id)).toEqual(['applicant'])
  expect(formQuestions({ ...guide, materials: [] }, { ...form, groups: [form.groups[2]!] })).toEqual([])
})

test("the materials asked for follow the form's order and the situation", () => {
  expect(applicableMaterials(guide, form, { applicant: 'self' }).map((material) => material.id)).toEqual(['id-card', 'household-register', 'photo'])
  expect(applicableMaterials(guide, form, { applicant: 'agent' }).map((material) => material.id)).toEqual(['id-card', 'household-register', 'agent-id', 'photo'])
})

test('a required material needs a file or, when deferrable, a deferral with its commitment; optional ones need nothing', () => {
  const materials = applicableMaterials(guide, form, { applicant: 'self' })
  expect(materialProblems(materials, {}, [], t)).toEqual([
    { fieldKey: 'materials.id-card', message: '请上传“居民身份证”' },
    { fieldKey: 'materials.household-register', message: '请上传“居民户口簿”，或选择暂缓提交' },
  ])
  expect(materialProblems(materials, { 'household-register': { deferred: true, commitmentAccepted: false } }, [file('id-card')], t)).toEqual([
    { fieldKey: 'materials.household-register', message: '“居民户口簿”选择了暂缓提交，请阅读并确认告知承诺' },
  ])
  expect(materialProblems(materials, { 'household-register': { deferred: true, commitmentAccepted: true } }, [file('id-card')], t)).toEqual([])
  // A file the server refused must be retried or removed first.
  expect(materialProblems(materials, {}, [file('id-card', 'failed'), file('household-register')], t)).toEqual([
    { fieldKey: 'materials.id-card', message: '“居民身份证”有附件上传失败，请重新上传或删除' },
  ])
  // Waiting files (offline) are fine: the outbox uploads them when the application is sent.
  expect(materialProblems(materials, {}, [file('id-card', 'waiting'), file('household-register', 'waiting')], t)).toEqual([])
})
