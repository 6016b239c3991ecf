import { existsSync } from 'node:fs'
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.ts'
import { ConfigError, loadConfig, type Config } from './config.ts'
import { databaseLocation, openDatabase } from './db/database.ts'
import { migrateToLatest } from './db/migrate.ts'
import { fileStorageFor } from './files/file-storage.ts'
import { seedDemoData } from './seed/index.ts'

function readConfig(): Config {
  // A .env file beside the app is read as operators expect; the real environment wins over it.
  if (existsSync('.env')) process.loadEnvFile('.env')
  try {
    return loadConfig()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(error.message)
    console.error('See .env.example for every setting and its default.')
    process.exit(1)
  }
}

const config = readConfig()
const db = openDatabase(databaseLocation(config))
const storage = fileStorageFor(config)
try {
  // Migrate before listening: a request must never meet an old schema.
  await migrateToLatest(db)
  if (config.SEED_DEMO) {
    const { unpublishedGuides } = await seedDemoData(db, { storage })
    for (const guide of unpublishedGuides) {
      console.warn(`Seed guide ${guide.code ?? `#${guide.index}`} was not published (${guide.outcome}); see \`npm run import:guides\``)
    }
  }
} catch (error) {
  await db.destroy()
  throw error
}

const app = await buildApp({ config, db, storage })

// SIGTERM/SIGINT: stop accepting, let in-flight requests finish, then close the database (an
// open PGlite would keep Node alive). A second signal or the delay forces the exit.
closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'Closing after an unexpected error')
  else app.log.info({ signal }, 'Closing')
  await app.close()
})

await app.listen({ port: config.PORT, host: config.HOST })
const address = app.server.address()
const port = typeof address === 'object' && address ? address.port : config.PORT
console.log(`昆都仑区政务服务 is serving on http://localhost:${port}`)
