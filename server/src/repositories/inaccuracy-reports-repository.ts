import type { Kysely } from 'kysely'
import type { InaccuracyReceipt, InaccuracyReportInput } from '../../../contract/inaccuracy-reports.ts'
import type { Database } from '../db/schema.ts'
import { shanghaiDate } from '../time.ts'
import { dailySequencesRepository } from './daily-sequences-repository.ts'

/** 纠错 (jiūcuò): the prefix citizens see on their reference, e.g. JC20261125-0001. */
const referenceSeries = 'JC'

export function inaccuracyReportsRepository(db: Kysely<Database>) {
  return {
    /** Stores a report under a fresh daily reference; run it in a transaction with the caller's key. */
    async create(input: InaccuracyReportInput, receivedAt: Date): Promise<InaccuracyReceipt> {
      const day = shanghaiDate(receivedAt)
      const number = await dailySequencesRepository(db).next(referenceSeries, day)
      const reference = `${referenceSeries}${day.replaceAll('-', '')}-${String(number).padStart(4, '0')}`
      const row = await db
        .insertInto('inaccuracy_reports')
        .values({
          reference,
          hall_id: input.hallId,
          topic: input.topic,
          description: input.description,
          contact: input.contact ?? null,
          received_at: receivedAt,
        })
        .returning(['id', 'reference', 'hall_id', 'topic', 'received_at'])
        .executeTakeFirstOrThrow()
      return {
        id: row.id,
        reference: row.reference,
        hallId: row.hall_id,
        topic: row.topic as InaccuracyReceipt['topic'],
        receivedAt: row.received_at.toISOString(),
      }
    },
  }
}
