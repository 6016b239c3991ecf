import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'
import type { ComplaintCategory, ComplaintKind, ComplaintStatus } from '../../../contract/complaints.ts'
import type { Database } from '../db/schema.ts'

/** A complaint as stored, with the names of what it concerns resolved (null when gone or not given). */
export interface ComplaintRecord {
  id: string
  trackingNumber: string
  queryCodeHash: string
  kind: ComplaintKind
  category: ComplaintCategory
  citizenId: string | null
  anonymous: boolean
  contactName: string | null
  contactPhone: string | null
  hallId: string | null
  hallName: string | null
  windowId: string | null
  windowNumber: string | null
  windowName: string | null
  staffName: string | null
  itemCode: string | null
  itemName: string | null
  caseNumber: string | null
  booking: { id: string; date: string; startTime: string; itemName: string } | null
  departmentId: string | null
  description: string
  occurredAt: Date | null
  status: ComplaintStatus
  handler: { id: string; displayName: string } | null
  submittedAt: Date
  acknowledgeBy: string
  answerBy: string
  answer: string | null
  answeredAt: Date | null
  satisfied: boolean | null
  ratingComment: string | null
  ratedAt: Date | null
  reopenedAt: Date | null
  closedAt: Date | null
}

export interface ComplaintEventRecord {
  at: Date
  status: ComplaintStatus
  actorKind: 'citizen' | 'staff'
  staffName: string | null
  note: string | null
}

export interface ComplaintPhotoRecord {
  photoId: string
  mediaType: string
  bytes: number
  sha256: string
}

/** A complaint with its steps (oldest first) and photos (in the order attached). */
export interface StoredComplaint extends ComplaintRecord {
  events: ComplaintEventRecord[]
  photos: ComplaintPhotoRecord[]
}

export interface NewComplaint {
  /** Chosen by the caller, since the query code is derived from it before the row exists. */
  id: string
  trackingNumber: string
  queryCodeHash: string
  kind: ComplaintKind
  category: ComplaintCategory
  citizenId: string | null
  anonymous: boolean
  contact: { name: string; phone: string } | null
  hallId: string | null
  windowId: string | null
  staffName: string | null
  itemCode: string | null
  caseNumber: string | null
  bookingId: string | null
  departmentId: string | null
  description: string
  occurredAt: Date | null
  submittedAt: Date
  acknowledgeBy: string
  answerBy: string
}

/** Who asks, for the staff side: which complaints they may see. */
export interface ComplaintViewer {
  staffId: string
  displayName: string
  role: 'clerk' | 'supervisor' | 'admin'
  hallIds: string[]
  departmentIds: string[]
}

/** A change of status with its step; `set` holds the other columns the change writes. */
export interface ComplaintChange {
  from: readonly ComplaintStatus[]
  to: ComplaintStatus
  actor: { kind: 'citizen' } | { kind: 'staff'; staffId: string; staffName: string }
  note: string | null
  at: Date
  set?: {
    handlerId?: string
    acknowledgedAt?: Date
    answer?: string
    answeredAt?: Date
    satisfied?: boolean | null
    ratingComment?: string | null
    ratedAt?: Date | null
    reopenedAt?: Date
    answerBy?: string
    closedAt?: Date
  }
}

type Scope = ExpressionBuilder<Database, 'complaints'>

/**
 * The staff visibility rule of contract/complaints.ts in SQL: administrators all; supervisors
 * their halls and departments, complaints concerning neither, and those assigned to them; clerks
 * their halls and departments and those assigned to them, except complaints naming them.
 */
function visibleTo(viewer: ComplaintViewer) {
  return (eb: Scope): Expression<SqlBool> => {
    if (viewer.role === 'admin') return sql<SqlBool>`true`
    const inScope = [eb('complaints.handler_id', '=', viewer.staffId)]
    if (viewer.hallIds.length > 0) inScope.push(eb('complaints.hall_id', 'in', viewer.hallIds))
    if (viewer.departmentIds.length > 0) inScope.push(eb('complaints.department_id', 'in', viewer.departmentIds))
    if (viewer.role === 'supervisor') {
      inScope.push(eb.and([eb('complaints.hall_id', 'is', null), eb('complaints.department_id', 'is', null)]))
      return eb.or(inScope)
    }
    return eb.and([
      eb.or(inScope),
      eb.or([
        eb('complaints.handler_id', '=', viewer.staffId),
        eb('complaints.staff_name', 'is', null),
        eb('complaints.staff_name', '<>', viewer.displayName),
      ]),
    ])
  }
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('complaints')
    .leftJoin('halls', 'halls.id', 'complaints.hall_id')
    .leftJoin('hall_windows', 'hall_windows.id', 'complaints.window_id')
    .leftJoin('service_items', 'service_items.code', 'complaints.item_code')
    .leftJoin('bookings', 'bookings.id', 'complaints.booking_id')
    .leftJoin('staff_accounts', 'staff_accounts.id', 'complaints.handler_id')
    .select([
      'complaints.id as id',
      'complaints.tracking_number as tracking_number',
      'complaints.query_code_hash as query_code_hash',
      'complaints.kind as kind',
      'complaints.category as category',
      'complaints.citizen_id as citizen_id',
      'complaints.anonymous as anonymous',
      'complaints.contact_name as contact_name',
      'complaints.contact_phone as contact_phone',
      'complaints.hall_id as hall_id',
      'halls.name as hall_name',
      'complaints.window_id as window_id',
      'hall_windows.number as window_number',
      'hall_windows.name as window_name',
      'complaints.staff_name as staff_name',
      'complaints.item_code as item_code',
      'service_items.name as item_name',
      'complaints.case_number as case_number',
      'complaints.booking_id as booking_id',
      sql<string | null>`bookings.slot_date::text`.as('booking_date'),
      'bookings.start_time as booking_start_time',
      'bookings.item_name as booking_item_name',
      'complaints.department_id as department_id',
      'complaints.description as description',
      'complaints.occurred_at as occurred_at',
      'complaints.status as status',
      'complaints.handler_id as handler_id',
      'staff_accounts.display_name as handler_name',
      'complaints.submitted_at as submitted_at',
      sql<string>`complaints.acknowledge_by::text`.as('acknowledge_by'),
      sql<string>`complaints.answer_by::text`.as('answer_by'),
      'complaints.answer as answer',
      'complaints.answered_at as answered_at',
      'complaints.satisfied as satisfied',
      'complaints.rating_comment as rating_comment',
      'complaints.rated_at as rated_at',
      'complaints.reopened_at as reopened_at',
      'complaints.closed_at as closed_at',
    ])
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

function toRecord(row: BaseRow): ComplaintRecord {
  return {
    id: row.id,
    trackingNumber: row.tracking_number,
    queryCodeHash: row.query_code_hash,
    kind: row.kind,
    category: row.category,
    citizenId: row.citizen_id,
    anonymous: row.anonymous,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    hallId: row.hall_id,
    hallName: row.hall_name,
    windowId: row.window_id,
    windowNumber: row.window_number,
    windowName: row.window_name,
    staffName: row.staff_name,
    itemCode: row.item_code,
    itemName: row.item_name,
    caseNumber: row.case_number,
    booking:
      row.booking_id && row.booking_date && row.booking_start_time && row.booking_item_name
        ? { id: row.booking_id, date: row.booking_date, startTime: row.booking_start_time, itemName: row.booking_item_name }
        : null,
    departmentId: row.department_id,
    description: row.description,
    occurredAt: row.occurred_at,
    status: row.status,
    handler: row.handler_id && row.handler_name ? { id: row.handler_id, displayName: row.handler_name } : null,
    submittedAt: row.submitted_at,
    acknowledgeBy: row.acknowledge_by,
    answerBy: row.answer_by,
    answer: row.answer,
    answeredAt: row.answered_at,
    satisfied: row.satisfied,
    ratingComment: row.rating_comment,
    ratedAt: row.rated_at,
    reopenedAt: row.reopened_at,
    closedAt: row.closed_at,
  }
}

/** Complaints, their steps and photos. Citizen reads name the citizen; staff reads apply visibleTo. */
export function complaintsRepository(db: Kysely<Database>) {
  async function withDetails(record: ComplaintRecord): Promise<StoredComplaint> {
    const events = await db
      .selectFrom('complaint_events')
      .select(['at', 'status', 'actor_kind', 'staff_name', 'note'])
      .where('complaint_id', '=', record.id)
      .orderBy('at')
      .orderBy('id')
      .execute()
    const photos = await db
      .selectFrom('complaint_photos')
      .select(['id', 'media_type', 'bytes', 'sha256'])
      .where('complaint_id', '=', record.id)
      .orderBy('sort_order')
      .execute()
    return {
      ...record,
      events: events.map((event) => ({ at: event.at, status: event.status, actorKind: event.actor_kind, staffName: event.staff_name, note: event.note })),
      photos: photos.map((photo) => ({ photoId: photo.id, mediaType: photo.media_type, bytes: photo.bytes, sha256: photo.sha256 })),
    }
  }

  return {
    /** Stores a new complaint with its first step (received); answers its id. */
    async insert(complaint: NewComplaint): Promise<string> {
      const row = await db
        .insertInto('complaints')
        .values({
          id: complaint.id,
          tracking_number: complaint.trackingNumber,
          query_code_hash: complaint.queryCodeHash,
          kind: complaint.kind,
          category: complaint.category,
          citizen_id: complaint.citizenId,
          anonymous: complaint.anonymous,
          contact_name: complaint.contact?.name ?? null,
          contact_phone: complaint.contact?.phone ?? null,
          hall_id: complaint.hallId,
          window_id: complaint.windowId,
          staff_name: complaint.staffName,
          item_code: complaint.itemCode,
          case_number: complaint.caseNumber,
          booking_id: complaint.bookingId,
          department_id: complaint.departmentId,
          description: complaint.description,
          occurred_at: complaint.occurredAt,
          status: 'received',
          handler_id: null,
          submitted_at: complaint.submittedAt,
          acknowledge_by: complaint.acknowledgeBy,
          answer_by: complaint.answerBy,
          acknowledged_at: null,
          answer: null,
          answered_at: null,
          satisfied: null,
          rating_comment: null,
          rated_at: null,
          reopened_at: null,
          closed_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db
        .insertInto('complaint_events')
        .values({ complaint_id: row.id, status: 'received', actor_kind: 'citizen', staff_id: null, staff_name: null, note: null, at: complaint.submittedAt })
        .execute()
      return row.id
    },

    /** A complaint by tracking number, whoever's it is: for the query-code lookup (which checks the code) and internal use. */
    async findByTrackingNumber(trackingNumber: string): Promise<StoredComplaint | undefined> {
      const row = await baseQuery(db).where('complaints.tracking_number', '=', trackingNumber).executeTakeFirst()
      return row ? withDetails(toRecord(row)) : undefined
    },

    /** The citizen's complaint, else undefined (also when it exists but is someone else's). */
    async findForCitizen(citizenId: string, trackingNumber: string): Promise<StoredComplaint | undefined> {
      const row = await baseQuery(db)
        .where('complaints.tracking_number', '=', trackingNumber)
        .where('complaints.citizen_id', '=', citizenId)
        .executeTakeFirst()
      return row ? withDetails(toRecord(row)) : undefined
    },

    /** The citizen's complaints, newest first. */
    async listForCitizen(citizenId: string): Promise<ComplaintRecord[]> {
      const rows = await baseQuery(db)
        .where('complaints.citizen_id', '=', citizenId)
        .orderBy('complaints.submitted_at', 'desc')
        .orderBy('complaints.tracking_number', 'desc')
        .execute()
      return rows.map(toRecord)
    },

    /** A complaint the staff member may see, else undefined. */
    async findForStaff(viewer: ComplaintViewer, trackingNumber: string): Promise<StoredComplaint | undefined> {
      const row = await baseQuery(db)
        .where('complaints.tracking_number', '=', trackingNumber)
        .where(visibleTo(viewer))
        .executeTakeFirst()
      return row ? withDetails(toRecord(row)) : undefined
    },

    /** The complaints the staff member may see, in the statuses given (all when null); the caller orders them. */
    async listForStaff(viewer: ComplaintViewer, statuses: readonly ComplaintStatus[] | null): Promise<ComplaintRecord[]> {
      let query = baseQuery(db).where(visibleTo(viewer))
      if (statuses !== null) query = query.where('complaints.status', 'in', [...statuses])
      const rows = await query.orderBy('complaints.answer_by').orderBy('complaints.submitted_at').limit(1000).execute()
      return rows.map(toRecord)
    },

    /**
     * Active staff accounts a supervisor may assign to: themselves and those sharing a hall or a
     * department with them; all active accounts for an administrator. By name.
     */
    async handlersFor(viewer: ComplaintViewer): Promise<{ id: string; displayName: string; role: 'clerk' | 'supervisor' | 'admin' }[]> {
      let query = db.selectFrom('staff_accounts').select(['id', 'display_name', 'role']).where('disabled_at', 'is', null)
      if (viewer.role !== 'admin') {
        query = query.where((eb) =>
          eb.or([
            eb('staff_accounts.id', '=', viewer.staffId),
            ...(viewer.hallIds.length > 0
              ? [eb.exists(eb.selectFrom('staff_halls').select('staff_halls.staff_id').whereRef('staff_halls.staff_id', '=', 'staff_accounts.id').where('staff_halls.hall_id', 'in', viewer.hallIds))]
              : []),
            ...(viewer.departmentIds.length > 0
              ? [
                  eb.exists(
                    eb
                      .selectFrom('staff_departments')
                      .select('staff_departments.staff_id')
                      .whereRef('staff_departments.staff_id', '=', 'staff_accounts.id')
                      .where('staff_departments.department_id', 'in', viewer.departmentIds),
                  ),
                ]
              : []),
          ]),
        )
      }
      const rows = await query.orderBy('display_name').orderBy('id').execute()
      return rows.map((row) => ({ id: row.id, displayName: row.display_name, role: row.role }))
    },

    /** Locks the complaint's row until the transaction ends, so two actions on it run one after the other. */
    async lock(id: string): Promise<void> {
      await db.selectFrom('complaints').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
    },

    /**
     * Moves the complaint to `change.to` if its status is one of `change.from`, writing the step;
     * answers false (and writes nothing) when the status did not allow it.
     */
    async change(id: string, change: ComplaintChange): Promise<boolean> {
      const set = change.set ?? {}
      const result = await db
        .updateTable('complaints')
        .set({
          status: change.to,
          ...(set.handlerId !== undefined && { handler_id: set.handlerId }),
          ...(set.acknowledgedAt !== undefined && { acknowledged_at: set.acknowledgedAt }),
          ...(set.answer !== undefined && { answer: set.answer }),
          ...(set.answeredAt !== undefined && { answered_at: set.answeredAt }),
          ...(set.satisfied !== undefined && { satisfied: set.satisfied }),
          ...(set.ratingComment !== undefined && { rating_comment: set.ratingComment }),
          ...(set.ratedAt !== undefined && { rated_at: set.ratedAt }),
          ...(set.reopenedAt !== undefined && { reopened_at: set.reopenedAt }),
          ...(set.answerBy !== undefined && { answer_by: set.answerBy }),
          ...(set.closedAt !== undefined && { closed_at: set.closedAt }),
        })
        .where('id', '=', id)
        .where('status', 'in', [...change.from])
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0) return false
      await db
        .insertInto('complaint_events')
        .values({
          complaint_id: id,
          status: change.to,
          actor_kind: change.actor.kind,
          staff_id: change.actor.kind === 'staff' ? change.actor.staffId : null,
          staff_name: change.actor.kind === 'staff' ? change.actor.staffName : null,
          note: change.note,
          at: change.at,
        })
        .execute()
      return true
    },

    /** Records a rating that changes no status (not satisfied, not reopened). */
    async rate(id: string, rating: { satisfied: boolean; comment: string | null; at: Date }): Promise<void> {
      await db.updateTable('complaints').set({ satisfied: rating.satisfied, rating_comment: rating.comment, rated_at: rating.at }).where('id', '=', id).execute()
    },
  }
}
