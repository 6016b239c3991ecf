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

/**
 * Everything that keeps a guide from publishing (`blocking`: catch-all material names and
 * materials without legal basis under 第七条(一), situation conditions naming unknown questions
 * or options) and every 第六条 element it leaves out (`missing`: published, shown as not given).
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
