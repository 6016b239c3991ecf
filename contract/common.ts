import { Type, type Static } from 'typebox'

/** A phone number as published, with what kind of line it is, so the app can offer tap-to-call. */
export const Phone = Type.Object({
  label: Type.String({ description: 'What the number is for, e.g. 咨询电话, 投诉电话.' }),
  number: Type.String({ description: 'As published: 0472-5990563, 13800000000, 12345.' }),
  kind: Type.Union([Type.Literal('landline'), Type.Literal('mobile'), Type.Literal('hotline')]),
})
export type Phone = Static<typeof Phone>

/** `HH:mm`, local time in Asia/Shanghai. */
export const ClockTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' })

/** ISO 8601 timestamp with offset. */
export const Timestamp = Type.String({ format: 'date-time' })

/** Client-chosen key that makes a write safe to retry: the server answers a replay with the first result. */
export const IdempotencyKeyHeader = Type.Object({
  'idempotency-key': Type.String({
    pattern: '^[A-Za-z0-9_-]{16,64}$',
    description: 'A fresh random key per write (e.g. a UUID); retries of the same write reuse it.',
  }),
})
