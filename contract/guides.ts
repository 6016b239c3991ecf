import { Type, type Static } from 'typebox'
import { ApplicationForm } from './application-form.ts'
import { Phone, Timestamp } from './common.ts'

// The service catalogue (事项目录) and its guides (办事指南), 第四条–第八条. A field that the
// source does not give is `null` ("not given", shown as such), never an empty string; lists the
// source does not give are `null` too, while `[]` means the source says there are none.

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

export const itemCodePattern = '^[0-9A-Za-z]{6,40}$'

/** The code a citizen sees and the short URL uses (/g/<code>). */
export const ItemCode = Type.String({ pattern: itemCodePattern })

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })

/** 服务对象: 个人 (natural persons) or 法人 (legal persons and other organisations). */
export const Audience = Type.Union([Type.Literal('individual'), Type.Literal('legal_person')])
export type Audience = Static<typeof Audience>

/** 事项类型, as the national catalogue classifies items. */
export const ItemType = Type.Union([
  Type.Literal('administrative_licensing'), // 行政许可
  Type.Literal('administrative_confirmation'), // 行政确认
  Type.Literal('administrative_payment'), // 行政给付
  Type.Literal('administrative_levy'), // 行政征收
  Type.Literal('administrative_ruling'), // 行政裁决
  Type.Literal('administrative_reward'), // 行政奖励
  Type.Literal('other_administrative_power'), // 其他行政权力
  Type.Literal('public_service'), // 公共服务
])
export type ItemType = Static<typeof ItemType>

/** 办件类型: 即办件 (settled on the spot) or 承诺件 (settled within a promised time). */
export const CaseType = Type.Union([Type.Literal('immediate'), Type.Literal('promised')])
export type CaseType = Static<typeof CaseType>

/** A law, regulation or rule with the article relied on (设定依据, 收费依据, a material's basis). */
export const LegalBasis = Type.Object({
  /** The instrument's full title, e.g. 《中华人民共和国居民身份证法》. */
  title: Type.String({ minLength: 2 }),
  /** The article(s), e.g. 第八条; null when the source cites the whole instrument. */
  article: nullable(Type.String()),
  /** The article's text as published; null when the source does not quote it. */
  text: nullable(Type.String()),
})
export type LegalBasis = Static<typeof LegalBasis>

/**
 * A time limit as published ("7个工作日", "30日之内", "即时办结"), with the parsed figure where the
 * text allows one, so deadlines can be computed; `text` is always what the public sees.
 */
export const TimeLimit = Type.Object({
  text: Type.String({ minLength: 1 }),
  days: nullable(Type.Integer({ minimum: 0 })),
  unit: nullable(Type.Union([Type.Literal('working_day'), Type.Literal('calendar_day')])),
})
export type TimeLimit = Static<typeof TimeLimit>

/** A stored file (blank form, sample form, result sample), addressed by the hash of its content. */
export const FileRef = Type.Object({
  /** sha256 of the content, hex. */
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  fileName: Type.String({ minLength: 1 }),
  mediaType: Type.String({ minLength: 3 }),
  bytes: Type.Integer({ minimum: 0 }),
  /** Where to download it; long-cacheable, as the content never changes under it. */
  url: Type.String(),
})
export type FileRef = Static<typeof FileRef>

/**
 * Path of GET /api/v1/files/{sha256}/{fileName}, which FileRef.url points at. The examples name a
 * file of the API tests' catalogue (tests/api/fixtures/forms), as the generated suites need.
 */
export const FileParams = Type.Object({
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$', examples: ['0022c0bac56d4a838c37ac7b64a7c3f905026588e0dae11e451590e4bb496023'] }),
  fileName: Type.String({ minLength: 1, maxLength: 200, examples: ['社会团体成立登记申请书（空白表格）.pdf'] }),
})
export type FileParams = Static<typeof FileParams>

/** `inline=1` asks for `Content-Disposition: inline`, for an in-page preview of a PDF or picture. */
export const FileQuery = Type.Object({ inline: Type.Optional(Type.Literal('1')) }, { additionalProperties: false })
export type FileQuery = Static<typeof FileQuery>

/**
 * 情形引导: a question whose answer selects the materials and steps that apply, e.g.
 * 办理类型: 首次申领 / 换领 / 补领, or 申请人: 本人 / 代办人.
 */
export const SituationQuestion = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9_]{1,40}$' }),
  question: Type.String(),
  options: Type.Array(Type.Object({ id: Type.String({ pattern: '^[a-z0-9_]{1,40}$' }), label: Type.String() }), { minItems: 2 }),
})
export type SituationQuestion = Static<typeof SituationQuestion>

/**
 * When a material or step applies: for every question named, the answer is one of the listed
 * options. null applies in every situation.
 */
export const SituationCondition = nullable(Type.Record(Type.String(), Type.Array(Type.String(), { minItems: 1 })))
export type SituationCondition = Static<typeof SituationCondition>

/** 材料类型. */
export const MaterialForm = Type.Union([
  Type.Literal('original'), // 原件
  Type.Literal('copy'), // 复印件
  Type.Literal('original_and_copy'), // 原件和复印件
  Type.Literal('electronic'), // 电子材料
])

/** 来源渠道: who produces the material. */
export const MaterialSource = Type.Union([
  Type.Literal('applicant'), // 申请人自备
  Type.Literal('government'), // 政府部门核发
  Type.Literal('intermediary'), // 中介机构出具
  Type.Literal('other'), // 其他单位出具 (named in sourceNote)
])

/** An application material with every field 第七条 asks for. */
export const Material = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9_-]{1,60}$' }),
  name: Type.String({ minLength: 2 }),
  form: nullable(MaterialForm),
  /** Originals / copies required (材料份数); null where not given. */
  originals: nullable(Type.Integer({ minimum: 0 })),
  copies: nullable(Type.Integer({ minimum: 0 })),
  /** 规格, e.g. A4纸, 近期一寸免冠照片. */
  specification: nullable(Type.String()),
  source: nullable(MaterialSource),
  sourceNote: nullable(Type.String()),
  /** 是否需要电子材料. */
  electronicRequired: nullable(Type.Boolean()),
  /** 电子表单: whether the material can be filled in online as part of the one-form application. */
  electronicForm: nullable(Type.Boolean()),
  /** 必要性: required always, or only in the situations of `when`. */
  required: Type.Boolean(),
  /** 容缺: may be supplied after acceptance, with the applicant's commitment. */
  deferrable: Type.Boolean(),
  /** The legal basis for asking for it (第七条(一)); publishing refuses a material without one. */
  legalBases: Type.Array(LegalBasis),
  /** For materials an intermediary produces (第七条(三)): its category or required qualification. */
  intermediary: nullable(Type.Object({ category: Type.String(), qualification: nullable(Type.String()) })),
  /** 材料样本 (a picture or PDF of a real one), 空白表格 and 示范样表 for form materials (第七条(二)). */
  sample: nullable(FileRef),
  blankForm: nullable(FileRef),
  sampleForm: nullable(FileRef),
  /**
   * The blank form also as an editable document (DOCX, XLSX), where the hall hands one out to be
   * filled in on a computer; blankForm stays the PDF. Absent when there is none.
   */
  editableForms: Type.Optional(Type.Array(FileRef)),
  /** Notes for the applicant, as published (填写说明, 注意事项). */
  note: nullable(Type.String()),
  when: SituationCondition,
})
export type Material = Static<typeof Material>

/** One step of 办理流程 with what 第五条 requires of it. */
export const GuideStep = Type.Object({
  name: Type.String({ minLength: 1 }),
  description: nullable(Type.String()),
  timeLimit: nullable(TimeLimit),
  reviewStandard: nullable(Type.String()),
  result: nullable(Type.String()),
  when: SituationCondition,
})
export type GuideStep = Static<typeof GuideStep>

/** 结果名称 with its 结果样本. */
export const GuideResult = Type.Object({
  name: Type.String({ minLength: 1 }),
  sample: nullable(FileRef),
})

/** 办理形式. */
export const HandlingForm = Type.Union([
  Type.Literal('window'), // 窗口办理
  Type.Literal('online'), // 网上办理
  Type.Literal('mobile'), // 掌上办理 (蒙速办)
  Type.Literal('mail'), // 快递申请
  Type.Literal('self_service'), // 自助终端
])

/** 办理地点: a hall of ours where there is one, otherwise the address as published. */
export const GuideLocation = Type.Object({
  hallId: nullable(Type.String({ pattern: '^[a-z0-9-]{1,64}$' })),
  name: Type.String(),
  address: nullable(Type.String()),
  /** The window, as signed in the hall, e.g. 3号窗口. */
  window: nullable(Type.String()),
})

/** The elements of 第六条 that publishing checks, by the name the regulation gives them. */
export const GUIDE_ELEMENTS = [
  '事项名称', '事项编码', '事项类型', '设定依据', '实施主体', '受理条件', '服务对象', '法定办结时限',
  '承诺办结时限', '结果名称', '结果样本', '收费标准', '收费依据', '申请材料', '容缺受理', '办理流程',
  '办理形式', '审查标准', '预约办理', '网上支付', '办理地点', '办理时间', '咨询方式', '监督投诉方式',
] as const

/** The guide's content: everything 第六条 lists, plus 到现场次数 and situational guidance. */
export const GuideContent = Type.Object({
  name: Type.String({ minLength: 2 }), // 事项名称
  itemType: nullable(ItemType), // 事项类型
  caseType: nullable(CaseType),
  legalBases: nullable(Type.Array(LegalBasis)), // 设定依据
  implementingBody: nullable(Type.String()), // 实施主体
  departmentId: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }),
  acceptanceConditions: nullable(Type.Array(Type.String())), // 受理条件
  audiences: Type.Array(Audience, { minItems: 1 }), // 服务对象
  statutoryTimeLimit: nullable(TimeLimit), // 法定办结时限
  promisedTimeLimit: nullable(TimeLimit), // 承诺办结时限
  results: nullable(Type.Array(GuideResult)), // 结果名称, 结果样本
  fee: nullable(
    Type.Object({
      charged: Type.Boolean(),
      standard: nullable(Type.String()), // 收费标准
      legalBases: Type.Array(LegalBasis), // 收费依据
    }),
  ),
  materials: nullable(Type.Array(Material)), // 申请材料
  deferrablePolicy: nullable(Type.String()), // 容缺受理
  steps: nullable(Type.Array(GuideStep)), // 办理流程
  handlingForms: nullable(Type.Array(HandlingForm)), // 办理形式
  reviewStandard: nullable(Type.String()), // 审查标准
  appointment: nullable(Type.Object({ available: Type.Boolean(), note: nullable(Type.String()) })), // 预约办理
  onlinePayment: nullable(Type.Object({ available: Type.Boolean(), note: nullable(Type.String()) })), // 网上支付
  locations: nullable(Type.Array(GuideLocation)), // 办理地点
  /** 办理时间 as published, including acceptance windows such as 每月1-20日受理. */
  hours: nullable(Type.String()),
  consultation: nullable(Type.Array(Phone)), // 咨询方式
  supervision: nullable(Type.Array(Phone)), // 监督投诉方式
  visitsRequired: nullable(Type.Integer({ minimum: 0 })), // 到现场次数
  situations: Type.Array(SituationQuestion),
  keywords: Type.Array(Type.String()),
  themeIds: Type.Array(Type.String({ pattern: '^[a-z0-9-]{1,40}$' })),
  /** Fields of an imported source that this model has no place for, kept as they came. */
  sourceExtra: Type.Record(Type.String(), Type.Unknown()),
  /** 一表申请: the form to apply online with (contract/application-form.ts); absent when the item cannot be applied for online. */
  applicationForm: Type.Optional(ApplicationForm),
})
export type GuideContent = Static<typeof GuideContent>

/** A published version of a guide (第八条: law changes are published as new versions). */
export const GuideVersionInfo = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  effectiveDate: LocalDate,
  publishedAt: Timestamp,
  /** What changed and why, e.g. 依据《…》修订，取消户口簿复印件. Null for the first version. */
  changeNote: nullable(Type.String()),
})
export type GuideVersionInfo = Static<typeof GuideVersionInfo>

/** One entry of the catalogue index: small, so 2,000 of them sync cheaply to a phone. */
export const CatalogueEntry = Type.Object(
  {
    code: ItemCode,
    /** 基本编码 of the catalogue item this business-handling item belongs under. */
    basicCode: ItemCode,
    name: Type.String(),
    audiences: Type.Array(Audience),
    departmentId: Type.String(),
    themeIds: Type.Array(Type.String()),
    keywords: Type.Array(Type.String()),
    /** Toneless pinyin of the name and of each keyword, syllables separated by spaces, for offline search. */
    pinyin: Type.Array(Type.String()),
    /** Pinyin initials of the name and of each keyword (`sfz` for 身份证). */
    initials: Type.Array(Type.String()),
    caseType: nullable(CaseType),
    visitsRequired: nullable(Type.Integer({ minimum: 0 })),
    /** Rank by use, 1 = most used: hot items first. */
    popularity: Type.Integer({ minimum: 1 }),
    version: Type.Integer({ minimum: 1 }),
    updatedAt: Timestamp,
    /** Bytes it takes to keep the guide on a phone: its JSON and every file it offers. */
    offlineBytes: Type.Integer({ minimum: 0 }),
  },
  { $id: 'CatalogueEntry' },
)
export type CatalogueEntry = Static<typeof CatalogueEntry>

/** An item with its current published guide (GET /api/v1/items/{code}). */
export const ServiceItem = Type.Object(
  {
    code: ItemCode,
    basicCode: ItemCode,
    /** 实施编码 where the source gives it. */
    implementationCode: nullable(Type.String()),
    /** The canonical short URL printed on paper guides and in the QR code. */
    canonicalUrl: Type.String(),
    current: GuideVersionInfo,
    /** Earlier versions, newest first, for "what changed". */
    history: Type.Array(GuideVersionInfo),
    guide: GuideContent,
  },
  { $id: 'ServiceItem' },
)
export type ServiceItem = Static<typeof ServiceItem>

export const Department = Type.Object({ id: Type.String(), name: Type.String(), shortName: Type.String() })
export type Department = Static<typeof Department>

/** A theme or life event (主题 / 人生事件) for browsing, e.g. 出生, 就业, 开办企业. */
export const Theme = Type.Object({ id: Type.String(), name: Type.String(), audience: Audience })
export type Theme = Static<typeof Theme>

/**
 * The incremental catalogue feed: entries changed and codes withdrawn since `since` (all of
 * them without it), and the cursor to ask with next time. Departments and themes are small and
 * come whole every time.
 */
export const CatalogueChanges = Type.Object(
  {
    cursor: Type.String(),
    /**
     * true when `changed` is the whole catalogue and the client should replace its index with it
     * (no `since`, or a cursor this server never gave, e.g. after a database restore).
     */
    full: Type.Boolean(),
    changed: Type.Array(CatalogueEntry),
    withdrawn: Type.Array(ItemCode),
    departments: Type.Array(Department),
    themes: Type.Array(Theme),
  },
  { $id: 'CatalogueChanges' },
)
export type CatalogueChanges = Static<typeof CatalogueChanges>

/** A problem that keeps a guide from being published, or an element the source left out. */
export const GuideProblem = Type.Object({
  /** The 第六条 element concerned (one of GUIDE_ELEMENTS) or 到现场次数. */
  element: Type.String(),
  /** JSON pointer into the guide content, e.g. /materials/2/name. */
  path: Type.String(),
  /** blocking: publishing is refused; missing: published, shown as not given. */
  severity: Type.Union([Type.Literal('blocking'), Type.Literal('missing')]),
  message: Type.String(),
})
export type GuideProblem = Static<typeof GuideProblem>

/** `examples` name an item of the test fixtures (tests/api/fixtures/guides), so generated API tests find one. */
export const ItemParams = Type.Object({
  code: Type.String({ pattern: itemCodePattern, examples: ['1115020300011500100001'] }),
})
export type ItemParams = Static<typeof ItemParams>

/** Filters of GET /api/v1/items; all optional, combined with AND. */
export const CatalogueQuery = Type.Object(
  {
    audience: Type.Optional(Audience),
    departmentId: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$', examples: ['public-security'] })),
    themeId: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$', examples: ['identity-documents'] })),
    /** Part of the name, a keyword or the item code (pinyin is searched on the phone's index). */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, examples: ['身份证'] })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
)
export type CatalogueQuery = Static<typeof CatalogueQuery>

/** One page of catalogue entries, hot items first. */
export const CataloguePage = Type.Object(
  {
    items: Type.Array(CatalogueEntry),
    total: Type.Integer({ minimum: 0 }),
    page: Type.Integer({ minimum: 1 }),
    pageSize: Type.Integer({ minimum: 1 }),
  },
  { $id: 'CataloguePage' },
)
export type CataloguePage = Static<typeof CataloguePage>

/** The cursor a previous CatalogueChanges answer gave; absent for the first (full) sync. */
export const CatalogueChangesQuery = Type.Object(
  { since: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,17})$', examples: ['0'] })) },
  { additionalProperties: false },
)
export type CatalogueChangesQuery = Static<typeof CatalogueChangesQuery>
