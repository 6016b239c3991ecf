import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { complaintPhotosRepository } from '../repositories/complaint-photos-repository.ts'
import { uploadsRepository } from '../repositories/uploads-repository.ts'
import type { FileStorage } from './file-storage.ts'

// Stored bytes are shared by content (sha256) between the guides' form files (stored_files),
// citizens' uploads (uploads) and complaint photos (complaint_photos). Rows go when they expire —
// an upload never attached to an application, a photo never attached to a complaint — and the
// bytes, often a photo of an ID card, must go with them: the sweep deletes every file no row refers
// to any more. Bytes are written before the row that refers to them, so a file written (or written
// again, see DiskFileStorage.put) within the grace period is left alone.

/** How long bytes with no row referring to them are kept: the time a write takes, with a wide margin. */
export const UNREFERENCED_FILE_GRACE_MS = 60 * 60 * 1000
/** How often the server sweeps. */
export const FILE_SWEEP_INTERVAL_MS = 6 * 60 * 60 * 1000

const BATCH = 500

/** The hashes among `hashes` that some row still refers to. */
async function referenced(db: Kysely<Database>, hashes: string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('stored_files')
    .select('sha256')
    .where('sha256', 'in', hashes)
    .union(db.selectFrom('uploads').select('sha256').where('sha256', 'in', hashes))
    .union(db.selectFrom('complaint_photos').select('sha256').where('sha256', 'in', hashes))
    .execute()
  return new Set(rows.map((row) => row.sha256))
}

/**
 * Forgets the uploads and complaint photos that expired unattached (the routes do it too, on each
 * new one, but a quiet server would keep them), then deletes the stored files no row refers to,
 * written before the grace period; answers how many files it deleted.
 */
export async function sweepUnreferencedFiles(db: Kysely<Database>, storage: FileStorage, now: Date = new Date()): Promise<number> {
  await uploadsRepository(db).deleteExpired(now)
  await complaintPhotosRepository(db).deleteExpired(now)
  const before = now.getTime() - UNREFERENCED_FILE_GRACE_MS
  let deleted = 0
  let batch: string[] = []
  const settle = async () => {
    const kept = await referenced(db, batch)
    for (const sha256 of batch) {
      if (kept.has(sha256)) continue
      await storage.delete(sha256)
      deleted += 1
    }
    batch = []
  }
  for await (const file of storage.list()) {
    if (file.writtenAt.getTime() > before) continue
    batch.push(file.sha256)
    if (batch.length === BATCH) await settle()
  }
  if (batch.length > 0) await settle()
  return deleted
}

/** Sweeps shortly after the server starts and then every FILE_SWEEP_INTERVAL_MS; closing the app stops it. */
export default fp(
  async (fastify: FastifyInstance, options: { intervalMs?: number }) => {
    let running: Promise<void> | undefined
    const sweep = () => {
      running ??= sweepUnreferencedFiles(fastify.db, fastify.files)
        .then((deleted) => {
          if (deleted > 0) fastify.log.info({ deleted }, 'deleted stored files no longer referred to')
        })
        .catch((error: unknown) => fastify.log.error({ err: error }, 'stored file sweep failed'))
        .finally(() => {
          running = undefined
        })
    }
    const first = setTimeout(sweep, 60_000)
    const timer = setInterval(sweep, options.intervalMs ?? FILE_SWEEP_INTERVAL_MS)
    first.unref()
    timer.unref()
    fastify.addHook('onClose', async () => {
      clearTimeout(first)
      clearInterval(timer)
      await running
    })
  },
  { name: 'file-sweep', dependencies: ['db', 'files'] },
)
