import { sql, type Kysely } from 'kysely'
import { RATING_LEVEL_NAMES, type Rating, type RatingLevelValue, type RatingTarget } from '../../../contract/ratings.ts'
import type { Database } from '../db/schema.ts'

export interface NewRating {
  citizenId: string
  level: number
  comment: string | null
  ratedAt: Date
  target: { caseId: string } | { hallId: string; visitDate: string }
}

/** A case as the rating needs it: only when it is the citizen's own. */
export interface RateableCase {
  id: string
  caseNumber: string
  status: string
  departmentId: string
}

/** The rating's rows joined with what it rated and its follow-up, for the citizen's views. */
function selectRatings(db: Kysely<Database>) {
  return db
    .selectFrom('ratings')
    .leftJoin('cases', 'cases.id', 'ratings.case_id')
    .leftJoin('halls', 'halls.id', 'ratings.hall_id')
    .leftJoin('follow_ups', 'follow_ups.rating_id', 'ratings.id')
    .select([
      'ratings.id as id',
      'ratings.level as level',
      'ratings.comment as comment',
      'ratings.rated_at as rated_at',
      'ratings.hall_id as hall_id',
      sql<string | null>`ratings.visit_date::text`.as('visit_date'),
      'cases.case_number as case_number',
      'cases.item_name as item_name',
      'halls.name as hall_name',
      'follow_ups.id as follow_up_id',
      'follow_ups.status as follow_up_status',
      'follow_ups.opened_at as follow_up_opened_at',
      'follow_ups.outcome as follow_up_outcome',
      'follow_ups.closed_at as follow_up_closed_at',
    ])
}

type RatingRow = Awaited<ReturnType<ReturnType<typeof selectRatings>['executeTakeFirstOrThrow']>>

/** What a rating rated, from the joined row. */
export function ratingTarget(row: { case_number: string | null; item_name: string | null; hall_id: string | null; hall_name: string | null; visit_date: string | null }): RatingTarget {
  if (row.case_number !== null) return { kind: 'case', caseNumber: row.case_number, itemName: row.item_name ?? '' }
  return { kind: 'hall', hallId: row.hall_id ?? '', hallName: row.hall_name ?? '', visitDate: row.visit_date ?? '' }
}

export function levelName(level: number): string {
  return RATING_LEVEL_NAMES[level as RatingLevelValue]
}

function toRating(row: RatingRow): Rating {
  return {
    id: row.id,
    target: ratingTarget(row),
    level: row.level,
    levelName: levelName(row.level),
    comment: row.comment,
    ratedAt: row.rated_at.toISOString(),
    followUp:
      row.follow_up_id === null
        ? null
        : {
            id: row.follow_up_id,
            status: row.follow_up_status!,
            openedAt: row.follow_up_opened_at!.toISOString(),
            outcome: row.follow_up_outcome,
            closedAt: row.follow_up_closed_at?.toISOString() ?? null,
          },
  }
}

export function ratingsRepository(db: Kysely<Database>) {
  return {
    /**
     * The citizen's case under `caseNumber`, locked until the transaction ends (so two ratings of
     * it cannot pass the checks at once); undefined for another's case, as for none.
     */
    async findOwnCaseForUpdate(citizenId: string, caseNumber: string): Promise<RateableCase | undefined> {
      const row = await db
        .selectFrom('cases')
        .select(['id', 'case_number', 'status', 'department_id'])
        .where('case_number', '=', caseNumber)
        .where('citizen_id', '=', citizenId)
        .forUpdate()
        .executeTakeFirst()
      return row && { id: row.id, caseNumber: row.case_number, status: row.status, departmentId: row.department_id }
    },

    async caseIsRated(caseId: string): Promise<boolean> {
      return (await db.selectFrom('ratings').select('id').where('case_id', '=', caseId).executeTakeFirst()) !== undefined
    },

    async hallVisitIsRated(citizenId: string, hallId: string, visitDate: string): Promise<boolean> {
      const row = await db
        .selectFrom('ratings')
        .select('id')
        .where('citizen_id', '=', citizenId)
        .where('hall_id', '=', hallId)
        .where('visit_date', '=', visitDate)
        .executeTakeFirst()
      return row !== undefined
    },

    /** Stores a rating; answers its id. A unique violation (a second rating) is the caller's to map. */
    async create(rating: NewRating): Promise<string> {
      const target =
        'caseId' in rating.target
          ? { case_id: rating.target.caseId, hall_id: null, visit_date: null }
          : { case_id: null, hall_id: rating.target.hallId, visit_date: rating.target.visitDate }
      const { id } = await db
        .insertInto('ratings')
        .values({ citizen_id: rating.citizenId, level: rating.level, comment: rating.comment, rated_at: rating.ratedAt, ...target })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },

    /** One of the citizen's ratings, as they see it. */
    async findForCitizen(citizenId: string, ratingId: string): Promise<Rating | undefined> {
      const row = await selectRatings(db).where('ratings.citizen_id', '=', citizenId).where('ratings.id', '=', ratingId).executeTakeFirst()
      return row && toRating(row)
    },

    /** The citizen's ratings, newest first, each with its follow-up. */
    async listForCitizen(citizenId: string): Promise<Rating[]> {
      const rows = await selectRatings(db)
        .where('ratings.citizen_id', '=', citizenId)
        .orderBy('ratings.rated_at', 'desc')
        .orderBy('ratings.id')
        .limit(500)
        .execute()
      return rows.map(toRating)
    },
  }
}
