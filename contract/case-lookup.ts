import { Type, type Static } from 'typebox'
import { caseNumberPattern, CaseNumber, CaseStatus } from './applications.ts'
import { Timestamp } from './common.ts'
import { LocalDate } from './guides.ts'

// 办件查询 (PRODUCT.md §5): anyone who has a case number and a verification can follow the case's
// progress without signing in — a relative at the window, an applicant on another phone.
//
// POST /api/v1/case-lookups (public; the case number and the verification travel in the body,
// never in the URL) answers 200 CaseLookupResult, a limited view: the item, the handling body,
// the status, the promised date and the timeline's steps (when, which status) — no names, no
// staff, no form values, no notes.
//
// The verification is one of:
//   - the last 4 digits of a phone number of the case: a `phone` field of the form as submitted,
//     or the mobile number of the account that submitted it;
//   - the last 6 characters of an ID number (公民身份号码) of the case: an `idNumber` field of
//     the form as submitted (a final x is read as X).
//
// Every failure answers the same 404 CASE_LOOKUP_FAILED with the same body, whether the case
// does not exist or the verification is wrong, so an answer never tells that a case exists or
// whose it is; the server does the same work either way.
//
// Rate limits, kept in the database (so they hold across processes and restarts):
//   - CASE_LOOKUP_LIMITS.perAddress tries per client address per window;
//   - CASE_LOOKUP_LIMITS.failuresPerCaseNumber wrong tries per case number per window (whatever
//     address they come from), counted for numbers that do not exist too;
// beyond either: 429 CASE_LOOKUP_RATE_LIMITED with a `Retry-After` header (seconds).

export const CASE_LOOKUP_LIMITS = {
  perAddress: 10,
  perAddressWindowMinutes: 15,
  failuresPerCaseNumber: 5,
  perCaseNumberWindowMinutes: 60,
} as const

/** 4 digits (phone) or 6 characters, digits with a final digit or X (ID number). */
export const caseLookupVerificationPattern = '^(?:[0-9]{4}|[0-9]{5}[0-9Xx])$'

export const CaseLookupInput = Type.Object(
  {
    caseNumber: Type.String({ pattern: caseNumberPattern, examples: ['KDL-20261125-0001'] }),
    verification: Type.String({
      pattern: caseLookupVerificationPattern,
      description: 'Last 4 digits of the applicant’s phone, or last 6 characters of the applicant’s ID number.',
      examples: ['0000'],
    }),
  },
  { additionalProperties: false, $id: 'CaseLookupInput' },
)
export type CaseLookupInput = Static<typeof CaseLookupInput>

/** One step of the case, without who acted or what they wrote. */
export const CaseLookupStep = Type.Object({
  at: Timestamp,
  status: CaseStatus,
})
export type CaseLookupStep = Static<typeof CaseLookupStep>

export const CaseLookupResult = Type.Object(
  {
    caseNumber: CaseNumber,
    itemName: Type.String(),
    /** 实施主体. */
    handlingBody: Type.String(),
    status: CaseStatus,
    submittedAt: Timestamp,
    /** The promised completion date (承诺办结), null when the guide gives none. */
    promisedDate: Type.Union([LocalDate, Type.Null()]),
    /** Oldest first. */
    timeline: Type.Array(CaseLookupStep),
  },
  { $id: 'CaseLookupResult' },
)
export type CaseLookupResult = Static<typeof CaseLookupResult>

/** The one answer to every failed lookup. */
export const CASE_LOOKUP_FAILED_MESSAGE = '未查询到办件，请核对办件编号和验证信息'
