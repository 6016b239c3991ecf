import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { SignInCodeSent } from '../../../contract/auth.ts'
import type { Database } from '../db/schema.ts'
import { signInCodesRepository } from '../repositories/sign-in-codes-repository.ts'
import type { SmsProvider } from './sms/index.ts'
import { newSignInCode, secretsEqual, signInCodeHash } from './tokens.ts'

/** A code works for five minutes. */
export const SIGN_IN_CODE_LIFETIME_SECONDS = 300

/** Wrong attempts before a code is spent. */
export const SIGN_IN_CODE_MAX_ATTEMPTS = 5

/** How often codes may be asked for (config SIGN_IN_CODE_* variables). */
export interface SignInCodeLimits {
  /** Seconds between two codes to one number. */
  intervalSeconds: number
  perPhonePerHour: number
  perAddressPerHour: number
}

export type IssueOutcome =
  | { sent: true; answer: SignInCodeSent }
  | { sent: false; limit: 'interval' | 'phone_hourly' | 'address_hourly'; retryAfterSeconds: number }
  | { sent: false; limit: 'delivery_failed'; error: Error }

const hourMs = 3600_000

function secondsUntil(instant: number, now: Date): number {
  return Math.max(1, Math.ceil((instant - now.getTime()) / 1000))
}

/**
 * Sends a new sign-in code to `phone`, unless the number or the client address asked too often.
 * The limits are counted from the stored codes under per-number and per-address locks, so they
 * hold across API processes. Only the newest code of a number works. The SMS goes out after the
 * transaction (a slow gateway must not hold the database); when it fails, the code is withdrawn.
 * The answer never depends on whether the number has signed in before.
 */
export async function issueSignInCode(
  db: Kysely<Database>,
  sms: SmsProvider,
  { phone, clientAddress, limits, now = new Date() }: { phone: string; clientAddress: string; limits: SignInCodeLimits; now?: Date },
): Promise<IssueOutcome> {
  const code = newSignInCode()
  const id = randomUUID()
  const refusal = await db.transaction().execute(async (trx) => {
    const codes = signInCodesRepository(trx)
    await codes.lockRequester(phone, clientAddress)
    const hourAgo = new Date(now.getTime() - hourMs)
    const toPhone = await codes.sentToPhoneSince(phone, hourAgo)
    const latest = toPhone[0]
    if (latest && now.getTime() - latest.getTime() < limits.intervalSeconds * 1000) {
      return { limit: 'interval' as const, retryAfterSeconds: secondsUntil(latest.getTime() + limits.intervalSeconds * 1000, now) }
    }
    if (toPhone.length >= limits.perPhonePerHour) {
      const oldestCounted = toPhone[limits.perPhonePerHour - 1]!
      return { limit: 'phone_hourly' as const, retryAfterSeconds: secondsUntil(oldestCounted.getTime() + hourMs, now) }
    }
    const fromAddress = await codes.requestedFromAddressSince(clientAddress, hourAgo)
    if (fromAddress.length >= limits.perAddressPerHour) {
      const oldestCounted = fromAddress[limits.perAddressPerHour - 1]!
      return { limit: 'address_hourly' as const, retryAfterSeconds: secondsUntil(oldestCounted.getTime() + hourMs, now) }
    }
    await codes.deleteCreatedBefore(new Date(now.getTime() - 24 * hourMs))
    await codes.supersede(phone, now)
    await codes.insert({
      id,
      phone,
      clientAddress,
      codeHash: signInCodeHash(id, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SIGN_IN_CODE_LIFETIME_SECONDS * 1000),
    })
    return null
  })
  if (refusal) return { sent: false, ...refusal }

  try {
    await sms.sendSignInCode({ phone, code, expiresInMinutes: SIGN_IN_CODE_LIFETIME_SECONDS / 60 })
  } catch (error) {
    await signInCodesRepository(db).delete(id)
    return { sent: false, limit: 'delivery_failed', error: error as Error }
  }
  return { sent: true, answer: { expiresInSeconds: SIGN_IN_CODE_LIFETIME_SECONDS, resendAfterSeconds: limits.intervalSeconds } }
}

export type CodeCheck = { valid: true } | { valid: false; reason: 'expired' } | { valid: false; reason: 'incorrect'; attemptsLeft: number }

/**
 * Checks `code` against the number's newest live code inside the caller's transaction: a match
 * uses it up; a mismatch counts an attempt and spends the code at the fifth. The caller must
 * commit also when the check fails, or the attempt would not count.
 */
export async function consumeSignInCode(trx: Transaction<Database>, phone: string, code: string, now: Date): Promise<CodeCheck> {
  const codes = signInCodesRepository(trx)
  const live = await codes.findLiveForUpdate(phone, now)
  if (!live) return { valid: false, reason: 'expired' }
  if (secretsEqual(live.codeHash, signInCodeHash(live.id, code))) {
    await codes.markUsed(live.id, now)
    return { valid: true }
  }
  const attempts = live.attempts + 1
  await codes.recordWrongAttempt(live.id, attempts, SIGN_IN_CODE_MAX_ATTEMPTS, now)
  return { valid: false, reason: 'incorrect', attemptsLeft: SIGN_IN_CODE_MAX_ATTEMPTS - attempts }
}
