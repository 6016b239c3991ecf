import { isPrefillable, type ApplicationColumn, type ApplicationField, type PrefillSource } from './application-form.ts'
import type { GuideContent, GuideProblem, SituationCondition } from './guides.ts'

// Publishing rules for a guide (第六条, 第七条(一)), framework-free so the server, the staff
// console and the citizen app judge a guide the same way.

/** Proper names (《…》 titles, quoted names) are set aside first: 《…等级…》 is not a catch-all. */
const properNames = /《[^》]*》|〈[^〉]*〉|“[^”]*”|「[^」]*」/g

/** Words that end in 等 without meaning "and so on". */
const wordsEndingInDeng = ['平等', '高等', '同等', '中等', '初等', '对等', '均等', '相等', '上等', '次等', '头等', '优等', '特等']

const vagueKinds = '(材料|证明|文件|资料|手续|证件|证照|凭证|部门|单位|情况)'
const vaguePatterns = [
  /其[他它]/, // 其他材料, 其它证明
  /有关/, // 有关材料, 有关部门出具的证明 (第七条(一) names 有关 itself)
  new RegExp(`相关${vagueKinds}`), // 相关材料, 相关证明
  new RegExp(`等${vagueKinds}`), // 身份证等证件, 等材料
  /等相关|等有关/,
]

/**
 * Whether a material name is a vague catch-all that 第七条(一) forbids: 其他 / 其它 / 有关 as
 * words, 相关材料, 等材料 / 等证明, or a list trailing off in 等. Text inside 《》 and quotes is a
 * proper name and is not judged, and words such as 高等 or 平等 are not a trailing 等.
 */
export function isVagueMaterialName(name: string): boolean {
  const judged = name.replace(properNames, '《》').trim()
  if (vaguePatterns.some((pattern) => pattern.test(judged))) return true
  const withoutTail = judged.replace(/[。．.；;，,、\s）)]+$/, '')
  if (!withoutTail.endsWith('等')) return false
  return !wordsEndingInDeng.some((word) => withoutTail.endsWith(word))
}

/** The 第六条 elements (and 到现场次数) whose absence is reported, with how to see it is absent. */
const elementChecks: { element: string; path: string; absent: (content: GuideContent) => boolean }[] = [
  { element: '事项类型', path: '/itemType', absent: (c) => c.itemType === null },
  { element: '设定依据', path: '/legalBases', absent: (c) => c.legalBases === null },
  { element: '实施主体', path: '/implementingBody', absent: (c) => c.implementingBody === null },
  { element: '受理条件', path: '/acceptanceConditions', absent: (c) => c.acceptanceConditions === null },
  { element: '法定办结时限', path: '/statutoryTimeLimit', absent: (c) => c.statutoryTimeLimit === null },
  { element: '承诺办结时限', path: '/promisedTimeLimit', absent: (c) => c.promisedTimeLimit === null },
  { element: '结果名称', path: '/results', absent: (c) => c.results === null },
  { element: '收费标准', path: '/fee', absent: (c) => c.fee === null || (c.fee.charged && c.fee.standard === null) },
  { element: '收费依据', path: '/fee', absent: (c) => c.fee === null || (c.fee.charged && c.fee.legalBases.length === 0) },
  { element: '申请材料', path: '/materials', absent: (c) => c.materials === null },
  { element: '容缺受理', path: '/deferrablePolicy', absent: (c) => c.deferrablePolicy === null },
  { element: '办理流程', path: '/steps', absent: (c) => c.steps === null },
  { element: '办理形式', path: '/handlingForms', absent: (c) => c.handlingForms === null },
  { element: '审查标准', path: '/reviewStandard', absent: (c) => c.reviewStandard === null },
  { element: '预约办理', path: '/appointment', absent: (c) => c.appointment === null },
  { element: '网上支付', path: '/onlinePayment', absent: (c) => c.onlinePayment === null },
  { element: '办理地点', path: '/locations', absent: (c) => c.locations === null },
  { element: '办理时间', path: '/hours', absent: (c) => c.hours === null },
  { element: '咨询方式', path: '/consultation', absent: (c) => c.consultation === null },
  { element: '监督投诉方式', path: '/supervision', absent: (c) => c.supervision === null },
  { element: '到现场次数', path: '/visitsRequired', absent: (c) => c.visitsRequired === null },
]

function missing(element: string, path: string): GuideProblem {
  return { element, path, severity: 'missing', message: `未提供“${element}”（第六条），将显示为“未提供”` }
}

/** Problems with a `when` condition: every question and option it names must exist. */
function conditionProblems(
  when: SituationCondition,
  situations: GuideContent['situations'],
  element: string,
  path: string,
  subject: string,
): GuideProblem[] {
  if (when === null) return []
  const problems: GuideProblem[] = []
  for (const [questionId, optionIds] of Object.entries(when)) {
    const question = situations.find((candidate) => candidate.id === questionId)
    if (!question) {
      problems.push({ element, path: `${path}/${questionId}`, severity: 'blocking', message: `${subject}的适用情形引用了不存在的问题“${questionId}”` })
      continue
    }
    for (const optionId of optionIds) {
      if (question.options.some((option) => option.id === optionId)) continue
      problems.push({
        element,
        path: `${path}/${questionId}`,
        severity: 'blocking',
        message: `${subject}的适用情形引用了问题“${question.question}”中不存在的选项“${optionId}”`,
      })
    }
  }
  return problems
}

/** The field types a profile value may be prefilled into. */
const prefillTargets: Record<PrefillSource, readonly ApplicationField['type'][]> = {
  name: ['text'],
  idNumber: ['idNumber'],
  phone: ['phone'],
  address: ['address', 'text', 'textarea'],
  'company.name': ['text'],
  'company.creditCode': ['creditCode'],
  'company.legalRepresentative': ['text'],
}

/** Ranges a field or column sets the wrong way round (min above max), as messages. */
function rangeProblems(field: ApplicationField | ApplicationColumn): string[] {
  const problems: string[] = []
  const pairs: [unknown, unknown, string][] = [
    ['minLength' in field ? field.minLength : undefined, 'maxLength' in field ? field.maxLength : undefined, '最少字数大于最多字数'],
    ['min' in field ? field.min : undefined, 'max' in field ? field.max : undefined, '最小值大于最大值'],
    ['minRows' in field ? field.minRows : undefined, 'maxRows' in field ? field.maxRows : undefined, '最少行数大于最多行数'],
  ]
  for (const [min, max, message] of pairs) {
    if (min !== undefined && max !== undefined && (min as number | string) > (max as number | string)) problems.push(message)
  }
  if (field.type === 'choice' && new Set(field.options.map((option) => option.value)).size !== field.options.length) problems.push('选项值重复')
  return problems
}

/**
 * Problems with the one-form application (一表申请): materials it names that the guide does not
 * list, field keys used twice (in the form, or among a table's columns), group ids used twice,
 * conditions naming unknown questions or options, a profile value prefilled into a field of
 * another kind, and ranges set the wrong way round. Each keeps the guide from publishing: the
 * app and the server would otherwise read the form differently.
 */
function applicationFormProblems(content: GuideContent): GuideProblem[] {
  const form = content.applicationForm
  if (form === undefined) return []
  const element = '一表申请'
  const problems: GuideProblem[] = []
  const block = (path: string, message: string) => problems.push({ element, path: `/applicationForm${path}`, severity: 'blocking', message })
  const materialIds = new Set((content.materials ?? []).map((material) => material.id))
  if (form.formMaterialId !== undefined && !materialIds.has(form.formMaterialId)) {
    block('/formMaterialId', `一表申请对应的申请材料“${form.formMaterialId}”不在申请材料清单中`)
  }
  for (const [index, id] of form.materialIds.entries()) {
    if (!materialIds.has(id)) block(`/materialIds/${index}`, `一表申请要求上传的申请材料“${id}”不在申请材料清单中`)
  }
  const groupIds = new Set<string>()
  const keys = new Set<string>()
  for (const [groupIndex, group] of form.groups.entries()) {
    const groupPath = `/groups/${groupIndex}`
    if (groupIds.has(group.id)) block(`${groupPath}/id`, `一表申请的分组标识“${group.id}”重复`)
    groupIds.add(group.id)
    problems.push(...conditionProblems(group.when ?? null, content.situations, element, `/applicationForm${groupPath}/when`, `一表申请分组“${group.title}”`))
    for (const [fieldIndex, field] of group.fields.entries()) {
      const path = `${groupPath}/fields/${fieldIndex}`
      const subject = `一表申请字段“${field.label}”`
      if (keys.has(field.key)) block(`${path}/key`, `一表申请的字段键“${field.key}”重复`)
      keys.add(field.key)
      problems.push(...conditionProblems(field.when ?? null, content.situations, element, `/applicationForm${path}/when`, subject))
      if (isPrefillable(field)) {
        if (!prefillTargets[field.prefill].includes(field.type)) block(`${path}/prefill`, `${subject}不能用“${field.prefill}”预填`)
        problems.push(...conditionProblems(field.prefillWhen ?? null, content.situations, element, `/applicationForm${path}/prefillWhen`, `${subject}（预填）`))
      }
      for (const message of rangeProblems(field)) block(path, `${subject}：${message}`)
      if (field.type !== 'tableRows') continue
      const columnKeys = new Set<string>()
      for (const [columnIndex, column] of field.columns.entries()) {
        const columnPath = `${path}/columns/${columnIndex}`
        if (columnKeys.has(column.key)) block(`${columnPath}/key`, `${subject}的列键“${column.key}”重复`)
        columnKeys.add(column.key)
        for (const message of rangeProblems(column)) block(columnPath, `${subject}的列“${column.label}”：${message}`)
      }
    }
  }
  return problems
}

/**
 * Everything that keeps a guide from publishing (`blocking`: catch-all material names and
 * materials without legal basis under 第七条(一), situation conditions naming unknown questions
 * or options, an application form that does not fit the guide) and every 第六条 element it
 * leaves out (`missing`: published, shown as not given).
 */
export function checkGuide(content: GuideContent): GuideProblem[] {
  const problems: GuideProblem[] = []
  for (const [index, material] of (content.materials ?? []).entries()) {
    const path = `/materials/${index}`
    if (isVagueMaterialName(material.name)) {
      problems.push({
        element: '申请材料',
        path: `${path}/name`,
        severity: 'blocking',
        message: `申请材料“${material.name}”是模糊性兜底表述，不得发布（第七条（一））`,
      })
    }
    if (material.legalBases.length === 0) {
      problems.push({
        element: '申请材料',
        path: `${path}/legalBases`,
        severity: 'blocking',
        message: `申请材料“${material.name}”未列明设定依据（第七条（一））`,
      })
    }
    problems.push(...conditionProblems(material.when, content.situations, '申请材料', `${path}/when`, `申请材料“${material.name}”`))
  }
  for (const [index, step] of (content.steps ?? []).entries()) {
    problems.push(...conditionProblems(step.when, content.situations, '办理流程', `/steps/${index}/when`, `办理环节“${step.name}”`))
  }
  problems.push(...applicationFormProblems(content))
  for (const check of elementChecks) {
    if (check.absent(content)) problems.push(missing(check.element, check.path))
  }
  for (const [index, result] of (content.results ?? []).entries()) {
    if (result.sample === null) problems.push(missing('结果样本', `/results/${index}/sample`))
  }
  return problems
}

/** Whether the problems allow publishing (none is blocking). */
export function isPublishable(problems: readonly GuideProblem[]): boolean {
  return problems.every((problem) => problem.severity !== 'blocking')
}
