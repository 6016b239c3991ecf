import { Type, type Static } from 'typebox'
import { Timestamp } from './common.ts'
import { Audience, GuideProblem } from './guides.ts'

// Staff accounts and their sessions (PRODUCT.md §9), the administrators' account management, the
// audit log, and the guides import over HTTP. Staff sessions are separate from citizens' (cookies
// kdl_staff_session / kdl_staff_csrf, see contract/auth.ts for the CSRF rule).

/**
 * What a staff member may do: `clerk` 窗口人员 (window staff of their halls), `supervisor` 审批科长
 * (approves and publishes for their departments), `admin` 系统管理员 (accounts, everything).
 */
export const StaffRole = Type.Union([Type.Literal('clerk'), Type.Literal('supervisor'), Type.Literal('admin')])
export type StaffRole = Static<typeof StaffRole>

/** Chinese names of the roles, as the console shows them. */
export const STAFF_ROLE_NAMES: Record<StaffRole, string> = { clerk: '窗口人员', supervisor: '审批科长', admin: '系统管理员' }

/** Lowercase letters, digits and . _ -, starting with a letter, 3–32 characters. */
export const staffUsernamePattern = '^[a-z][a-z0-9._-]{2,31}$'
export const StaffUsername = Type.String({ pattern: staffUsernamePattern, examples: ['zhang.wei'] })

/** At least 10 characters; stored only as an argon2id hash. */
export const StaffPassword = Type.String({ minLength: 10, maxLength: 200 })

const Id = (pattern: string) => Type.String({ pattern })
const HallIds = Type.Array(Id('^[a-z0-9-]{1,64}$'), { maxItems: 50, uniqueItems: true, examples: [['kundulun-civic-centre']] })
const DepartmentIds = Type.Array(Id('^[a-z0-9-]{1,40}$'), { maxItems: 50, uniqueItems: true, examples: [['public-security']] })

/** Body of POST /api/v1/staff/sessions. */
export const StaffSignIn = Type.Object({ username: StaffUsername, password: StaffPassword }, { additionalProperties: false, $id: 'StaffSignIn' })
export type StaffSignIn = Static<typeof StaffSignIn>

/** The signed-in staff member (answer of staff sign-in and of GET /api/v1/staff/me). */
export const StaffMe = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    role: StaffRole,
    /** The halls they work in (clerks' windows are in these halls). */
    hallIds: Type.Array(Type.String()),
    /** The departments whose items they handle (a supervisor approves and publishes for these). */
    departmentIds: Type.Array(Type.String()),
    /** Send as `X-CSRF-Token` on every state-changing request (also in the `kdl_staff_csrf` cookie). */
    csrfToken: Type.String(),
    /** When the session ends unless used again; each use extends it (12 hours by default). */
    sessionExpiresAt: Timestamp,
  },
  { $id: 'StaffMe' },
)
export type StaffMe = Static<typeof StaffMe>

/** A staff account as administrators see it. */
export const StaffAccount = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    role: StaffRole,
    hallIds: Type.Array(Type.String()),
    departmentIds: Type.Array(Type.String()),
    /** Disabled accounts cannot sign in; their sessions ended when they were disabled. */
    disabled: Type.Boolean(),
    /** Set while the account is locked after repeated failed sign-ins. */
    lockedUntil: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'StaffAccount' },
)
export type StaffAccount = Static<typeof StaffAccount>

export const StaffAccountList = Type.Object({ accounts: Type.Array(StaffAccount) }, { $id: 'StaffAccountList' })
export type StaffAccountList = Static<typeof StaffAccountList>

/** Body of POST /api/v1/staff/accounts (admin). */
export const StaffAccountInput = Type.Object(
  {
    username: StaffUsername,
    displayName: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', examples: ['张伟'] }),
    role: StaffRole,
    hallIds: HallIds,
    departmentIds: DepartmentIds,
    /** The first password; the account holder should be told it out of band. */
    password: StaffPassword,
  },
  { additionalProperties: false, $id: 'StaffAccountInput' },
)
export type StaffAccountInput = Static<typeof StaffAccountInput>

/**
 * Body of PATCH /api/v1/staff/accounts/{staffId} (admin): the fields to change. `disabled: true`
 * ends the account's sessions; a new `password` also lifts a lockout.
 */
export const StaffAccountChange = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', examples: ['张伟'] })),
    role: Type.Optional(StaffRole),
    hallIds: Type.Optional(HallIds),
    departmentIds: Type.Optional(DepartmentIds),
    disabled: Type.Optional(Type.Boolean({ examples: [false] })),
    password: Type.Optional(StaffPassword),
  },
  { additionalProperties: false, minProperties: 1, $id: 'StaffAccountChange' },
)
export type StaffAccountChange = Static<typeof StaffAccountChange>

/** `examples` name the clerk account the generated API tests create. */
export const StaffAccountParams = Type.Object(
  { staffId: Type.String({ format: 'uuid', examples: ['3c9d2e71-5a4b-4f1e-9c0d-7b8a6e5f4d21'] }) },
  { additionalProperties: false },
)
export type StaffAccountParams = Static<typeof StaffAccountParams>

/** One entry of the audit log: who did what, to what, when. */
export const AuditEntry = Type.Object(
  {
    id: Type.String(),
    at: Timestamp,
    /** The staff account that acted; null for system actors such as the CLI. */
    staffId: Type.Union([Type.String(), Type.Null()]),
    /** The account's username at the time, or the system actor, e.g. `cli:staff:create-admin`. */
    actor: Type.String(),
    /** e.g. staff.sign_in, staff_account.create, guides.import. */
    action: Type.String(),
    /** What was acted on, e.g. `staff_account:<id>`; null when nothing in particular. */
    target: Type.Union([Type.String(), Type.Null()]),
    detail: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: 'AuditEntry' },
)
export type AuditEntry = Static<typeof AuditEntry>

export const AuditLogQuery = Type.Object(
  {
    /** Entries older than this id (the previous page's last id). */
    before: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,17}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
)
export type AuditLogQuery = Static<typeof AuditLogQuery>

export const AuditLogPage = Type.Object({ entries: Type.Array(AuditEntry) }, { $id: 'AuditLogPage' })
export type AuditLogPage = Static<typeof AuditLogPage>

const ImportDepartment = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]{1,40}$', examples: ['public-security'] }),
  name: Type.String({ minLength: 2, examples: ['包头市公安局昆都仑区分局'] }),
  shortName: Type.String({ minLength: 1, examples: ['公安'] }),
})
const ImportTheme = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]{1,40}$', examples: ['identity-documents'] }),
  name: Type.String({ minLength: 1, examples: ['证件办理'] }),
  audience: Audience,
})

/**
 * Body of POST /api/v1/staff/guides/imports: a "kundulun-guides/1" file, the same JSON as
 * `npm run import:guides` reads (docs/guides-import.md). Each guide is read leniently and reported
 * on; attachments given by `path` cannot be read over HTTP and reject their guide.
 */
export const GuidesImportFile = Type.Object(
  {
    format: Type.Literal('kundulun-guides/1'),
    departments: Type.Optional(Type.Array(ImportDepartment)),
    themes: Type.Optional(Type.Array(ImportTheme)),
    guides: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems: 500 })),
  },
  { additionalProperties: false, $id: 'GuidesImportFile' },
)
export type GuidesImportFile = Static<typeof GuidesImportFile>

const ImportIssue = Type.Object({ path: Type.String(), message: Type.String() })

/** What became of one guide of the file (the CLI prints the same). */
export const GuideImportResult = Type.Object({
  index: Type.Integer({ minimum: 0 }),
  code: Type.Union([Type.String(), Type.Null()]),
  name: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.Literal('published'), Type.Literal('draft'), Type.Literal('unchanged'), Type.Literal('rejected')]),
  version: Type.Union([Type.Integer(), Type.Null()]),
  problems: Type.Array(GuideProblem),
  errors: Type.Array(ImportIssue),
  kept: Type.Array(Type.String()),
  defaulted: Type.Array(Type.String()),
})
export type GuideImportResult = Static<typeof GuideImportResult>

export const GuidesImportReport = Type.Object(
  { departments: Type.Integer(), themes: Type.Integer(), guides: Type.Array(GuideImportResult) },
  { $id: 'GuidesImportReport' },
)
export type GuidesImportReport = Static<typeof GuidesImportReport>
