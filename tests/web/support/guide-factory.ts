import type { CatalogueChanges, GuideContent, Material, ServiceItem } from '../../../contract/guides.ts'

/** A material with every 第七条 field given; override what a test is about. */
export function makeMaterial(overrides: Partial<Material> = {}): Material {
  return {
    id: 'hukou-book',
    name: '居民户口簿',
    form: 'original',
    originals: 1,
    copies: 1,
    specification: 'A4纸',
    source: 'applicant',
    sourceNote: null,
    electronicRequired: false,
    electronicForm: false,
    required: true,
    deferrable: false,
    legalBases: [{ title: '《中华人民共和国居民身份证法》', article: '第十条', text: '申请领取居民身份证，应当填写《居民身份证申领登记表》，交验居民户口簿。' }],
    intermediary: null,
    sample: null,
    blankForm: null,
    sampleForm: null,
    note: null,
    when: null,
    ...overrides,
  }
}

/** A guide with every element given, with two situation questions; override what a test is about. */
export function makeGuide(overrides: Partial<GuideContent> = {}): GuideContent {
  return {
    name: '居民身份证申领、换领、补领',
    itemType: 'administrative_confirmation',
    caseType: 'promised',
    legalBases: [{ title: '《中华人民共和国居民身份证法》', article: '第八条', text: '居民身份证由居民常住户口所在地的县级人民政府公安机关签发。' }],
    implementingBody: '包头市公安局昆都仑区分局',
    departmentId: 'public-security',
    acceptanceConditions: ['居民身份证丢失的，申请补领'],
    audiences: ['individual'],
    statutoryTimeLimit: { text: '60日', days: 60, unit: 'calendar_day' },
    promisedTimeLimit: { text: '15个工作日', days: 15, unit: 'working_day' },
    results: [{ name: '中华人民共和国居民身份证', sample: null }],
    fee: { charged: true, standard: '每证20元', legalBases: [{ title: '《中华人民共和国居民身份证法》', article: null, text: null }] },
    materials: [
      makeMaterial(),
      makeMaterial({ id: 'old-id-card', name: '原居民身份证', when: { apply_type: ['renew'] } }),
      makeMaterial({ id: 'agent-id', name: '代办人居民身份证', when: { applicant: ['agent'] } }),
    ],
    deferrablePolicy: '户口簿暂未携带的，可先受理后补交',
    steps: [
      { name: '受理', description: '窗口核验材料', timeLimit: { text: '即时', days: 0, unit: null }, reviewStandard: '材料齐全', result: '受理回执', when: null },
      { name: '收回旧证', description: null, timeLimit: null, reviewStandard: null, result: null, when: { apply_type: ['renew'] } },
    ],
    handlingForms: ['window'],
    reviewStandard: '符合《居民身份证法》规定',
    appointment: { available: true, note: null },
    onlinePayment: { available: true, note: '可用微信支付' },
    locations: [{ hallId: 'shimin-dating', name: '昆都仑区市民大厅', address: '黄河大街116号', window: '3号窗口' }],
    hours: '周一至周五 09:00-12:00、14:00-17:30',
    consultation: [{ label: '咨询电话', number: '0472-5990563', kind: 'landline' }],
    supervision: [{ label: '投诉电话', number: '12345', kind: 'hotline' }],
    visitsRequired: 1,
    situations: [
      { id: 'apply_type', question: '您要办理哪一种？', options: [{ id: 'first', label: '首次申领' }, { id: 'renew', label: '换领' }] },
      { id: 'applicant', question: '谁来办理？', options: [{ id: 'self', label: '本人' }, { id: 'agent', label: '代办人' }] },
    ],
    keywords: ['身份证'],
    themeIds: ['certificates'],
    sourceExtra: {},
    ...overrides,
  }
}

export function makeServiceItem(guide: Partial<GuideContent> = {}, overrides: Partial<ServiceItem> = {}): ServiceItem {
  return {
    code: '000172008000001',
    basicCode: '000172008000',
    implementationCode: null,
    canonicalUrl: '/g/000172008000001',
    current: { version: 1, effectiveDate: '2025-01-01', publishedAt: '2026-11-20T08:00:00+08:00', changeNote: null },
    history: [],
    guide: makeGuide(guide),
    ...overrides,
  }
}

export const emptyCatalogueChanges: CatalogueChanges = {
  cursor: '1',
  full: true,
  changed: [],
  withdrawn: [],
  departments: [{ id: 'public-security', name: '包头市公安局昆都仑区分局', shortName: '公安' }],
  themes: [],
}
