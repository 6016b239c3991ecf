// Figure: booking throughput and latency at 50 concurrent clients, and the overbooking count
// (must be 0), on PGlite and on PostgreSQL.
//
// The real server (the app as `npm start` builds it, API only) listens on 127.0.0.1; 50 client
// loops send POST /api/v1/me/bookings over HTTP with keep-alive, each request for a random slot
// among the next working days' regular slots, from a random one of the signed-in citizens, with a
// fresh Idempotency-Key. There are fewer places than requests (2,080 for 2,400 by default), so
// slots fill up while clients keep coming and the last places are raced for (409 SLOT_FULL) —
// the case the counter exists for. Afterwards
// the script counts, per slot, the active bookings against the capacity.
//
// PostgreSQL: DATABASE_URL when set; otherwise a throwaway server started the way the API tests
// start theirs (tests/api/support/postgres-global-setup.ts), stopped and removed at the end.
// Run: node bench/booking-throughput.ts [requests=2400] [concurrency=50] [engines=pglite,postgres]
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { HallScheduleInput } from '../contract/appointment-slots.ts'
import type { Me } from '../contract/auth.ts'
import { shanghaiToday } from '../contract/local-date.ts'
import { bundledWorkingDayCalendar } from '../contract/working-days/working-days.ts'
import { buildApp } from '../server/src/app.ts'
import { LogSmsProvider } from '../server/src/auth/sms/index.ts'
import { loadConfig } from '../server/src/config.ts'
import { openDatabase } from '../server/src/db/database.ts'
import { migrateToLatest } from '../server/src/db/migrate.ts'
import { fileStorageFor } from '../server/src/files/file-storage.ts'
import { appointmentSchedulesRepository } from '../server/src/repositories/appointment-schedules-repository.ts'
import { seedDemoData } from '../server/src/seed/index.ts'
import startPostgres from '../tests/api/support/postgres-global-setup.ts'

const requests = Number(process.argv[2] ?? 2400)
const concurrency = Number(process.argv[3] ?? 50)
const engines = (process.argv[4] ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[]
const citizens = 500
const capacity = 40
const days = 4

const fixtureGuidesDir = join(import.meta.dirname, '..', 'tests', 'api', 'fixtures', 'guides')
const hallId = 'kundulun-civic-centre'
const itemCode = '1115020300011500100001'
const weekdays = [1, 2, 3, 4, 5]

/** Regular slots only, `capacity` places each, none held for priority: every request competes for the same places. */
const schedule: HallScheduleInput = {
  slotMinutes: 30,
  bookingCutoffMinutes: 60,
  horizonDays: 30,
  services: [
    {
      id: 'general',
      name: '综合受理',
      windowId: null,
      itemCodes: null,
      capacity,
      priorityReserved: 0,
      regular: [
        { weekdays, opens: '09:00', closes: '12:00' },
        { weekdays, opens: '14:00', closes: '17:30' },
      ],
      flexible: null,
      lunch: null,
      restDays: null,
    },
  ],
  exceptions: [],
  homeService: null,
}
const starts = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00']
const dates = Array.from({ length: days }, (_, index) => bundledWorkingDayCalendar.addWorkingDays(shanghaiToday(), index + 2))

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function signIn(base: string, app: { sms: unknown }, index: number): Promise<Record<string, string>> {
  const phone = `1370000${String(index).padStart(4, '0')}`
  const json = { 'content-type': 'application/json' }
  const sent = await fetch(`${base}/api/v1/auth/codes`, { method: 'POST', headers: json, body: JSON.stringify({ phone }) })
  if (sent.status !== 202) throw new Error(`code request: ${sent.status} ${await sent.text()}`)
  const code = (app.sms as LogSmsProvider).lastCodeTo(phone)!
  const session = await fetch(`${base}/api/v1/auth/sessions`, { method: 'POST', headers: json, body: JSON.stringify({ phone, code }) })
  if (session.status !== 201) throw new Error(`sign-in: ${session.status} ${await session.text()}`)
  const cookie = session.headers.getSetCookie().map((line) => line.split(';')[0]!).join('; ')
  return { cookie, 'x-csrf-token': ((await session.json()) as Me).csrfToken }
}

interface EngineResult {
  engine: string
  seconds: number
  latencies: number[]
  /** Of the requests answered 201. */
  bookedLatencies: number[]
  statuses: Map<number, number>
  codes: Map<string, number>
  bookings: number
  places: number
  overbooked: number
  counterMismatches: number
}

async function run(engine: 'pglite' | 'postgres', databaseUrl: string | undefined): Promise<EngineResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kdl-booking-bench-'))
  const config = loadConfig({
    DATA_DIR: dataDir,
    ...(databaseUrl && { DATABASE_URL: databaseUrl }),
    LOG_LEVEL: 'silent',
    STATIC_DIR: join(tmpdir(), 'kdl-no-static-files'),
    RATE_LIMIT_MAX: '10000000',
    SIGN_IN_CODE_INTERVAL_SECONDS: '0',
    SIGN_IN_CODES_PER_ADDRESS_PER_HOUR: '100000',
  })
  const db = openDatabase(databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite-memory' })
  await migrateToLatest(db)
  const storage = fileStorageFor(config)
  await seedDemoData(db, { storage, guidesDir: fixtureGuidesDir })
  await appointmentSchedulesRepository(db).save(hallId, schedule, null, new Date())
  const app = await buildApp({ config, db, storage, sms: new LogSmsProvider() })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  try {
    const sessions: Record<string, string>[] = []
    for (let batch = 0; batch < citizens; batch += 50) {
      sessions.push(...(await Promise.all(Array.from({ length: Math.min(50, citizens - batch) }, (_, index) => signIn(base, app, batch + index)))))
    }

    const latencies: number[] = []
    const bookedLatencies: number[] = []
    const statuses = new Map<number, number>()
    const codes = new Map<string, number>()
    let next = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          next += 1
          const headers = sessions[Math.floor(Math.random() * citizens)]!
          const body = JSON.stringify({
            itemCode,
            hallId,
            date: dates[Math.floor(Math.random() * dates.length)]!,
            start: starts[Math.floor(Math.random() * starts.length)]!,
            kind: 'regular',
            priorityGroup: null,
          })
          const sent = performance.now()
          const response = await fetch(`${base}/api/v1/me/bookings`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body,
          })
          const answer = (await response.json()) as { code?: string }
          latencies.push(performance.now() - sent)
          if (response.status === 201) bookedLatencies.push(performance.now() - sent)
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
          if (response.status !== 201) codes.set(String(answer.code), (codes.get(String(answer.code)) ?? 0) + 1)
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000

    const perSlot = await db
      .selectFrom('bookings')
      .select(['slot_date', 'start_time'])
      .select(sql<string>`slot_date::text`.as('day'))
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('status', '=', 'booked')
      .groupBy(['slot_date', 'start_time'])
      .execute()
    const counters = await db.selectFrom('appointment_slots').select(['start_time', 'booked']).select(sql<string>`slot_date::text`.as('day')).execute()
    const counted = new Map(counters.map((row) => [`${row.day} ${row.start_time}`, row.booked]))
    const overbooked = perSlot.reduce((sum, row) => sum + Math.max(0, Number(row.count) - capacity), 0)
    const counterMismatches = perSlot.filter((row) => counted.get(`${row.day} ${row.start_time}`) !== Number(row.count)).length
    const bookings = perSlot.reduce((sum, row) => sum + Number(row.count), 0)
    return { engine, seconds, latencies: latencies.sort((a, b) => a - b), bookedLatencies: bookedLatencies.sort((a, b) => a - b), statuses, codes, bookings, places: dates.length * starts.length * capacity, overbooked, counterMismatches }
  } finally {
    await app.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

const results: EngineResult[] = []
for (const engine of engines) {
  if (engine === 'pglite') {
    results.push(await run('pglite', undefined))
    continue
  }
  if (process.env.DATABASE_URL) {
    results.push(await run('postgres', process.env.DATABASE_URL))
    continue
  }
  let url = ''
  const stop = await startPostgres({ provide: (_key: string, value: string) => (url = value) } as never)
  try {
    results.push(await run('postgres', url))
  } finally {
    stop?.()
  }
}

console.log(`${requests} booking requests, ${concurrency} concurrent clients, ${citizens} citizens, ${dates.length * starts.length} slots × ${capacity} places (${dates.join(', ')})`)
console.log('| database | requests/s | bookings/s | bookings made / places | p50 ms | p99 ms | p99 ms of 201s | answers | overbooked |')
console.log('|---|---|---|---|---|---|---|---|---|')
for (const result of results) {
  const answers = [...result.statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`).join(', ')
  const refusals = [...result.codes].map(([code, count]) => `${code} ${count}`).join(', ')
  console.log(
    `| ${result.engine} | ${(result.latencies.length / result.seconds).toFixed(0)} | ${(result.bookings / result.seconds).toFixed(0)} | ${result.bookings} / ${result.places} | ${percentile(result.latencies, 50).toFixed(1)} | ${percentile(result.latencies, 99).toFixed(1)} | ${percentile(result.bookedLatencies, 99).toFixed(1)} | ${answers} (${refusals}) | **${result.overbooked}** |`,
  )
  if (result.counterMismatches > 0) console.log(`  ${result.engine}: ${result.counterMismatches} slots whose counter differs from their bookings`)
}
if (results.some((result) => result.overbooked > 0 || result.counterMismatches > 0)) process.exitCode = 1
