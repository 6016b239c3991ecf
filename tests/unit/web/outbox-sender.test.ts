import { describe, expect, test } from 'vitest'
import { ApiError, NetworkError } from '../../../src/api/client.ts'
import { createOutboxSender, isSendable, type OutboxStorage, type OutboxTransport } from '../../../src/outbox/sender.ts'
import type { OutboxItem } from '../../../src/outbox/types.ts'
import type { ApplicationError } from '../../../contract/applications.ts'

function makeItem(overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id: 'key-0001-aaaa-bbbb',
    kind: 'inaccuracy-report',
    body: { hallId: 'shimin-dating', topic: 'phone', description: '咨询电话打不通了' },
    summary: '信息纠错 · 昆都仑区市民大厅',
    state: 'pending',
    createdAt: '2026-11-25T01:00:00.000Z',
    attempts: 0,
    nextAttemptAt: 0,
    claimedAt: null,
    sentAt: null,
    error: null,
    response: null,
    ...overrides,
  } as OutboxItem
}

/** The outbox in memory, with the same claim rule as the IndexedDB one. */
function memoryStorage(items: OutboxItem[]): OutboxStorage & { items: Map<string, OutboxItem> } {
  const map = new Map(items.map((item) => [item.id, item]))
  return {
    items: map,
    async listSendable(now, ignoreBackoff) {
      return [...map.values()].filter((item) => isSendable(item, now, ignoreBackoff)).map((item) => item.id)
    },
    async claim(id, now, ignoreBackoff) {
      const item = map.get(id)
      if (!item || !isSendable(item, now, ignoreBackoff)) return null
      const claimed = { ...item, state: 'sending', claimedAt: now } as OutboxItem
      map.set(id, claimed)
      return claimed
    },
    async settle(id, changes) {
      map.set(id, { ...map.get(id)!, ...changes } as OutboxItem)
    },
  }
}

const receipt = {
  id: 'r1',
  reference: 'JC20261125-0001',
  hallId: 'shimin-dating',
  topic: 'phone' as const,
  receivedAt: '2026-11-25T09:00:00+08:00',
}

describe('outbox sender', () => {
  test('sends a pending item once and stores the server answer', async () => {
    const storage = memoryStorage([makeItem()])
    const keys: string[] = []
    const transport: OutboxTransport = async (item) => {
      keys.push(item.id)
      return receipt
    }
    const sender = createOutboxSender({ storage, transport, now: () => 1_000 })
    await sender.flush()
    await sender.flush()
    expect(keys).toEqual(['key-0001-aaaa-bbbb'])
    const item = storage.items.get('key-0001-aaaa-bbbb')!
    expect(item.state).toBe('sent')
    expect(item.response).toEqual(receipt)
  })

  test('a network error backs off, then retries with the same idempotency key', async () => {
    const storage = memoryStorage([makeItem()])
    let clock = 1_000
    const keys: string[] = []
    let online = false
    const transport: OutboxTransport = async (item) => {
      keys.push(item.id)
      if (!online) throw new NetworkError('Failed to fetch')
      return receipt
    }
    const sender = createOutboxSender({ storage, transport, now: () => clock, backoffMs: (attempts) => 2_000 * attempts })
    await sender.flush()
    expect(storage.items.get('key-0001-aaaa-bbbb')).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: 3_000 })

    // Before the backoff ends nothing is sent…
    clock = 2_000
    await sender.flush()
    expect(keys).toHaveLength(1)

    // …after it, the same write goes again under the same key.
    online = true
    clock = 3_000
    await sender.flush()
    expect(keys).toEqual(['key-0001-aaaa-bbbb', 'key-0001-aaaa-bbbb'])
    expect(storage.items.get('key-0001-aaaa-bbbb')?.state).toBe('sent')
  })

  test('the connection coming back skips the backoff', async () => {
    const storage = memoryStorage([makeItem({ attempts: 3, nextAttemptAt: 60_000 })])
    const sender = createOutboxSender({ storage, transport: async () => receipt, now: () => 1_000 })
    await sender.flush()
    expect(storage.items.get('key-0001-aaaa-bbbb')?.state).toBe('pending')
    await sender.flush({ ignoreBackoff: true })
    expect(storage.items.get('key-0001-aaaa-bbbb')?.state).toBe('sent')
  })

  test('a 4xx answer fails the item with the server message and is never retried', async () => {
    const storage = memoryStorage([makeItem()])
    let calls = 0
    const transport: OutboxTransport = async () => {
      calls += 1
      throw new ApiError(400, { statusCode: 400, code: 'VALIDATION_FAILED', error: 'Bad Request', message: '具体说明至少5个字' })
    }
    const sender = createOutboxSender({ storage, transport, now: () => 1_000 })
    await sender.flush()
    await sender.flush({ ignoreBackoff: true })
    expect(calls).toBe(1)
    expect(storage.items.get('key-0001-aaaa-bbbb')).toMatchObject({ state: 'failed', error: '具体说明至少5个字' })
  })

  test('a refused form keeps each problem with its field, for 返回修改', async () => {
    const storage = memoryStorage([makeItem()])
    const fieldErrors = [{ fieldKey: 'formerEmployer', message: '请填写原工作单位' }]
    const transport: OutboxTransport = async () => {
      const body: ApplicationError = { statusCode: 422, code: 'APPLICATION_INVALID', error: 'Unprocessable Entity', message: '申请有1处需要修改', fieldErrors }
      throw new ApiError(422, body)
    }
    const sender = createOutboxSender({ storage, transport, now: () => 1_000 })
    await sender.flush()
    expect(storage.items.get('key-0001-aaaa-bbbb')).toMatchObject({ state: 'failed', error: '申请有1处需要修改', errorFields: fieldErrors })
  })

  test('a 5xx answer is retried later rather than failed', async () => {
    const storage = memoryStorage([makeItem()])
    const transport: OutboxTransport = async () => {
      throw new ApiError(503, null)
    }
    const sender = createOutboxSender({ storage, transport, now: () => 1_000, backoffMs: () => 5_000 })
    await sender.flush()
    expect(storage.items.get('key-0001-aaaa-bbbb')).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: 6_000 })
  })

  test('flushes triggered together never send one item twice at once', async () => {
    const storage = memoryStorage([makeItem()])
    let inFlight = 0
    let maxInFlight = 0
    let calls = 0
    let answer: (value: typeof receipt) => void = () => {}
    const transport: OutboxTransport = () => {
      calls += 1
      inFlight += 1
      maxInFlight = Math.max(maxInFlight, inFlight)
      return new Promise((resolve) => {
        answer = (value) => {
          inFlight -= 1
          resolve(value)
        }
      })
    }
    // Two senders stand for two tabs sharing one outbox; each is also triggered twice.
    const tabA = createOutboxSender({ storage, transport, now: () => 1_000 })
    const tabB = createOutboxSender({ storage, transport, now: () => 1_000 })
    const flushes = [tabA.flush(), tabA.flush({ ignoreBackoff: true }), tabB.flush(), tabB.flush({ ignoreBackoff: true })]
    await new Promise((resolve) => setTimeout(resolve, 10))
    answer(receipt)
    await Promise.all(flushes)
    expect(calls).toBe(1)
    expect(maxInFlight).toBe(1)
  })

  test('a claim left by a tab that closed mid-send is taken over once it is stale', () => {
    const claimed = makeItem({ state: 'sending', claimedAt: 1_000 })
    expect(isSendable(claimed, 2_000, true)).toBe(false)
    expect(isSendable(claimed, 1_000 + 61_000, false)).toBe(true)
    expect(isSendable(makeItem({ state: 'sent' }), 1_000_000, true)).toBe(false)
    expect(isSendable(makeItem({ state: 'failed' }), 1_000_000, true)).toBe(false)
  })
})
