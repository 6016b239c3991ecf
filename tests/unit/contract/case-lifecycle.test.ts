import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import {
  allowedCaseActions,
  availableCaseActions,
  CASE_STATUSES,
  CASE_TRANSITIONS,
  checkCaseTransition,
  CorrectionResponseInput,
  StaffCaseTransition,
  type CaseAction,
  type CaseStatus,
} from '../../../contract/case-lifecycle.ts'

// Every allowed transition, written out: [from, accepted before?, action, to].
const allowed: [CaseStatus, boolean, CaseAction, CaseStatus][] = [
  ['submitted', false, 'accept', 'accepted'],
  ['submitted', false, 'not_accept', 'not_accepted'],
  ['submitted', false, 'request_correction', 'correction_requested'],
  ['accepted', true, 'start_review', 'under_review'],
  ['accepted', true, 'request_correction', 'correction_requested'],
  ['under_review', true, 'request_correction', 'correction_requested'],
  ['under_review', true, 'approve', 'approved'],
  ['under_review', true, 'reject', 'rejected'],
  ['correction_requested', false, 'resubmit', 'resubmitted'],
  ['correction_requested', true, 'resubmit', 'resubmitted'],
  // A correction before acceptance: the answer is then accepted or not.
  ['resubmitted', false, 'accept', 'accepted'],
  ['resubmitted', false, 'not_accept', 'not_accepted'],
  ['resubmitted', false, 'request_correction', 'correction_requested'],
  // A correction after acceptance: the review goes on.
  ['resubmitted', true, 'start_review', 'under_review'],
  ['resubmitted', true, 'request_correction', 'correction_requested'],
  ['approved', true, 'issue_result', 'result_issued'],
  ['result_issued', true, 'complete', 'completed'],
]

const refusals: CaseAction[] = ['not_accept', 'reject']

describe('the case state machine', () => {
  it.each(allowed)('%s (accepted: %s) —%s→ %s, for every role that may take it', (status, accepted, action, to) => {
    const roles = action === 'resubmit' ? (['applicant'] as const) : refusals.includes(action) ? (['supervisor', 'admin'] as const) : (['clerk', 'supervisor', 'admin'] as const)
    for (const role of roles) expect(checkCaseTransition({ status, accepted }, action, role)).toEqual({ ok: true, to })
  })

  it('allows nothing else from any status', () => {
    // Whether a case in a status can have been accepted: before acceptance, after it, or either.
    const reachable: Record<CaseStatus, boolean[]> = {
      submitted: [false],
      not_accepted: [false],
      accepted: [true],
      under_review: [true],
      approved: [true],
      rejected: [true],
      result_issued: [true],
      completed: [true],
      correction_requested: [false, true],
      resubmitted: [false, true],
      withdrawn: [false, true],
    }
    for (const status of CASE_STATUSES) {
      for (const accepted of reachable[status]) {
        const expected = allowed.filter(([from, wasAccepted]) => from === status && wasAccepted === accepted).map(([, , action]) => action)
        expect(new Set(allowedCaseActions({ status, accepted })), `${status} accepted=${accepted}`).toEqual(new Set(expected))
      }
    }
    expect(CASE_TRANSITIONS.flatMap((rule) => rule.from.map((from) => `${from}:${rule.action}`))).toHaveLength(new Set(allowed.map(([from, , action]) => `${from}:${action}`)).size)
  })

  it.each([
    ['submitted', false, 'approve'],
    ['submitted', false, 'complete'],
    ['accepted', true, 'accept'],
    ['accepted', true, 'approve'],
    ['under_review', true, 'issue_result'],
    ['approved', true, 'complete'],
    ['approved', true, 'reject'],
    ['resubmitted', false, 'start_review'],
    ['resubmitted', true, 'accept'],
    ['correction_requested', true, 'approve'],
  ] as const)('refuses %s (accepted: %s) —%s→ as illegal, naming the current status', (status, accepted, action) => {
    const check = checkCaseTransition({ status, accepted }, action, 'admin')
    expect(check).toMatchObject({ ok: false, reason: 'illegal' })
    expect(check.ok || check.message).toMatch(/^办件当前状态为“.+”，不能/)
  })

  it('names the status in Chinese in the refusal', () => {
    expect(checkCaseTransition({ status: 'submitted', accepted: false }, 'approve', 'clerk')).toEqual({
      ok: false,
      reason: 'illegal',
      message: '办件当前状态为“已提交（待受理）”，不能审批通过',
    })
  })

  it.each(['completed', 'rejected', 'not_accepted', 'withdrawn'] as const)('ends at %s: no action leaves it', (status) => {
    expect(allowedCaseActions({ status, accepted: true })).toEqual([])
    expect(allowedCaseActions({ status, accepted: false })).toEqual([])
  })
})

describe('who may take an action (窗口无否决权)', () => {
  it('forbids a clerk to refuse, wherever the case stands, and says why', () => {
    expect(checkCaseTransition({ status: 'submitted', accepted: false }, 'not_accept', 'clerk')).toEqual({
      ok: false,
      reason: 'forbidden',
      message: '不予受理须由审批科长或系统管理员决定（窗口无否决权）',
    })
    expect(checkCaseTransition({ status: 'under_review', accepted: true }, 'reject', 'clerk')).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(checkCaseTransition({ status: 'approved', accepted: true }, 'reject', 'clerk')).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('lets supervisors and administrators refuse', () => {
    expect(checkCaseTransition({ status: 'under_review', accepted: true }, 'reject', 'supervisor')).toEqual({ ok: true, to: 'rejected' })
    expect(checkCaseTransition({ status: 'submitted', accepted: false }, 'not_accept', 'admin')).toEqual({ ok: true, to: 'not_accepted' })
  })

  it('leaves the answer to a correction to the applicant, and every staff action to staff', () => {
    expect(checkCaseTransition({ status: 'correction_requested', accepted: true }, 'resubmit', 'supervisor')).toMatchObject({ ok: false, reason: 'forbidden', message: '补正材料只能由申请人本人提交' })
    expect(checkCaseTransition({ status: 'submitted', accepted: false }, 'accept', 'applicant')).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('offers each role the actions it may take now', () => {
    const underReview = { status: 'under_review', accepted: true } as const
    expect(availableCaseActions(underReview, 'clerk')).toEqual(['request_correction', 'approve'])
    expect(availableCaseActions(underReview, 'supervisor')).toEqual(['request_correction', 'approve', 'reject'])
    expect(availableCaseActions(underReview, 'applicant')).toEqual([])
    expect(availableCaseActions({ status: 'correction_requested', accepted: true }, 'applicant')).toEqual(['resubmit'])
  })
})

describe('what the actions must say', () => {
  const legalBasis = [{ name: '中华人民共和国行政许可法', article: '第三十八条第二款' }]

  it('needs reasons and a legal basis for a refusal', () => {
    expect(Value.Check(StaffCaseTransition, { action: 'reject', reasons: ['不符合条件'], legalBasis })).toBe(true)
    expect(Value.Check(StaffCaseTransition, { action: 'reject', reasons: ['不符合条件'], legalBasis: [] })).toBe(false)
    expect(Value.Check(StaffCaseTransition, { action: 'not_accept', reasons: [], legalBasis })).toBe(false)
    expect(Value.Check(StaffCaseTransition, { action: 'not_accept', reasons: ['   '], legalBasis })).toBe(false)
    expect(Value.Check(StaffCaseTransition, { action: 'reject', reasons: ['x'], legalBasis: [{ name: '行政许可法' }] })).toBe(false)
  })

  it('needs at least one correction item, each tied to a material or a field, with what is needed', () => {
    expect(Value.Check(StaffCaseTransition, { action: 'request_correction', items: [{ materialId: 'photo', need: '照片不清晰' }, { fieldKey: 'phone', need: '请核对' }] })).toBe(true)
    expect(Value.Check(StaffCaseTransition, { action: 'request_correction', items: [] })).toBe(false)
    expect(Value.Check(StaffCaseTransition, { action: 'request_correction', items: [{ need: '照片不清晰' }] })).toBe(false)
    expect(Value.Check(StaffCaseTransition, { action: 'request_correction', items: [{ materialId: 'photo' }] })).toBe(false)
  })

  it('needs the delivery of a result: pickup place and hours, post carrier and tracking number, or the electronic licence', () => {
    expect(Value.Check(StaffCaseTransition, { action: 'issue_result', delivery: { method: 'pickup', place: '12号窗口', hours: '工作日9:00-17:00' } })).toBe(true)
    expect(Value.Check(StaffCaseTransition, { action: 'issue_result', delivery: { method: 'post', carrier: 'EMS', trackingNumber: '1234567890123' } })).toBe(true)
    expect(Value.Check(StaffCaseTransition, { action: 'issue_result', delivery: { method: 'electronic', licenceName: '食品经营许可证', licenceNumber: 'JY1150203' } })).toBe(true)
    expect(Value.Check(StaffCaseTransition, { action: 'issue_result', delivery: { method: 'post', carrier: 'EMS' } })).toBe(false)
    expect(Value.Check(StaffCaseTransition, { action: 'issue_result' })).toBe(false)
  })

  it('keeps the applicant’s answer to staff actions out of the staff body, and the staff actions out of the answer', () => {
    expect(Value.Check(StaffCaseTransition, { action: 'resubmit' })).toBe(false)
    expect(Value.Check(CorrectionResponseInput, { materials: [], values: { phone: '13800000001' } })).toBe(true)
    expect(Value.Check(CorrectionResponseInput, { action: 'approve', materials: [], values: {} })).toBe(false)
  })
})
