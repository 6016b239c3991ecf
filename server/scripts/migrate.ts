import { loadConfig } from '../src/config.ts'
import { databaseLocation, openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'

// `npm run db:migrate`: apply pending migrations to the configured database and exit.
const config = loadConfig()
const db = openDatabase(databaseLocation(config))
try {
  const applied = await migrateToLatest(db)
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database already up to date')
} finally {
  await db.destroy()
}
