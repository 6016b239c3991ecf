import { sql, type Kysely } from 'kysely'
import type { ApplicationValues } from '../../../contract/application-form.ts'
import type { CaseMaterial, CaseStatus, CaseSummary, CaseTimelineEntry, PromisedCompletion } from '../../../contract/applications.ts'
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
  actorKind: 'citizen' | 'staff' | 'system'
  staffId?: string | null
  actor: string
  note: string
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
  timeline: CaseTimelineEntry[]
}

/** Who may read a case: its applicant, or staff acting for some departments (null: all, administrators). */
export type CaseReader = { citizenId: string } | { departmentIds: readonly string[] | null }

function selectCases(db: Kysely<Database>) {
  return db
    .selectFrom('cases')
    .select([
      'id',
      'case_number',
      'citizen_id',
      'item_code',
      'item_name',
      'guide_version',
      'guide_content_hash',
      'department_id',
      'handling_body',
      'status',
      'situation_answers',
      'form_values',
      'materials',
      'deferred_materials',
      'promised_completion',
      sql<string | null>`expected_completion_date::text`.as('expected_completion_date'),
      'submitted_at',
    ])
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
          actor_kind: event.actorKind,
          staff_id: event.staffId ?? null,
          actor: event.actor,
          note: event.note,
        })
        .execute()
    },

    /** The citizen's cases, newest first. */
    async listForCitizen(citizenId: string): Promise<CaseSummary[]> {
      const rows = await selectCases(db).where('citizen_id', '=', citizenId).orderBy('submitted_at', 'desc').orderBy('case_number', 'desc').execute()
      return rows.map((row) => ({
        caseNumber: row.case_number,
        itemCode: row.item_code,
        itemName: row.item_name,
        status: row.status,
        submittedAt: row.submitted_at.toISOString(),
        expectedCompletionDate: row.expected_completion_date,
        deferredMaterials: row.deferred_materials,
      }))
    },

    /**
     * The case under `caseNumber` if `reader` may read it — its applicant, or staff of its
     * department (all departments for administrators) — else undefined, as if there were none.
     */
    async find(caseNumber: string, reader: CaseReader): Promise<StoredCase | undefined> {
      let query = selectCases(db).where('case_number', '=', caseNumber)
      if ('citizenId' in reader) query = query.where('citizen_id', '=', reader.citizenId)
      else if (reader.departmentIds !== null) {
        if (reader.departmentIds.length === 0) return undefined
        query = query.where('department_id', 'in', [...reader.departmentIds])
      }
      const row = await query.executeTakeFirst()
      if (!row) return undefined
      const events = await db
        .selectFrom('case_events')
        .select(['at', 'status', 'actor', 'note'])
        .where('case_id', '=', row.id)
        .orderBy('at')
        .orderBy('id')
        .execute()
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
        situationAnswers: row.situation_answers,
        values: row.form_values,
        materials: row.materials,
        deferredMaterials: row.deferred_materials,
        promisedCompletion: row.promised_completion,
        submittedAt: row.submitted_at,
        timeline: events.map((event) => ({ at: event.at.toISOString(), status: event.status, actor: event.actor, note: event.note })),
      }
    },

    /** Cases in the database, for the fault-run bench and tests. */
    async count(): Promise<number> {
      const row = await db.selectFrom('cases').select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow()
      return Number(row.count)
    },
  }
}
