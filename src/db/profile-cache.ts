import { toRaw } from 'vue'
import type { Company, Profile } from '../../contract/profile.ts'
import { db, type ProfileRecord } from './app-db.ts'

/** The profile kept for prefilling forms offline; undefined when the phone has none for this citizen. */
export function readProfileCopy(ownerId: string): Promise<ProfileRecord | undefined> {
  return db.profiles.get(ownerId)
}

export async function storeProfileCopy(ownerId: string, profile: Profile, companies: Company[]): Promise<void> {
  // IndexedDB's structured clone cannot copy Vue's reactive proxies: store plain copies.
  await db.profiles.put({ ownerId, profile: structuredClone(toRaw(profile)), companies: structuredClone(toRaw(companies).map((company) => toRaw(company))), fetchedAt: new Date().toISOString() })
}
