import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { startAppServer } from './support/app-server.ts'
import { mainHall } from './support/fixtures.ts'

/** Starts a POST whose body is only half sent, so the request is in flight until `finish` is called. */
function postInTwoHalves(baseURL: string, path: string, body: string, headers: Record<string, string>) {
  const url = new URL(path, baseURL)
  const half = Math.floor(body.length / 2)
  let finish: () => void = () => {}
  const answered = new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (response) => {
      let text = ''
      response.on('data', (chunk: Buffer) => (text += chunk.toString()))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body: text }))
    })
    outgoing.on('error', reject)
    outgoing.write(body.slice(0, half))
    finish = () => outgoing.end(body.slice(half))
  })
  return { answered, finish: () => finish() }
}

test('on SIGTERM the server stops accepting, finishes the request in flight, closes the database and exits; the write survives a restart', async () => {
  const { id: hallId } = await mainHall()
  const dataDir = mkdtempSync(join(tmpdir(), 'kdl-lifecycle-'))
  try {
    const server = await startAppServer({ dataDir })
    const body = JSON.stringify({ hallId, topic: 'other', description: '关机前最后一个请求应当被完整处理。' })
    const inFlight = postInTwoHalves(server.baseURL, '/api/v1/inaccuracy-reports', body, { 'idempotency-key': 'lifecycle-test-key-0001' })
    await new Promise((resolve) => setTimeout(resolve, 200))

    const stopped = server.stop()
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(fetch(`${server.baseURL}/api/health`)).rejects.toThrow()
    inFlight.finish()
    const answer = await inFlight.answered
    expect(answer.status).toBe(201)
    const receipt = JSON.parse(answer.body) as { reference: string }
    // Keep-alive clients are told to let go, so shutdown does not wait for their idle timeouts.
    expect(answer.connection).toBe('close')
    await stopped

    // The same data directory opens again (PGlite was closed cleanly) and still knows the write.
    const restarted = await startAppServer({ dataDir })
    try {
      const replay = await fetch(`${restarted.baseURL}/api/v1/inaccuracy-reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'lifecycle-test-key-0001' },
        body,
      })
      expect(replay.status).toBe(201)
      expect(replay.headers.get('idempotent-replayed')).toBe('true')
      expect(((await replay.json()) as { reference: string }).reference).toBe(receipt.reference)
    } finally {
      await restarted.stop()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})
