import { sql, type Kysely } from 'kysely'
import type { NotificationItem, NotificationKind, NotificationList } from '../../../contract/notifications.ts'
import type { Database } from '../db/schema.ts'

interface Cursor {
  createdAt: Date
  id: string
}

function encodeCursor(row: { created_at: Date; id: string }): string {
  return `${row.created_at.getTime()}_${row.id}`
}

function decodeCursor(cursor: string): Cursor {
  const [ms = '0', id = ''] = cursor.split('_')
  return { createdAt: new Date(Number(ms)), id }
}

/** One citizen's notifications: every query is scoped to them, so others' ids find nothing. */
export function notificationsRepository(db: Kysely<Database>, citizenId: string) {
  const own = () => db.selectFrom('notifications').where('citizen_id', '=', citizenId)

  async function unreadCount(): Promise<number> {
    const row = await own().select((eb) => eb.fn.countAll<string | number>().as('count')).where('read_at', 'is', null).executeTakeFirst()
    return Number(row?.count ?? 0)
  }

  return {
    unreadCount,

    /** Newest first; `cursor` continues after the last item of the previous page. */
    async list(limit: number, cursor?: string): Promise<NotificationList> {
      let query = own().select(['id', 'kind', 'case_number', 'link', 'title', 'body', 'created_at', 'read_at'])
      if (cursor) {
        const after = decodeCursor(cursor)
        query = query.where((eb) =>
          eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]),
        )
      }
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute()
      const page = rows.slice(0, limit)
      const items: NotificationItem[] = page.map((row) => ({
        id: row.id,
        kind: row.kind as NotificationKind,
        caseNumber: row.case_number,
        link: row.link,
        title: row.title,
        body: row.body,
        createdAt: row.created_at.toISOString(),
        readAt: row.read_at ? row.read_at.toISOString() : null,
      }))
      const last = page.at(-1)
      return { items, unreadCount: await unreadCount(), nextCursor: rows.length > limit && last ? encodeCursor(last) : null }
    },

    /** Marks the given ones (or all) read; already read ones keep their first read time. */
    async markRead(which: { ids: string[] } | { all: true }, now: Date): Promise<number> {
      let update = db.updateTable('notifications').set({ read_at: now }).where('citizen_id', '=', citizenId).where('read_at', 'is', null)
      if ('ids' in which) update = update.where('id', 'in', which.ids)
      else update = update.where('created_at', '<=', sql<Date>`${now}`)
      await update.execute()
      return unreadCount()
    },
  }
}

/** Browser push subscriptions of citizens. */
export function pushSubscriptionsRepository(db: Kysely<Database>) {
  return {
    /** Stores the endpoint for the citizen, moving it from whoever had it (one browser, one owner). */
    async save(citizenId: string, endpoint: string, keys: { p256dh: string; auth: string }, now: Date, maxPerCitizen: number): Promise<void> {
      await db
        .insertInto('push_subscriptions')
        .values({ citizen_id: citizenId, endpoint, keys: JSON.stringify(keys), created_at: now, updated_at: now })
        .onConflict((oc) =>
          oc.column('endpoint').doUpdateSet({
            citizen_id: citizenId,
            keys: JSON.stringify(keys),
            updated_at: now,
            last_failure_at: null,
            last_failure: null,
            failure_count: 0,
          }),
        )
        .execute()
      // A citizen signing in on many browsers keeps the most recent ones.
      const stale = await db
        .selectFrom('push_subscriptions')
        .select('id')
        .where('citizen_id', '=', citizenId)
        .orderBy('updated_at', 'desc')
        .orderBy('id')
        .offset(maxPerCitizen)
        .limit(1000)
        .execute()
      if (stale.length > 0) {
        await db
          .deleteFrom('push_subscriptions')
          .where(
            'id',
            'in',
            stale.map((row) => row.id),
          )
          .execute()
      }
    },

    async remove(citizenId: string, endpoint: string): Promise<void> {
      await db.deleteFrom('push_subscriptions').where('citizen_id', '=', citizenId).where('endpoint', '=', endpoint).execute()
    },
  }
}
