import { sql, type Kysely } from 'kysely'
import type { ApplicationValues } from '../../../contract/application-form.ts'
import type { CaseMaterial, CaseStatus, CaseTimelineEntry, PromisedCompletion } from '../../../contract/applications.ts'
import type { CaseAction, CaseActorRole, CaseCorrectionRequest, CasePause, CaseRefusal, CaseResult } from '../../../contract/case-lifecycle.ts'
import type { TimeLimit } from '../../../contract/guides.ts'
import type { Database } from '../db/schema.ts'
import { shanghaiDate } from '../time.ts'
import { dailySequencesRepository } from './daily-sequences-repository.ts'

/** The series of case numbers: KDL-20261125-0001 (昆都仑, the day of submission, the day's count). */
const caseNumberSeries = 'KDL'

export interface NewCase {
  citizenId: string
  itemCode: string
  itemName: string
  guideVersion: number
  guideContentHash: string
  departmentId: string
  handlingBody: string
  situationAnswers: Record<string, string>
  values: ApplicationValues
  materials: CaseMaterial[]
  promisedCompletion: PromisedCompletion | null
  submittedAt: Date
}

export interface NewCaseEvent {
  at: Date
  status: CaseStatus
  /** null (or left out) for the submission. */
  action?: CaseAction | null
  actorKind: 'citizen' | 'staff' | 'system'
  /** Left out: 'applicant' for a citizen, 'system' for the system. */
  actorRole?: CaseActorRole
  staffId?: string | null
  actor: string
  note: string
  /** What the action said (reasons, legal basis, correction items or answer, delivery), kept for the record. */
  detail?: unknown
}

/** What a transition changes on the case row (the timeline entry is added separately). */
export interface CaseUpdate {
  status: CaseStatus
  acceptedOn?: string | null
  decidedOn?: string | null
  pauses?: CasePause[]
  correction?: CaseCorrectionRequest | null
  refusal?: CaseRefusal | null
  result?: CaseResult | null
  values?: ApplicationValues
  materials?: CaseMaterial[]
  promisedDueDate: string | null
  statutoryDueDate: string | null
}

/** A case as stored: what the views (applications/case-views.ts) are made from. */
export interface StoredCase {
  id: string
  caseNumber: string
  citizenId: string
  itemCode: string
  itemName: string
  guideVersion: number
  guideContentHash: string
  departmentId: string
  handlingBody: string
  status: CaseStatus
  situationAnswers: Record<string, string>
  values: ApplicationValues
  materials: CaseMaterial[]
  deferredMaterials: number
  promisedCompletion: PromisedCompletion | null
  submittedAt: Date
  /** The day of acceptance (受理), null before it. */
  acceptedOn: string | null
  /** The day of the decision (approve / reject). */
  decidedOn: string | null
  pauses: CasePause[]
  correction: CaseCorrectionRequest | null
  refusal: CaseRefusal | null
  result: CaseResult | null
  /** The guide version's 法定 and 承诺办结时限. */
  limits: { statutory: TimeLimit | null; promised: TimeLimit | null }
  timeline: CaseTimelineEntry[]
}

/** A case as lists show it: everything but the form, materials and timeline. */
export type StoredCaseSummary = Omit<StoredCase, 'timeline' | 'situationAnswers' | 'values' | 'materials'>

/** Who may read a case: its applicant, or staff acting for some departments (null: all, administrators). */
export type CaseReader = { citizenId: string } | { departmentIds: readonly string[] | null }

function selectCases(db: Kysely<Database>) {
  return db
    .selectFrom('cases')
    .leftJoin('guide_versions', (join) => join.onRef('guide_versions.item_code', '=', 'cases.item_code').onRef('guide_versions.version', '=', 'cases.guide_version'))
    .select([
      'cases.id',
      'cases.case_number',
      'cases.citizen_id',
      'cases.item_code',
      'cases.item_name',
      'cases.guide_version',
      'cases.guide_content_hash',
      'cases.department_id',
      'cases.handling_body',
      'cases.status',
      'cases.situation_answers',
      'cases.form_values',
      'cases.materials',
      'cases.deferred_materials',
      'cases.promised_completion',
      sql<string | null>`cases.expected_completion_date::text`.as('expected_completion_date'),
      'cases.submitted_at',
      sql<string | null>`cases.accepted_on::text`.as('accepted_on'),
      sql<string | null>`cases.decided_on::text`.as('decided_on'),
      'cases.pauses',
      'cases.correction',
      'cases.refusal',
      'cases.result',
      sql<TimeLimit | null>`guide_versions.content -> 'statutoryTimeLimit'`.as('statutory_time_limit'),
      sql<TimeLimit | null>`guide_versions.content -> 'promisedTimeLimit'`.as('promised_time_limit'),
    ])
}

type CaseRow = Awaited<ReturnType<ReturnType<typeof selectCases>['executeTakeFirstOrThrow']>>

function summaryOf(row: CaseRow): StoredCaseSummary {
  return {
    id: row.id,
    caseNumber: row.case_number,
    citizenId: row.citizen_id,
    itemCode: row.item_code,
    itemName: row.item_name,
    guideVersion: row.guide_version,
    guideContentHash: row.guide_content_hash,
    departmentId: row.department_id,
    handlingBody: row.handling_body,
    status: row.status,
    deferredMaterials: row.deferred_materials,
    promisedCompletion: row.promised_completion,
    submittedAt: row.submitted_at,
    acceptedOn: row.accepted_on,
    decidedOn: row.decided_on,
    pauses: row.pauses,
    correction: row.correction,
    refusal: row.refusal,
    result: row.result,
    limits: { statutory: row.statutory_time_limit ?? null, promised: row.promised_time_limit ?? null },
  }
}

/** Who may read a case's queue: staff of some departments, or all (null, administrators). */
export interface StaffQueueQuery {
  departmentIds: readonly string[] | null
  statuses: readonly CaseStatus[] | null
  page: number
  pageSize: number
}

export function casesRepository(db: Kysely<Database>) {
  return {
    /**
     * Stores a new case under the day's next case number, with its first timeline entry; run it in
     * the transaction of the submission (and its idempotency key). Answers its id and number.
     */
    async create(newCase: NewCase, firstEvent: NewCaseEvent): Promise<{ id: string; caseNumber: string }> {
      const day = shanghaiDate(newCase.submittedAt)
      const number = await dailySequencesRepository(db).next(caseNumberSeries, day)
      const caseNumber = `${caseNumberSeries}-${day.replaceAll('-', '')}-${String(number).padStart(4, '0')}`
      const { id } = await db
        .insertInto('cases')
        .values({
          case_number: caseNumber,
          citizen_id: newCase.citizenId,
          item_code: newCase.itemCode,
          item_name: newCase.itemName,
          guide_version: newCase.guideVersion,
          guide_content_hash: newCase.guideContentHash,
          department_id: newCase.departmentId,
          handling_body: newCase.handlingBody,
          status: firstEvent.status,
          situation_answers: JSON.stringify(newCase.situationAnswers),
          form_values: JSON.stringify(newCase.values),
          materials: JSON.stringify(newCase.materials),
          deferred_materials: newCase.materials.filter((material) => material.deferred).length,
          promised_completion: newCase.promisedCompletion && JSON.stringify(newCase.promisedCompletion),
          expected_completion_date: newCase.promisedCompletion?.expectedDate ?? null,
          submitted_at: newCase.submittedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await this.addEvent(id, firstEvent)
      return { id, caseNumber }
    },

    async addEvent(caseId: string, event: NewCaseEvent): Promise<void> {
      await db
        .insertInto('case_events')
        .values({
          case_id: caseId,
          at: event.at,
          status: event.status,
          action: event.action ?? null,
          actor_kind: event.actorKind,
          actor_role: event.actorRole ?? (event.actorKind === 'citizen' ? 'applicant' : 'system'),
          staff_id: event.staffId ?? null,
          actor: event.actor,
          note: event.note,
          detail: event.detail === undefined ? null : JSON.stringify(event.detail),
        })
        .execute()
    },

    /**
     * Locks the case row until the transaction ends (SELECT … FOR UPDATE), so that two
     * transitions of one case run one after the other; answers its id, or undefined.
     */
    async lock(caseNumber: string): Promise<string | undefined> {
      const row = await db.selectFrom('cases').select('id').where('case_number', '=', caseNumber).forUpdate().executeTakeFirst()
      return row?.id
    },

    /** Writes what a transition changed. */
    async update(caseId: string, update: CaseUpdate): Promise<void> {
      const json = (value: unknown) => (value === null ? null : JSON.stringify(value))
      await db
        .updateTable('cases')
        .set({
          status: update.status,
          promised_due_date: update.promisedDueDate,
          statutory_due_date: update.statutoryDueDate,
          ...(update.acceptedOn !== undefined && { accepted_on: update.acceptedOn }),
          ...(update.decidedOn !== undefined && { decided_on: update.decidedOn }),
          ...(update.pauses !== undefined && { pauses: JSON.stringify(update.pauses) }),
          ...(update.correction !== undefined && { correction: json(update.correction) }),
          ...(update.refusal !== undefined && { refusal: json(update.refusal) }),
          ...(update.result !== undefined && { result: json(update.result) }),
          ...(update.values !== undefined && { form_values: JSON.stringify(update.values) }),
          ...(update.materials !== undefined && {
            materials: JSON.stringify(update.materials),
            deferred_materials: update.materials.filter((material) => material.deferred).length,
          }),
        })
        .where('id', '=', caseId)
        .execute()
    },

    /** The citizen's cases, newest first. */
    async listForCitizen(citizenId: string): Promise<StoredCaseSummary[]> {
      const rows = await selectCases(db).where('cases.citizen_id', '=', citizenId).orderBy('cases.submitted_at', 'desc').orderBy('cases.case_number', 'desc').execute()
      return rows.map(summaryOf)
    },

    /**
     * The staff queue: cases of the departments (all for null), optionally of some statuses, by
     * the running promised due date, then the statutory one (cases without one after those), then
     * the oldest submission; one page and the total.
     */
    async listForStaff(query: StaffQueueQuery): Promise<{ cases: StoredCaseSummary[]; total: number }> {
      if (query.departmentIds !== null && query.departmentIds.length === 0) return { cases: [], total: 0 }
      let rows = selectCases(db)
      let count = db.selectFrom('cases').select((eb) => eb.fn.countAll<string | number>().as('count'))
      if (query.departmentIds !== null) {
        rows = rows.where('cases.department_id', 'in', [...query.departmentIds])
        count = count.where('cases.department_id', 'in', [...query.departmentIds])
      }
      if (query.statuses !== null && query.statuses.length > 0) {
        rows = rows.where('cases.status', 'in', [...query.statuses])
        count = count.where('cases.status', 'in', [...query.statuses])
      }
      const page = await rows
        .orderBy(sql`cases.promised_due_date asc nulls last`)
        .orderBy(sql`cases.statutory_due_date asc nulls last`)
        .orderBy('cases.submitted_at', 'asc')
        .orderBy('cases.case_number', 'asc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute()
      const total = Number((await count.executeTakeFirstOrThrow()).count)
      return { cases: page.map(summaryOf), total }
    },

    /**
     * The case under `caseNumber` if `reader` may read it — its applicant, or staff of its
     * department (all departments for administrators) — else undefined, as if there were none.
     */
    async find(caseNumber: string, reader: CaseReader): Promise<StoredCase | undefined> {
      let query = selectCases(db).where('cases.case_number', '=', caseNumber)
      if ('citizenId' in reader) query = query.where('cases.citizen_id', '=', reader.citizenId)
      else if (reader.departmentIds !== null) {
        if (reader.departmentIds.length === 0) return undefined
        query = query.where('cases.department_id', 'in', [...reader.departmentIds])
      }
      const row = await query.executeTakeFirst()
      if (!row) return undefined
      const events = await db
        .selectFrom('case_events')
        .select(['at', 'status', 'action', 'actor', 'actor_role', 'note'])
        .where('case_id', '=', row.id)
        .orderBy('at')
        .orderBy('id')
        .execute()
      return {
        ...summaryOf(row),
        situationAnswers: row.situation_answers,
        values: row.form_values,
        materials: row.materials,
        timeline: events.map((event) => ({
          at: event.at.toISOString(),
          status: event.status,
          action: event.action,
          actor: event.actor,
          actorRole: event.actor_role,
          note: event.note,
        })),
      }
    },

    /** Cases in the database, for the fault-run bench and tests. */
    async count(): Promise<number> {
      const row = await db.selectFrom('cases').select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow()
      return Number(row.count)
    },
  }
}
