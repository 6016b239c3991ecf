import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { ComplaintInput, ComplaintReceipt } from '../../../contract/complaints.ts'
import { randomAddress } from '../support/sign-in.ts'
import { pngBytes } from './application-factories.ts'

export type Headers = Record<string, string>

/** An anonymous complaint about the civic centre's complaint window, a minute ago. */
export function complaintInput(overrides: Partial<ComplaintInput> = {}): ComplaintInput {
  return {
    kind: 'complaint',
    category: 'extra_requirements',
    concerns: { hallId: 'kundulun-civic-centre' },
    description: '窗口要求提供办事指南以外的无犯罪记录证明。',
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    photoIds: [],
    anonymous: true,
    ...overrides,
  }
}

/** A real-name complaint's input (the sender must be signed in). */
export function realNameInput(overrides: Partial<ComplaintInput> = {}): ComplaintInput {
  return complaintInput({ anonymous: false, contact: { name: '王小明', phone: '13912345678' }, ...overrides })
}

export interface FileOptions {
  headers?: Headers
  key?: string
  remoteAddress?: string
}

export function fileComplaint(app: FastifyInstance, input: unknown, { headers = {}, key = randomUUID(), remoteAddress = randomAddress() }: FileOptions = {}) {
  return app.inject({ method: 'POST', url: '/api/v1/complaints', headers: { ...headers, 'idempotency-key': key }, payload: input as object, remoteAddress })
}

/** Files a complaint that must be accepted; answers its receipt. */
export async function filedComplaint(app: FastifyInstance, input: ComplaintInput = complaintInput(), options: FileOptions = {}): Promise<ComplaintReceipt> {
  const response = await fileComplaint(app, input, options)
  if (response.statusCode !== 201) throw new Error(`The complaint was refused: ${response.body}`)
  return response.json<ComplaintReceipt>()
}

export function uploadPhoto(app: FastifyInstance, { headers = {}, bytes = pngBytes, remoteAddress = randomAddress(), contentType = 'image/png' }: { headers?: Headers; bytes?: Buffer; remoteAddress?: string; contentType?: string } = {}) {
  return app.inject({ method: 'POST', url: '/api/v1/complaint-photos', headers: { ...headers, 'content-type': contentType }, payload: bytes, remoteAddress })
}

export function lookUp(app: FastifyInstance, trackingNumber: string, queryCode: string, remoteAddress = randomAddress()) {
  return app.inject({ method: 'POST', url: '/api/v1/complaint-lookups', payload: { trackingNumber, queryCode }, remoteAddress })
}
