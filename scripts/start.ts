// `npm start`: build the app if its sources changed, then run the server, which migrates,
// seeds demo data into an empty database and serves app and API on one port.
import { buildIfNeeded } from './build-if-needed.ts'

buildIfNeeded()
await import('../server/src/server.ts')
