import type { Kysely, Selectable } from 'kysely'
import type { HomeServiceRequest, HomeServiceStatus } from '../../../contract/appointments.ts'
import type { Database, HomeServiceRequestsTable } from '../db/schema.ts'

export type HomeServiceRecord = Selectable<HomeServiceRequestsTable> & { hall_name: string }

export function toHomeServiceRequest(row: HomeServiceRecord): HomeServiceRequest {
  return {
    id: row.id,
    status: row.status,
    itemCode: row.item_code,
    itemName: row.item_name,
    hallId: row.hall_id,
    hallName: row.hall_name,
    address: row.address,
    reason: row.reason,
    note: row.note,
    preferredDates: row.preferred_dates,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    visitAt: row.visit_at?.toISOString() ?? null,
    staffNote: row.staff_note,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
  }
}

export type NewHomeServiceRequest = Omit<HomeServiceRequestsTable, 'id' | 'status' | 'visit_at' | 'staff_note' | 'decided_at' | 'decided_by' | 'cancelled_at' | 'preferred_dates'> & { preferred_dates: string[] }

/** 上门服务 requests: the citizen's own, and a hall's for its staff. */
export function homeServiceRequestsRepository(db: Kysely<Database>) {
  const select = () => db.selectFrom('home_service_requests').innerJoin('halls', 'halls.id', 'home_service_requests.hall_id').selectAll('home_service_requests').select('halls.name as hall_name')

  return {
    async insert(request: NewHomeServiceRequest): Promise<string> {
      const row = await db
        .insertInto('home_service_requests')
        .values({ ...request, preferred_dates: JSON.stringify(request.preferred_dates), status: 'requested' })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    },

    async findById(id: string): Promise<HomeServiceRecord | undefined> {
      return select().where('home_service_requests.id', '=', id).executeTakeFirst()
    },

    /** The citizen's own request (another's answers undefined, as one that does not exist). */
    async findOwn(citizenId: string, id: string): Promise<HomeServiceRecord | undefined> {
      return select().where('home_service_requests.id', '=', id).where('home_service_requests.citizen_id', '=', citizenId).executeTakeFirst()
    },

    async listOwn(citizenId: string): Promise<HomeServiceRecord[]> {
      return select().where('home_service_requests.citizen_id', '=', citizenId).orderBy('home_service_requests.created_at', 'desc').limit(200).execute()
    },

    /** A hall's requests: open ones first (oldest first), then the rest (latest first). */
    async listForHall(hallId: string, status: HomeServiceStatus | undefined): Promise<HomeServiceRecord[]> {
      let query = select().where('home_service_requests.hall_id', '=', hallId)
      if (status) query = query.where('home_service_requests.status', '=', status)
      return query
        .orderBy((eb) => eb.case().when('home_service_requests.status', '=', 'requested').then(0).else(1).end())
        .orderBy('home_service_requests.created_at', 'asc')
        .limit(500)
        .execute()
    },

    /**
     * Moves a request from `from` to its next status; answers false when it was no longer in
     * `from` (someone else decided or the citizen cancelled first).
     */
    async decide(
      id: string,
      from: HomeServiceStatus,
      change: { status: HomeServiceStatus; visitAt?: Date | null; staffNote?: string | null; decidedAt?: Date; decidedBy?: string; cancelledAt?: Date },
    ): Promise<boolean> {
      const result = await db
        .updateTable('home_service_requests')
        .set({
          status: change.status,
          ...(change.visitAt !== undefined ? { visit_at: change.visitAt } : {}),
          ...(change.staffNote !== undefined ? { staff_note: change.staffNote } : {}),
          ...(change.decidedAt ? { decided_at: change.decidedAt, decided_by: change.decidedBy ?? null } : {}),
          ...(change.cancelledAt ? { cancelled_at: change.cancelledAt } : {}),
        })
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },
  }
}
