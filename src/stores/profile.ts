import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Company, CompanyInput, Profile, ProfileInput } from '../../contract/profile.ts'
import { addCompany, deleteCompany, fetchCompanies, fetchProfile, saveProfile, updateCompany } from '../api/profile.ts'
import { readProfileCopy, storeProfileCopy } from '../db/profile-cache.ts'
import { newIdempotencyKey } from '../outbox/idempotency-key.ts'

/** loading: nothing yet; ready: from the server or the phone's copy; unavailable: neither. */
export type ProfileStatus = 'loading' | 'ready' | 'unavailable'

export const useProfileStore = defineStore('profile', () => {
  /** 我的资料 of the signed-in citizen (full ID number: mask it in views). */
  const profile = ref<Profile | null>(null)
  /** The companies the citizen acts for. */
  const companies = ref<Company[]>([])
  const status = ref<ProfileStatus>('loading')
  /** When the copy shown was fetched, if it came from the phone rather than the server. */
  const offlineCopyFrom = ref<string | null>(null)
  let ownerId: string | null = null

  async function keepCopy(): Promise<void> {
    if (ownerId && profile.value) await storeProfileCopy(ownerId, profile.value, companies.value)
  }

  /** Loads the citizen's profile from the server, or the copy on the phone when offline. */
  async function load(owner: string): Promise<void> {
    if (ownerId !== owner) {
      profile.value = null
      companies.value = []
      status.value = 'loading'
    }
    ownerId = owner
    try {
      const [fetched, list] = await Promise.all([fetchProfile(), fetchCompanies()])
      profile.value = fetched
      companies.value = list
      offlineCopyFrom.value = null
      status.value = 'ready'
      await keepCopy()
    } catch {
      const copy = await readProfileCopy(owner)
      if (copy) {
        profile.value = copy.profile
        companies.value = copy.companies
        offlineCopyFrom.value = copy.fetchedAt
        status.value = 'ready'
      } else if (!profile.value) status.value = 'unavailable'
    }
  }

  /** Saves the whole profile; rejects with the server's ApiError (field details) or NetworkError. */
  async function save(input: ProfileInput): Promise<void> {
    profile.value = await saveProfile(input)
    await keepCopy()
  }

  /** Adds a company or changes one (`id` given). */
  async function saveCompany(input: CompanyInput, id?: string): Promise<void> {
    if (id) {
      const saved = await updateCompany(id, input)
      companies.value = companies.value.map((company) => (company.id === id ? saved : company))
    } else companies.value = [...companies.value, await addCompany(input, newIdempotencyKey())]
    await keepCopy()
  }

  async function removeCompany(id: string): Promise<void> {
    await deleteCompany(id)
    companies.value = companies.value.filter((company) => company.id !== id)
    await keepCopy()
  }

  return { profile, companies, status, offlineCopyFrom, load, save, saveCompany, removeCompany }
})
