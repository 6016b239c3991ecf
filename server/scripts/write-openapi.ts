import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { openDatabase } from '../src/db/database.ts'
import { formatOpenApi } from '../src/plugins/swagger.ts'

// `npm run openapi`: write the document the server serves to ./openapi.json; a test fails when
// the checked-in copy is stale. Building the app does not query the database, so an empty
// in-memory one is enough.
const target = join(import.meta.dirname, '..', '..', 'openapi.json')
const app = await buildApp({
  config: loadConfig({ LOG_LEVEL: 'error', STATIC_DIR: join(import.meta.dirname, 'no-static-files') }),
  db: openDatabase({ kind: 'pglite-memory' }),
})
try {
  await app.ready()
  await writeFile(target, formatOpenApi(app.swagger()))
  console.log(`Wrote ${target}`)
} finally {
  await app.close()
}
