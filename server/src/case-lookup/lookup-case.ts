import { createHash, timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import { allFields } from '../../../contract/application-form.ts'
import { CASE_LOOKUP_LIMITS, type CaseLookupInput, type CaseLookupResult } from '../../../contract/case-lookup.ts'
import type { Database } from '../db/schema.ts'
import { caseLookupRepository, type LookedUpCase } from '../repositories/case-lookup-repository.ts'

const MINUTE_MS = 60_000

/** A lookup answered: the view, nothing (the one 404), or refused with the seconds to wait (429). */
export type CaseLookupOutcome = { kind: 'found'; result: CaseLookupResult } | { kind: 'not_found' } | { kind: 'rate_limited'; retryAfterSeconds: number }

/** The stored form of a client address: its hash, so the table keeps no addresses. */
export function addressHash(address: string): string {
  return createHash('sha256').update(`case-lookup\n${address}`).digest('hex')
}

/**
 * The verifications a case accepts: the last 4 digits of each phone (its form's `phone` fields
 * and the submitting account's mobile) and the last 6 characters of each ID number (its form's
 * `idNumber` fields, a final x read as X). Padded to a fixed count, so every check compares as
 * many candidates whatever the case holds.
 */
const CANDIDATE_COUNT = 8

function verificationsOf(found: LookedUpCase | undefined): string[] {
  const candidates: string[] = []
  if (found) {
    const fields = found.form ? allFields(found.form) : []
    const phones = [found.accountPhone]
    const idNumbers: string[] = []
    for (const field of fields) {
      const value = found.formValues[field.key]
      if (typeof value !== 'string') continue
      if (field.type === 'phone') phones.push(value)
      if (field.type === 'idNumber') idNumbers.push(value)
    }
    for (const phone of phones) {
      const digits = phone.replace(/\D/g, '')
      if (digits.length >= 7) candidates.push(digits.slice(-4))
    }
    for (const idNumber of idNumbers) {
      const normalised = idNumber.replace(/\s/g, '').toUpperCase()
      if (normalised.length >= 15) candidates.push(normalised.slice(-6))
    }
  }
  // Candidates that nothing typed can match (a verification is 4 or 6 characters).
  while (candidates.length < CANDIDATE_COUNT) candidates.push('-------')
  return candidates
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}

/** Whether the verification matches any candidate, comparing with every one in constant time. */
function matches(verification: string, candidates: string[]): boolean {
  const typed = digest(verification.toUpperCase())
  let matched = false
  for (const candidate of candidates) matched = timingSafeEqual(typed, digest(candidate)) || matched
  return matched
}

function retryAfter(times: Date[], limit: number, windowMs: number, now: Date): number | null {
  if (times.length < limit) return null
  const freedAt = times[times.length - limit]!.getTime() + windowMs
  return Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000))
}

/**
 * 办件查询: checks the limits, looks the case up and checks the verification, recording the try.
 * Run it in a transaction. A case that does not exist and a wrong verification are the same
 * outcome, reached by the same work.
 */
export async function lookUpCase(trx: Kysely<Database>, { input, clientAddress, now }: { input: CaseLookupInput; clientAddress: string; now: Date }): Promise<CaseLookupOutcome> {
  const lookups = caseLookupRepository(trx)
  const address = addressHash(clientAddress)
  const caseNumber = input.caseNumber
  await lookups.lock(address, caseNumber)

  const addressWindowMs = CASE_LOOKUP_LIMITS.perAddressWindowMinutes * MINUTE_MS
  const caseWindowMs = CASE_LOOKUP_LIMITS.perCaseNumberWindowMinutes * MINUTE_MS
  const waits = [
    retryAfter(await lookups.triesFromAddress(address, new Date(now.getTime() - addressWindowMs)), CASE_LOOKUP_LIMITS.perAddress, addressWindowMs, now),
    retryAfter(await lookups.failuresForCaseNumber(caseNumber, new Date(now.getTime() - caseWindowMs)), CASE_LOOKUP_LIMITS.failuresPerCaseNumber, caseWindowMs, now),
  ].filter((wait): wait is number => wait !== null)
  if (waits.length > 0) return { kind: 'rate_limited', retryAfterSeconds: Math.max(...waits) }

  const found = await lookups.find(caseNumber)
  const matched = matches(input.verification, verificationsOf(found)) && found !== undefined
  await lookups.recordTry(address, caseNumber, matched, now)
  await lookups.forgetTriesBefore(new Date(now.getTime() - 24 * 60 * MINUTE_MS))
  if (!matched || !found) return { kind: 'not_found' }
  return {
    kind: 'found',
    result: {
      caseNumber: found.caseNumber,
      itemName: found.itemName,
      handlingBody: found.handlingBody,
      status: found.status,
      submittedAt: found.submittedAt.toISOString(),
      promisedDate: found.promisedDate,
      timeline: found.steps.map((step) => ({ at: step.at.toISOString(), status: step.status })),
    },
  }
}
