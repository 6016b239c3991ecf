import { describe, expect, it } from 'vitest'
import { checkGuide, isPublishable, isVagueMaterialName } from '../../../contract/guide-rules.ts'
import { GUIDE_ELEMENTS, type GuideContent, type Material } from '../../../contract/guides.ts'

const basis = { title: '《中华人民共和国居民身份证法》', article: '第八条', text: null }

function material(overrides: Partial<Material> = {}): Material {
  return {
    id: 'household-register', name: '居民户口簿', form: 'original', originals: 1, copies: 0, specification: null, source: 'government',
    sourceNote: null, electronicRequired: false, electronicForm: false, required: true, deferrable: false, legalBases: [basis],
    intermediary: null, sample: null, blankForm: null, sampleForm: null, note: null, when: null, ...overrides,
  }
}

function emptyGuide(overrides: Partial<GuideContent> = {}): GuideContent {
  return {
    name: '居民身份证首次申领', itemType: null, caseType: null, legalBases: null, implementingBody: null, departmentId: 'public-security',
    acceptanceConditions: null, audiences: ['individual'], statutoryTimeLimit: null, promisedTimeLimit: null, results: null, fee: null,
    materials: null, deferrablePolicy: null, steps: null, handlingForms: null, reviewStandard: null, appointment: null, onlinePayment: null,
    locations: null, hours: null, consultation: null, supervision: null, visitsRequired: null, situations: [], keywords: [], themeIds: [],
    sourceExtra: {}, ...overrides,
  }
}

describe('isVagueMaterialName (第七条(一))', () => {
  it.each(['其他材料', '其它证明', '其他有关材料', '有关材料', '有关部门出具的证明', '相关材料', '相关证明文件', '身份证明等材料', '户口簿、身份证等证件', '出生医学证明等', '营业执照、章程等。', '学历证书等相关材料'])(
    'flags %s',
    (name) => expect(isVagueMaterialName(name)).toBe(true),
  )
  it.each(['居民户口簿', '《中华人民共和国残疾人证》', '《关于做好“其他”类事项登记工作的通知》复印件', '《社会团体等级评估证书》', '高等学校毕业证书', '中等职业学校学籍证明', '近期一寸免冠彩色照片', '“有关单位”名称变更核准通知书'])(
    'accepts %s',
    (name) => expect(isVagueMaterialName(name)).toBe(false),
  )
})

describe('checkGuide', () => {
  it('blocks a catch-all material name and a material without legal basis, naming each entry', () => {
    const problems = checkGuide(emptyGuide({ materials: [material({ name: '其他有关材料' }), material({ name: '户口簿', legalBases: [] })] }))
    const blocking = problems.filter((problem) => problem.severity === 'blocking')
    expect(blocking).toEqual([
      { element: '申请材料', path: '/materials/0/name', severity: 'blocking', message: '申请材料“其他有关材料”是模糊性兜底表述，不得发布（第七条（一））' },
      { element: '申请材料', path: '/materials/1/legalBases', severity: 'blocking', message: '申请材料“户口簿”未列明设定依据（第七条（一））' },
    ])
    expect(isPublishable(problems)).toBe(false)
  })

  it('reports every 第六条 element left null, and 到现场次数, as missing', () => {
    const problems = checkGuide(emptyGuide())
    expect(problems.every((problem) => problem.severity === 'missing')).toBe(true)
    const elements = new Set(problems.map((problem) => problem.element))
    for (const element of GUIDE_ELEMENTS.filter((name) => !['事项名称', '事项编码', '服务对象', '结果样本'].includes(name))) {
      expect(elements, element).toContain(element)
    }
    expect(elements).toContain('到现场次数')
    expect(isPublishable(problems)).toBe(true)
  })

  it('reports a result without sample, and fee basis missing only when a fee is charged', () => {
    const charged = checkGuide(emptyGuide({ results: [{ name: '居民身份证', sample: null }], fee: { charged: true, standard: '20元', legalBases: [] } }))
    expect(charged).toContainEqual(expect.objectContaining({ element: '结果样本', path: '/results/0/sample' }))
    expect(charged.map((problem) => problem.element)).toContain('收费依据')
    const free = checkGuide(emptyGuide({ fee: { charged: false, standard: null, legalBases: [] } }))
    expect(free.map((problem) => problem.element)).not.toContain('收费依据')
    expect(free.map((problem) => problem.element)).not.toContain('收费标准')
  })

  it('blocks situation conditions that name an unknown question or option', () => {
    const situations = [{ id: 'applicant', question: '由谁办理？', options: [{ id: 'self', label: '本人' }, { id: 'agent', label: '代办人' }] }]
    const problems = checkGuide(
      emptyGuide({
        situations,
        materials: [material({ when: { applicant: ['agent'] } }), material({ name: '委托书', when: { applicant: ['lawyer'] } }), material({ name: '证明', when: { kind: ['x'] } })],
        steps: [{ name: '受理', description: null, timeLimit: null, reviewStandard: null, result: null, when: { who: ['self'] } }],
      }),
    ).filter((problem) => problem.severity === 'blocking')
    expect(problems.map((problem) => problem.message)).toEqual([
      '申请材料“委托书”的适用情形引用了问题“由谁办理？”中不存在的选项“lawyer”',
      '申请材料“证明”的适用情形引用了不存在的问题“kind”',
      '办理环节“受理”的适用情形引用了不存在的问题“who”',
    ])
  })
})
