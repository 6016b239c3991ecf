import fp from 'fastify-plugin'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The one query layer (Kysely over PGlite or PostgreSQL); used by repositories only. */
    db: Kysely<Database>
  }
}

/**
 * Hands the already migrated database to the app, which owns it from then on: closing the app
 * closes PGlite or the pool (an open PGlite keeps Node alive).
 */
export default fp<{ db: Kysely<Database> }>(
  async (fastify, { db }) => {
    fastify.decorate('db', db)
    fastify.addHook('onClose', async () => {
      await db.destroy()
    })
  },
  { name: 'db' },
)
