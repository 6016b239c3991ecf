import type { ColumnType, Generated, Selectable } from 'kysely'
import type { HallScheduleInput, SlotKind } from '../../../contract/appointment-slots.ts'
import type { BookingStatus, HomeServiceReason, HomeServiceStatus, PriorityGroup } from '../../../contract/appointments.ts'
import type { ApplicationValues } from '../../../contract/application-form.ts'
import type { CaseMaterial, CaseStatus, PromisedCompletion } from '../../../contract/applications.ts'
import type { CaseAction, CaseActorRole, CaseCorrectionRequest, CasePause, CaseRefusal, CaseResult } from '../../../contract/case-lifecycle.ts'
import type { Phone } from '../../../contract/common.ts'
import type { ComplaintCategory, ComplaintKind, ComplaintStatus } from '../../../contract/complaints.ts'
import type { Audience, CaseType, GuideContent, GuideProblem } from '../../../contract/guides.ts'
import type { HallZone, OpeningHours } from '../../../contract/halls.ts'

/**
 * A jsonb column: read as the parsed value, written as a JSON string (node-postgres would turn a
 * JS array into a Postgres array literal, so writes are always serialised explicitly).
 */
type Json<T> = ColumnType<T, string, string>

export interface HallsTable {
  id: string
  name: string
  kind: 'district_centre' | 'street_station'
  /** Stable list order: the district centre first, then the street stations. */
  sort_order: number
  address: string
  map_url: string | null
  phones: Json<Phone[]>
  opening_hours: Json<OpeningHours>
  zones: Json<HallZone[]>
  accessibility: Json<string[]>
  verification: 'confirmed' | 'unconfirmed'
  updated_at: ColumnType<Date, Date | undefined, Date>
}

export interface HallWindowsTable {
  id: string
  hall_id: string
  number: string
  name: string
  handles: Json<string[]>
  sort_order: number
}

export interface WindowStaffTable {
  id: Generated<string>
  window_id: string
  name: string
  duties: string
  contact: string | null
  sort_order: number
}

export interface DailySequencesTable {
  series: string
  day: string
  last_value: number
}

export interface InaccuracyReportsTable {
  id: Generated<string>
  reference: string
  hall_id: string
  topic: string
  description: string
  contact: string | null
  received_at: Date
}

export interface IdempotencyKeysTable {
  /** Whose key it is: 'citizen:<id>', 'staff:<id>' or 'anonymous' (see plugins/idempotency.ts). */
  principal: ColumnType<string, string | undefined, never>
  key: string
  operation: string
  fingerprint: string
  status_code: number | null
  response_body: ColumnType<unknown, string | null, string>
  created_at: ColumnType<Date, Date | undefined, never>
}

export interface DepartmentsTable {
  id: string
  name: string
  short_name: string
  sort_order: number
}

export interface ThemesTable {
  id: string
  name: string
  audience: Audience
  sort_order: number
}

export interface CatalogueSequenceTable {
  id: ColumnType<boolean, never, never>
  /** bigint: node-postgres reads it as a string, PGlite as a number or bigint. */
  last_value: ColumnType<string | number | bigint, never, string>
}

export interface ServiceItemsTable {
  code: string
  basic_code: string
  implementation_code: string | null
  department_id: string
  popularity: number
  status: 'draft' | 'published' | 'withdrawn'
  current_version: number | null
  name: string
  audiences: Json<Audience[]>
  theme_ids: Json<string[]>
  keywords: Json<string[]>
  case_type: CaseType | null
  visits_required: number | null
  /** Pinyin of the name and each keyword, for the phone's offline search (see guides/pinyin.ts). */
  search_pinyin: Json<string[]>
  search_initials: Json<string[]>
  search_text: string
  updated_at: ColumnType<Date, Date | undefined, Date>
  change_seq: ColumnType<string | number | bigint, string | undefined, string>
  /** Bytes of the published guide's JSON and of every file it offers (contract guideOfflineBytes). */
  offline_bytes: ColumnType<number, number | undefined, number>
}

export interface GuideVersionsTable {
  item_code: string
  version: number
  status: 'draft' | 'published' | 'superseded'
  content: Json<GuideContent>
  content_hash: string
  /** A `date`: always selected as text (`effective_date::text`), never as a JS Date. */
  effective_date: ColumnType<unknown, string, string>
  change_note: string | null
  published_at: Date | null
  problems: Json<GuideProblem[]>
  created_at: ColumnType<Date, Date | undefined, never>
}

export interface StoredFilesTable {
  sha256: string
  file_name: string
  media_type: string
  bytes: number
  created_at: ColumnType<Date, Date | undefined, never>
}

export interface StoredFileNamesTable {
  sha256: string
  file_name: string
}

export interface CitizensTable {
  id: Generated<string>
  phone: string
  created_at: ColumnType<Date, Date | undefined, never>
  last_signed_in_at: Date | null
}

export interface SignInCodesTable {
  id: Generated<string>
  phone: string
  client_address: string
  code_hash: string
  attempts: ColumnType<number, number | undefined, number>
  created_at: Date
  expires_at: Date
  used_at: Date | null
}

/** citizen_sessions and staff_sessions: a session found by the SHA-256 of its cookie token. */
interface SessionColumns {
  token_hash: string
  created_at: Date
  last_seen_at: Date
  expires_at: Date
}

export interface CitizenSessionsTable extends SessionColumns {
  citizen_id: string
}

export interface StaffSessionsTable extends SessionColumns {
  staff_id: string
}

export interface StaffAccountsTable {
  id: Generated<string>
  username: string
  display_name: string
  role: 'clerk' | 'supervisor' | 'admin'
  password_hash: string
  disabled_at: Date | null
  failed_sign_ins: ColumnType<number, number | undefined, number>
  locked_until: Date | null
  created_at: ColumnType<Date, Date | undefined, never>
  updated_at: ColumnType<Date, Date | undefined, Date>
}

export interface StaffHallsTable {
  staff_id: string
  hall_id: string
}

export interface StaffDepartmentsTable {
  staff_id: string
  department_id: string
}

export interface AuditLogTable {
  /** bigint: node-postgres reads it as a string, PGlite as a number. */
  id: ColumnType<string | number, never, never>
  at: ColumnType<Date, Date | undefined, never>
  staff_id: string | null
  actor: string
  action: string
  target: string | null
  detail: Json<Record<string, unknown>>
}

export interface CitizenProfilesTable {
  citizen_id: string
  name: string | null
  id_number: string | null
  phone: string | null
  address: string | null
  updated_at: Date
}

export interface CitizenCompaniesTable {
  id: Generated<string>
  citizen_id: string
  name: string
  credit_code: string
  legal_representative: string
  created_at: Date
  updated_at: Date
}

export interface UploadsTable {
  id: Generated<string>
  citizen_id: string
  sha256: string
  file_name: string
  media_type: string
  bytes: number
  created_at: Date
  expires_at: Date
  /** Set when a submitted application attaches it; unattached uploads expire. */
  case_id: string | null
}

export interface CasesTable {
  id: Generated<string>
  case_number: string
  citizen_id: string
  item_code: string
  item_name: string
  guide_version: number
  guide_content_hash: string
  department_id: string
  handling_body: string
  status: CaseStatus
  situation_answers: Json<Record<string, string>>
  form_values: Json<ApplicationValues>
  materials: Json<CaseMaterial[]>
  deferred_materials: number
  promised_completion: ColumnType<PromisedCompletion | null, string | null, string | null>
  /** A `date`: always selected as text (`expected_completion_date::text`), never as a JS Date. */
  expected_completion_date: ColumnType<unknown, string | null, string | null>
  submitted_at: Date
  /** `date` columns: always selected as text, never as a JS Date. */
  accepted_on: ColumnType<unknown, string | null | undefined, string | null>
  decided_on: ColumnType<unknown, string | null | undefined, string | null>
  /** Corrections after acceptance, during which the deadlines do not run. */
  pauses: ColumnType<CasePause[], string | undefined, string>
  correction: ColumnType<CaseCorrectionRequest | null, string | null | undefined, string | null>
  refusal: ColumnType<CaseRefusal | null, string | null | undefined, string | null>
  result: ColumnType<CaseResult | null, string | null | undefined, string | null>
  promised_due_date: ColumnType<unknown, string | null | undefined, string | null>
  statutory_due_date: ColumnType<unknown, string | null | undefined, string | null>
}

export interface CaseEventsTable {
  /** bigint: node-postgres reads it as a string, PGlite as a number. */
  id: ColumnType<string | number, never, never>
  case_id: string
  at: Date
  status: CaseStatus
  actor_kind: 'citizen' | 'staff' | 'system'
  staff_id: string | null
  actor: string
  note: string
  /** null for the submission. */
  action: CaseAction | null
  actor_role: CaseActorRole
  detail: ColumnType<unknown, string | null | undefined, never>
}

export interface NotificationsTable {
  id: Generated<string>
  citizen_id: string
  kind: string
  case_number: string | null
  /** The app path the notification opens (migration 0012); null: none beyond the list. */
  link: string | null
  title: string
  body: string
  created_at: Date
  read_at: Date | null
  /** Still to be offered to the citizen's push subscriptions (cleared by the push sender). */
  push_pending: Generated<boolean>
}

export interface PushSubscriptionsTable {
  id: Generated<string>
  citizen_id: string
  endpoint: string
  /** PushSubscription keys: p256dh (the browser's public key) and auth, base64url. */
  keys: Json<{ p256dh: string; auth: string }>
  created_at: Date
  updated_at: Date
  last_failure_at: Date | null
  last_failure: string | null
  failure_count: Generated<number>
}

export interface RatingsTable {
  id: Generated<string>
  citizen_id: string
  case_id: string | null
  hall_id: string | null
  /** A `date`: always selected as text (`visit_date::text`), never as a JS Date. */
  visit_date: ColumnType<unknown, string | null, string | null>
  level: number
  comment: string | null
  rated_at: Date
}

export interface FollowUpsTable {
  id: Generated<string>
  rating_id: string
  department_id: string | null
  hall_id: string | null
  status: 'open' | 'closed'
  opened_at: Date
  outcome: string | null
  closed_at: Date | null
  closed_by: string | null
  closed_by_name: string | null
}

export interface CaseLookupAttemptsTable {
  /** bigint: node-postgres reads it as a string, PGlite as a number. */
  id: ColumnType<string | number, never, never>
  address_hash: string
  case_number: string
  matched: boolean
  at: Date
}

export interface AppointmentSchedulesTable {
  hall_id: string
  schedule: Json<HallScheduleInput>
  updated_at: Date
  updated_by: string | null
}

/** A booked slot's counter (see migration 0010): bookings change it only by conditional UPDATEs. */
export interface AppointmentSlotsTable {
  hall_id: string
  service_id: string
  /** A `date`: always compared and selected as text, never as a JS Date. */
  slot_date: ColumnType<unknown, string, string>
  start_time: string
  kind: SlotKind
  capacity: number
  priority_reserved: number
  booked: ColumnType<number, number | undefined, number>
  booked_priority: ColumnType<number, number | undefined, number>
}

export interface BookingsTable {
  id: Generated<string>
  code: string
  citizen_id: string
  item_code: string
  item_name: string
  hall_id: string
  service_id: string
  service_name: string
  window_number: string | null
  /** A `date`: always selected as text (`slot_date::text`), never as a JS Date. */
  slot_date: ColumnType<unknown, string, string>
  start_time: string
  end_time: string
  kind: SlotKind
  priority_group: PriorityGroup | null
  status: BookingStatus
  starts_at: Date
  changeable_until: Date
  created_at: Date
  cancelled_at: Date | null
  checked_in_at: Date | null
  no_show_at: Date | null
  reminded_day_before_at: Date | null
  reminded_two_hours_at: Date | null
}

export interface HomeServiceRequestsTable {
  id: Generated<string>
  citizen_id: string
  item_code: string
  item_name: string
  hall_id: string
  address: string
  reason: HomeServiceReason
  note: string | null
  preferred_dates: Json<string[]>
  contact_name: string
  contact_phone: string
  status: HomeServiceStatus
  visit_at: Date | null
  staff_note: string | null
  created_at: Date
  decided_at: Date | null
  decided_by: string | null
  cancelled_at: Date | null
}

/** A complaint or suggestion (投诉建议); migrations/0011_complaints.sql. */
export interface ComplaintsTable {
  id: Generated<string>
  tracking_number: string
  query_code_hash: string
  kind: ComplaintKind
  category: ComplaintCategory
  citizen_id: string | null
  anonymous: boolean
  contact_name: string | null
  contact_phone: string | null
  hall_id: string | null
  window_id: string | null
  staff_name: string | null
  item_code: string | null
  case_number: string | null
  booking_id: string | null
  department_id: string | null
  description: string
  occurred_at: Date | null
  status: ComplaintStatus
  handler_id: string | null
  submitted_at: Date
  /** `date` columns: always selected as text (`acknowledge_by::text`), never as a JS Date. */
  acknowledge_by: ColumnType<unknown, string, string>
  answer_by: ColumnType<unknown, string, string>
  acknowledged_at: Date | null
  answer: string | null
  answered_at: Date | null
  satisfied: boolean | null
  rating_comment: string | null
  rated_at: Date | null
  reopened_at: Date | null
  closed_at: Date | null
}

export interface ComplaintEventsTable {
  id: Generated<string>
  complaint_id: string
  status: ComplaintStatus
  actor_kind: 'citizen' | 'staff'
  staff_id: string | null
  staff_name: string | null
  note: string | null
  at: Date
}

export interface ComplaintPhotosTable {
  id: Generated<string>
  citizen_id: string | null
  complaint_id: string | null
  sort_order: number | null
  sha256: string
  media_type: string
  bytes: number
  created_at: Date
  expires_at: Date
}

export interface ComplaintAttemptsTable {
  id: Generated<string>
  purpose: 'submission' | 'photo' | 'lookup'
  address_hash: string
  tracking_number: string | null
  matched: boolean | null
  at: Date
}

export interface Database {
  halls: HallsTable
  hall_windows: HallWindowsTable
  window_staff: WindowStaffTable
  daily_sequences: DailySequencesTable
  inaccuracy_reports: InaccuracyReportsTable
  idempotency_keys: IdempotencyKeysTable
  departments: DepartmentsTable
  themes: ThemesTable
  catalogue_sequence: CatalogueSequenceTable
  service_items: ServiceItemsTable
  guide_versions: GuideVersionsTable
  stored_files: StoredFilesTable
  stored_file_names: StoredFileNamesTable
  citizens: CitizensTable
  sign_in_codes: SignInCodesTable
  citizen_sessions: CitizenSessionsTable
  staff_accounts: StaffAccountsTable
  staff_halls: StaffHallsTable
  staff_departments: StaffDepartmentsTable
  staff_sessions: StaffSessionsTable
  audit_log: AuditLogTable
  citizen_profiles: CitizenProfilesTable
  citizen_companies: CitizenCompaniesTable
  uploads: UploadsTable
  cases: CasesTable
  case_events: CaseEventsTable
  ratings: RatingsTable
  follow_ups: FollowUpsTable
  case_lookup_attempts: CaseLookupAttemptsTable
  notifications: NotificationsTable
  push_subscriptions: PushSubscriptionsTable
  appointment_schedules: AppointmentSchedulesTable
  appointment_slots: AppointmentSlotsTable
  bookings: BookingsTable
  home_service_requests: HomeServiceRequestsTable
  complaints: ComplaintsTable
  complaint_events: ComplaintEventsTable
  complaint_photos: ComplaintPhotosTable
  complaint_attempts: ComplaintAttemptsTable
}

export type HallRow = Selectable<HallsTable>
