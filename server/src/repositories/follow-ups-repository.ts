import { sql, type Kysely } from 'kysely'
import type { FollowUpTask } from '../../../contract/ratings.ts'
import type { Database } from '../db/schema.ts'
import { levelName, ratingTarget } from './ratings-repository.ts'

/** Whose follow-ups a staff member handles: all (administrators), or those of some departments and halls. */
export type FollowUpScope = { all: true } | { departmentIds: readonly string[]; hallIds: readonly string[] }

function selectTasks(db: Kysely<Database>, scope: FollowUpScope) {
  let query = db
    .selectFrom('follow_ups')
    .innerJoin('ratings', 'ratings.id', 'follow_ups.rating_id')
    .leftJoin('cases', 'cases.id', 'ratings.case_id')
    .leftJoin('halls', 'halls.id', 'ratings.hall_id')
    .select([
      'follow_ups.id as id',
      'follow_ups.status as status',
      'follow_ups.opened_at as opened_at',
      'follow_ups.department_id as department_id',
      'follow_ups.hall_id as follow_up_hall_id',
      'follow_ups.outcome as outcome',
      'follow_ups.closed_at as closed_at',
      'follow_ups.closed_by_name as closed_by_name',
      'ratings.citizen_id as citizen_id',
      'ratings.level as level',
      'ratings.comment as comment',
      'ratings.rated_at as rated_at',
      'ratings.hall_id as hall_id',
      sql<string | null>`ratings.visit_date::text`.as('visit_date'),
      'cases.case_number as case_number',
      'cases.item_name as item_name',
      'halls.name as hall_name',
    ])
  if (!('all' in scope)) {
    const { departmentIds, hallIds } = scope
    query = query.where((eb) =>
      eb.or([
        ...(departmentIds.length > 0 ? [eb('follow_ups.department_id', 'in', [...departmentIds])] : []),
        ...(hallIds.length > 0 ? [eb('follow_ups.hall_id', 'in', [...hallIds])] : []),
        eb.val(false),
      ]),
    )
  }
  return query
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['executeTakeFirstOrThrow']>>

function toTask(row: TaskRow): FollowUpTask {
  return {
    id: row.id,
    status: row.status,
    openedAt: row.opened_at.toISOString(),
    departmentId: row.department_id,
    hallId: row.follow_up_hall_id,
    target: ratingTarget(row),
    level: row.level,
    levelName: levelName(row.level),
    comment: row.comment,
    ratedAt: row.rated_at.toISOString(),
    outcome: row.outcome,
    closedAt: row.closed_at?.toISOString() ?? null,
    closedBy: row.closed_by_name,
  }
}

/** A task with whom it concerns (never sent to staff: for notifying the citizen). */
export interface StoredFollowUp {
  task: FollowUpTask
  citizenId: string
}

export function followUpsRepository(db: Kysely<Database>) {
  return {
    /** Opens the follow-up of a low rating, for a department (case) or a hall (visit). */
    async open(ratingId: string, owner: { departmentId: string } | { hallId: string }, openedAt: Date): Promise<void> {
      await db
        .insertInto('follow_ups')
        .values({
          rating_id: ratingId,
          department_id: 'departmentId' in owner ? owner.departmentId : null,
          hall_id: 'hallId' in owner ? owner.hallId : null,
          status: 'open',
          opened_at: openedAt,
        })
        .execute()
    },

    /** The tasks in scope: open ones first, oldest first; then closed ones, latest closed first. */
    async list(scope: FollowUpScope): Promise<FollowUpTask[]> {
      const rows = await selectTasks(db, scope)
        .orderBy(sql`CASE WHEN follow_ups.status = 'open' THEN 0 ELSE 1 END`)
        .orderBy(sql`CASE WHEN follow_ups.status = 'open' THEN follow_ups.opened_at END`)
        .orderBy('follow_ups.closed_at', 'desc')
        .orderBy('follow_ups.id')
        .limit(500)
        .execute()
      return rows.map(toTask)
    },

    /** One task in scope, locked until the transaction ends; undefined when out of scope or missing. */
    async findForUpdate(scope: FollowUpScope, id: string): Promise<StoredFollowUp | undefined> {
      const row = await selectTasks(db, scope).where('follow_ups.id', '=', id).forUpdate('follow_ups').executeTakeFirst()
      return row && { task: toTask(row), citizenId: row.citizen_id }
    },

    async close(id: string, closing: { outcome: string; closedAt: Date; staffId: string; staffName: string }): Promise<void> {
      await db
        .updateTable('follow_ups')
        .set({ status: 'closed', outcome: closing.outcome, closed_at: closing.closedAt, closed_by: closing.staffId, closed_by_name: closing.staffName })
        .where('id', '=', id)
        .execute()
    },
  }
}
