import { Type, type Static } from 'typebox'
import { Timestamp } from './common.ts'
import { checkCreditCode } from './validators/credit-code.ts'
import { checkIdNumber, type IdNumberOptions } from './validators/id-number.ts'
import { checkMobile } from './validators/mobile.ts'

// 我的资料 (PRODUCT.md §3): what the one-form application fills in for the signed-in citizen —
// name, ID number, phone, address, and the companies they act for. Only the owner reads or writes
// it (every query is scoped to the session's citizen); the full ID number is returned to its owner
// and the app masks it in views (validators/masking.ts). ID numbers never appear in URLs or logs.
// The schemas check shape and length; checkProfile and checkCompany apply the clerk's rules
// (GB 11643, GB 32100, mobile numbers) with the same Chinese messages in the app and on the server.

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

/** Text a person typed: not blank, at most `maxLength` characters. */
const Text = (maxLength: number, examples: string[]) => Type.String({ minLength: 1, maxLength, pattern: '\\S', examples })

/** Resident ID number as typed (GB 11643, checked by checkProfile); stored as 18 characters with a capital X. */
export const IdNumber = Type.String({ minLength: 1, maxLength: 30, description: '居民身份证号码（18 位）', examples: ['150203199001011232'] })

/** 统一社会信用代码 as typed (GB 32100, checked by checkCompany); stored upper-case without spaces. */
export const CreditCode = Type.String({ minLength: 1, maxLength: 30, description: '统一社会信用代码（18 位）', examples: ['91150203MA0Q12345G'] })

/** A mainland mobile number as typed (checked by checkProfile); stored as the bare 11 digits. */
export const ContactMobile = Type.String({ minLength: 1, maxLength: 20, description: '手机号码', examples: ['13800000000'] })

/** Body of PUT /api/v1/me/profile: the whole profile; `null` clears a field. */
export const ProfileInput = Type.Object(
  {
    name: nullable(Text(50, ['王小明'])),
    idNumber: nullable(IdNumber),
    /** A mobile number to be reached on; may differ from the sign-in number. */
    phone: nullable(ContactMobile),
    address: nullable(Text(200, ['内蒙古自治区包头市昆都仑区钢铁大街 1 号'])),
  },
  { additionalProperties: false, $id: 'ProfileInput' },
)
export type ProfileInput = Static<typeof ProfileInput>

/**
 * The signed-in citizen's profile. Before they save one, every field is null except `phone`,
 * which starts as the number they signed in with.
 */
export const Profile = Type.Object(
  {
    name: nullable(Type.String()),
    idNumber: nullable(Type.String()),
    phone: nullable(Type.String()),
    address: nullable(Type.String()),
    /** When the profile was last saved; null when it never was. */
    updatedAt: nullable(Timestamp),
  },
  { $id: 'Profile' },
)
export type Profile = Static<typeof Profile>

/** Body of POST /api/v1/me/companies and PUT /api/v1/me/companies/{companyId}. */
export const CompanyInput = Type.Object(
  {
    name: Text(100, ['包头市示例商贸有限公司']),
    creditCode: CreditCode,
    /** 法定代表人 (or 负责人 / 经营者 for other kinds of organisation). */
    legalRepresentative: Text(50, ['王小明']),
  },
  { additionalProperties: false, $id: 'CompanyInput' },
)
export type CompanyInput = Static<typeof CompanyInput>

/** A company the citizen acts for. */
export const Company = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    creditCode: Type.String(),
    legalRepresentative: Type.String(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Company' },
)
export type Company = Static<typeof Company>

export const CompanyList = Type.Object({ companies: Type.Array(Company) }, { $id: 'CompanyList' })
export type CompanyList = Static<typeof CompanyList>

/** How many companies one citizen may keep. */
export const MAX_COMPANIES = 20

/** `examples` name the company the generated API tests give their signed-in citizen. */
export const CompanyParams = Type.Object(
  { companyId: Type.String({ format: 'uuid', examples: ['6a1f0c3e-2b7d-4e59-8f21-0c4d5e6f7a81'] }) },
  { additionalProperties: false },
)
export type CompanyParams = Static<typeof CompanyParams>

/** A field the clerk's rules refuse, with the message shown next to it. */
export interface ProfileProblem {
  field: string
  message: string
}

export type ProfileCheck<T> = { valid: true; value: T } | { valid: false; problems: ProfileProblem[] }

/**
 * Checks a profile as a clerk would (GB 11643 ID number with birth date, mobile number) and
 * answers it normalised (trimmed text, capital X, bare 11-digit mobile), or every problem at once.
 */
export function checkProfile(input: ProfileInput, options: IdNumberOptions = {}): ProfileCheck<ProfileInput> {
  const problems: ProfileProblem[] = []
  let idNumber = input.idNumber
  if (idNumber !== null) {
    const check = checkIdNumber(idNumber, options)
    if (check.valid) idNumber = check.idNumber
    else problems.push({ field: 'idNumber', message: check.message })
  }
  let phone = input.phone
  if (phone !== null) {
    const check = checkMobile(phone)
    if (check.valid) phone = check.mobile
    else problems.push({ field: 'phone', message: check.message })
  }
  if (problems.length > 0) return { valid: false, problems }
  return { valid: true, value: { name: input.name?.trim() ?? null, idNumber, phone, address: input.address?.trim() ?? null } }
}

/** Checks a company's credit code (GB 32100) and answers it normalised, or the problem. */
export function checkCompany(input: CompanyInput): ProfileCheck<CompanyInput> {
  const check = checkCreditCode(input.creditCode)
  if (!check.valid) return { valid: false, problems: [{ field: 'creditCode', message: check.message }] }
  return {
    valid: true,
    value: { name: input.name.trim(), creditCode: check.creditCode, legalRepresentative: input.legalRepresentative.trim() },
  }
}
