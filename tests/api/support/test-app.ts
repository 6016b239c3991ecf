import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { sql, type Kysely } from 'kysely'
import pg from 'pg'
import { inject } from 'vitest'
import { buildApp } from '../../../server/src/app.ts'
import { loadConfig } from '../../../server/src/config.ts'
import { openDatabase } from '../../../server/src/db/database.ts'
import { migrateToLatest } from '../../../server/src/db/migrate.ts'
import type { Database } from '../../../server/src/db/schema.ts'
import { fileStorageFor, type FileStorage } from '../../../server/src/files/file-storage.ts'
import { seedDemoData } from '../../../server/src/seed/index.ts'

export interface TestApp {
  app: FastifyInstance
  db: Kysely<Database>
  /** The app's file storage, in a temporary DATA_DIR of its own. */
  storage: FileStorage
  /** Row count of every table in the public schema, to prove a request wrote nothing. */
  countRows(): Promise<Record<string, number>>
  /** Closes the app, its database, and on PostgreSQL drops the per-app database. */
  close(): Promise<void>
}

/** Settings a test may override, as environment strings (the same path production takes). */
export type TestEnv = Record<string, string>

/**
 * The catalogue the API tests run on: small fixture files in the import format, so tests and the
 * `examples` in contract/ do not move when the real seed content (server/seed/guides) changes.
 */
export const fixtureGuidesDir = join(import.meta.dirname, '..', 'fixtures', 'guides')

const testEnv: TestEnv = {
  NODE_ENV: 'test',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  // A directory that never exists, so a built dist/ in the checkout does not change API tests.
  STATIC_DIR: join(tmpdir(), 'kdl-no-static-files'),
  RATE_LIMIT_MAX: '100000',
  SEED_DEMO: 'true',
}

async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = inject('testDatabaseUrl')
  const name = `kdl_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`)
  } finally {
    await admin.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      try {
        // The app's pool has closed its clients, but the server may not have noticed yet; a forced
        // drop would kill those closing connections and surface as unhandled client errors.
        for (let attempt = 0; attempt < 50; attempt++) {
          const { rows } = await client.query<{ count: string }>('select count(*) as count from pg_stat_activity where datname = $1', [name])
          if (Number(rows[0]?.count) === 0) break
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)}`)
      } finally {
        await client.end()
      }
    },
  }
}

/**
 * A fresh app on a fresh, migrated and seeded database: PGlite in memory (TEST_DB=pglite) or a
 * new database on the test PostgreSQL server (TEST_DB=postgres). Call close() in afterAll.
 */
export async function buildTestApp(env: TestEnv = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kdl-test-data-'))
  const config = loadConfig({ ...testEnv, DATA_DIR: dataDir, ...env })
  const storage = fileStorageFor(config)
  const onPostgres = process.env.TEST_DB === 'postgres'
  const postgres = onPostgres ? await createPostgresDatabase() : undefined
  const db = openDatabase(postgres ? { kind: 'postgres', url: postgres.url } : { kind: 'pglite-memory' })
  await migrateToLatest(db)
  if (config.SEED_DEMO) await seedDemoData(db, { guidesDir: fixtureGuidesDir, storage })
  const app = await buildApp({ config, db, storage })
  await app.ready()

  return {
    app,
    db,
    storage,
    async countRows() {
      const tables = await db.introspection.getTables()
      const counts: Record<string, number> = {}
      for (const table of tables.filter((candidate) => candidate.schema === 'public' && !candidate.isView)) {
        const { rows } = await sql<{ count: string }>`select count(*) as count from ${sql.table(table.name)}`.execute(db)
        counts[table.name] = Number(rows[0]?.count ?? 0)
      }
      return counts
    },
    async close() {
      await app.close()
      await postgres?.drop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
