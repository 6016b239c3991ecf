import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema.ts'

/** Where the data lives: PostgreSQL when a URL is given, else PGlite on disk or in memory. */
export type DatabaseLocation =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' }

/**
 * One query layer over both engines: the same Kysely code runs on PGlite (embedded, the default)
 * and on a PostgreSQL server through node-postgres. `destroy()` closes PGlite or the pool.
 */
export function openDatabase(location: DatabaseLocation): Kysely<Database> {
  if (location.kind === 'postgres') {
    return new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: location.url, max: 10 }) }),
    })
  }
  if (location.kind === 'pglite') mkdirSync(location.dataDir, { recursive: true })
  const pglite = location.kind === 'pglite' ? new PGlite(location.dataDir) : new PGlite()
  return new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) })
}

/** The location the configuration asks for: DATABASE_URL wins over DATA_DIR/pglite. */
export function databaseLocation(config: { DATABASE_URL?: string | undefined; DATA_DIR: string }): DatabaseLocation {
  if (config.DATABASE_URL) return { kind: 'postgres', url: config.DATABASE_URL }
  return { kind: 'pglite', dataDir: join(config.DATA_DIR, 'pglite') }
}
