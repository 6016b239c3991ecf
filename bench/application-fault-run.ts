// Figure: submissions of one-form applications from a client whose connection is cut at random
// points, each retried with its Idempotency-Key until answered, must leave exactly one case per
// submission — none duplicated, none lost.
//
// The API runs in this process (PGlite in memory, or DATABASE_URL), listening on 127.0.0.1; the
// client talks to it through a TCP proxy in this script that, per connection, at random:
//   - passes everything through;
//   - cuts the connection before the request reaches the server;
//   - forwards part of the request, then cuts (the server sees a truncated request);
//   - forwards the whole request, then cuts 0–20 ms later, whatever the server is doing (often
//     while it is still writing the case);
//   - forwards the whole request, then cuts when the answer starts (the server has committed the
//     case, the client never hears of it).
// Every submission attaches a freshly uploaded file, so a replay after a lost answer must answer
// the first receipt rather than refuse the (now attached) upload.
// Run: node bench/application-fault-run.ts [submissions=500] [concurrency=16] [faultRate=0.6]
import { randomInt, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import http from 'node:http'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { ApplicationInput, CaseReceipt, Upload } from '../contract/applications.ts'
import type { Me } from '../contract/auth.ts'
import { buildApp } from '../server/src/app.ts'
import { LogSmsProvider } from '../server/src/auth/sms/index.ts'
import { loadConfig } from '../server/src/config.ts'
import { openDatabase } from '../server/src/db/database.ts'
import { migrateToLatest } from '../server/src/db/migrate.ts'
import { fileStorageFor } from '../server/src/files/file-storage.ts'
import { importGuides } from '../server/src/guides/import-guides.ts'
import { seedDemoData } from '../server/src/seed/index.ts'

const submissions = Number(process.argv[2] ?? 500)
const concurrency = Number(process.argv[3] ?? 16)
const faultRate = Number(process.argv[4] ?? 0.6)
const citizens = 25

const fixtureGuidesDir = join(import.meta.dirname, '..', 'tests', 'api', 'fixtures', 'guides')
const itemCode = '1115020300011500200001'
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)])

type Fault = 'none' | 'before-request' | 'mid-request' | 'while-processing' | 'after-request'
const faults: Record<Fault, number> = { none: 0, 'before-request': 0, 'mid-request': 0, 'while-processing': 0, 'after-request': 0 }

function pickFault(): Fault {
  if (Math.random() >= faultRate) return 'none'
  return (['before-request', 'mid-request', 'while-processing', 'after-request'] as const)[randomInt(4)]!
}

/** A TCP proxy to `target` that cuts each connection at a random point (or not at all). */
function faultyProxy(target: number): Promise<net.Server> {
  const server = net.createServer((client) => {
    const fault = pickFault()
    faults[fault] += 1
    const upstream = net.connect(target, '127.0.0.1')
    const cut = () => {
      client.destroy()
      upstream.destroy()
    }
    client.on('error', cut)
    upstream.on('error', cut)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
    client.on('data', (chunk: Buffer) => {
      if (fault === 'before-request') return cut()
      if (fault === 'mid-request') {
        upstream.write(chunk.subarray(0, randomInt(1, Math.max(2, chunk.length - 1))))
        return setTimeout(cut, randomInt(0, 5))
      }
      upstream.write(chunk)
      if (fault === 'while-processing') setTimeout(cut, randomInt(0, 21))
    })
    upstream.on('data', (chunk: Buffer) => {
      if (fault === 'after-request') return cut()
      client.write(chunk)
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

interface Answer {
  status: number
  body: string
}

/** One HTTP request on a fresh connection (no keep-alive, so each attempt meets its own fault). */
function request(port: number, method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false, timeout: 10_000 }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      response.on('error', reject)
    })
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')))
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}

async function signIn(app: FastifyInstance, port: number, index: number): Promise<Record<string, string>> {
  const phone = `1390000${String(index).padStart(4, '0')}`
  const json = { 'content-type': 'application/json' }
  const sent = await request(port, 'POST', '/api/v1/auth/codes', json, JSON.stringify({ phone }))
  if (sent.status !== 202) throw new Error(`code request: ${sent.status} ${sent.body}`)
  const code = (app.sms as LogSmsProvider).lastCodeTo(phone)!
  const signedIn = await new Promise<{ cookie: string; me: Me }>((resolve, reject) => {
    const outgoing = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/auth/sessions', headers: json, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        const cookie = (response.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]!).join('; ')
        resolve({ cookie, me: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Me })
      })
    })
    outgoing.on('error', reject)
    outgoing.end(JSON.stringify({ phone, code }))
  })
  return { cookie: signedIn.cookie, 'x-csrf-token': signedIn.me.csrfToken }
}

interface Outcome {
  index: number
  caseNumber: string
  attempts: number
}

/** Sends one submission through the proxy until it is answered; answers its receipt's case number. */
async function submitUntilAnswered(proxyPort: number, directPort: number, headers: Record<string, string>, index: number): Promise<Outcome> {
  const uploaded = await request(directPort, 'POST', '/api/v1/uploads', { ...headers, 'content-type': 'image/png', 'x-file-name': encodeURIComponent(`原证件${index}.png`) }, png)
  if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status} ${uploaded.body}`)
  const input: ApplicationInput = {
    itemCode,
    guideVersion: 2,
    situationAnswers: {},
    values: { name: `测试申请人${index}`, idNumber: '150203199001011232', phone: '13800000000', reason: 'expired' },
    materials: [{ materialId: 'old-id', uploadIds: [(JSON.parse(uploaded.body) as Upload).uploadId] }],
  }
  const key = randomUUID()
  const payload = JSON.stringify(input)
  for (let attempt = 1; ; attempt += 1) {
    try {
      const answer = await request(proxyPort, 'POST', '/api/v1/applications', { ...headers, 'content-type': 'application/json', 'idempotency-key': key }, payload)
      if (answer.status === 201) return { index, caseNumber: (JSON.parse(answer.body) as CaseReceipt).caseNumber, attempts: attempt }
      throw new Error(`submission ${index} answered ${answer.status}: ${answer.body}`)
    } catch (error) {
      if ((error as Error).message.startsWith('submission')) throw error
      // The connection was cut: send the same request again, as the app's outbox does.
    }
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'kdl-fault-run-'))
const config = loadConfig({
  DATA_DIR: dataDir,
  ...(process.env.DATABASE_URL && { DATABASE_URL: process.env.DATABASE_URL }),
  LOG_LEVEL: 'silent',
  STATIC_DIR: join(tmpdir(), 'kdl-no-static-files'),
  RATE_LIMIT_MAX: '1000000',
  SIGN_IN_CODE_INTERVAL_SECONDS: '0',
  SIGN_IN_CODES_PER_ADDRESS_PER_HOUR: '100000',
})
const db = openDatabase(process.env.DATABASE_URL ? { kind: 'postgres', url: process.env.DATABASE_URL } : { kind: 'pglite-memory' })
await migrateToLatest(db)
const storage = fileStorageFor(config)
await seedDemoData(db, { storage, guidesDir: fixtureGuidesDir })
// Version 2 of the fixture form item asks for the old ID card, so every submission attaches a file.
const fixture = JSON.parse(readFileSync(join(fixtureGuidesDir, 'public-security.json'), 'utf8')) as { guides: { code: string; guide: { applicationForm: { materialIds: string[] } } }[] }
const entry = fixture.guides.find((candidate) => candidate.code === itemCode)!
entry.guide.applicationForm.materialIds = ['old-id']
await db.transaction().execute((trx) => importGuides(trx, { format: 'kundulun-guides/1', guides: [{ ...entry, effectiveDate: '2026-02-01', changeNote: '网上申请需上传原居民身份证照片' }] }))

const app = await buildApp({ config, db, storage, sms: new LogSmsProvider() })
await app.listen({ port: 0, host: '127.0.0.1' })
const directPort = (app.server.address() as net.AddressInfo).port
const proxy = await faultyProxy(directPort)
const proxyPort = (proxy.address() as net.AddressInfo).port

const sessions = await Promise.all(Array.from({ length: citizens }, (_, index) => signIn(app, directPort, index)))
const started = performance.now()
const outcomes: Outcome[] = []
let next = 0
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < submissions) {
      const index = next++
      outcomes.push(await submitUntilAnswered(proxyPort, directPort, sessions[index % citizens]!, index))
    }
  }),
)
const seconds = (performance.now() - started) / 1000

const rows = await db.selectFrom('cases').select(['case_number', 'form_values']).execute()
const byApplicant = new Map<string, number>()
for (const row of rows) {
  const name = String((row.form_values as Record<string, unknown>).name)
  byApplicant.set(name, (byApplicant.get(name) ?? 0) + 1)
}
const duplicated = [...byApplicant.values()].filter((count) => count > 1).length
const lost = outcomes.filter((outcome) => !rows.some((row) => row.case_number === outcome.caseNumber)).length
const attempts = outcomes.reduce((sum, outcome) => sum + outcome.attempts, 0)
const retried = outcomes.filter((outcome) => outcome.attempts > 1).length
const attachedUploads = await db.selectFrom('uploads').select('id').where('case_id', 'is not', null).execute()

await proxy.close()
await app.close()
await rm(dataDir, { recursive: true, force: true })

console.log(`${submissions} submissions, ${concurrency} at a time, ${citizens} citizens, fault rate ${faultRate} per connection, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}:`)
console.log(`  connections: ${faults.none} passed, ${faults['before-request']} cut before the request, ${faults['mid-request']} cut mid-request, ${faults['while-processing']} cut 0–20 ms after the request, ${faults['after-request']} cut when the answer started`)
console.log(`  attempts: ${attempts} (${retried} submissions needed a retry, at most ${Math.max(...outcomes.map((outcome) => outcome.attempts))} attempts), ${seconds.toFixed(1)} s`)
console.log(`  cases in the database: ${rows.length}; applicants with more than one case: ${duplicated}; answered case numbers missing: ${lost}; distinct case numbers answered: ${new Set(outcomes.map((outcome) => outcome.caseNumber)).size}; uploads attached: ${attachedUploads.length}`)
const ok = rows.length === submissions && duplicated === 0 && lost === 0 && byApplicant.size === submissions
console.log(ok ? `  OK: exactly ${submissions} cases, none duplicated, none lost` : '  FAILED')
process.exitCode = ok ? 0 : 1
