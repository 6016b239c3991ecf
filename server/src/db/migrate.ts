import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration'
import type { Database } from './schema.ts'

const migrationsDir = join(import.meta.dirname, '..', '..', 'migrations')

/**
 * Serves the checked-in `NNNN_name.sql` files to Kysely's Migrator, which runs each in a
 * transaction and holds an advisory lock on PostgreSQL so two starting servers cannot race.
 * Files are split into statements at `;` line ends because PGlite runs one statement per query.
 */
class SqlFileMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(migrationsDir)).filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file)).sort()
    const migrations: Record<string, Migration> = {}
    for (const file of files) {
      const statements = splitStatements(await readFile(join(migrationsDir, file), 'utf8'))
      migrations[file.replace(/\.sql$/, '')] = {
        async up(db) {
          // Checked-in migration files are the one place raw SQL text is executed.
          for (const statement of statements) await sql.raw(statement).execute(db)
        },
      }
    }
    return migrations
  }
}

function splitStatements(source: string): string[] {
  return source
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0)
}

/** Applies every pending migration; throws with the failing migration's name if one fails. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider() })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((result) => result.status === 'Error')
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: error })
  }
  return (results ?? []).map((result) => result.migrationName)
}
