import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ComplaintChannel, ComplaintDetail, ComplaintSummary } from '../../contract/complaints.ts'
import { fetchComplaintChannels, fetchMyComplaint, fetchMyComplaints, lookUpComplaint } from '../api/complaints.ts'
import { db } from '../db/app-db.ts'
import { forgetCachedComplaint, listAnonymousComplaints, readCachedComplaint, readCachedComplaintList, storeComplaint, storeComplaintList } from '../db/complaint-cache.ts'
import { useAppStore } from './app.ts'
import { useKeptEntryRefresh, useKeptList, type KeptEntry, type KeptLoadStatus } from './kept-copies.ts'

/** not-found: not this citizen's, or unknown (see KeptLoadStatus). */
export type ComplaintLoadStatus = KeptLoadStatus

export interface ComplaintEntry extends KeptEntry<ComplaintDetail> {
  /** The query code kept on this phone for it (sent from here), if any. */
  queryCode: string | null
}

const CHANNELS_KEY = 'complaint-channels'

export const useComplaintsStore = defineStore('complaints', () => {
  const app = useAppStore()
  const refreshKeptEntry = useKeptEntryRefresh()

  /** 第十九条's channels as the server lists them (kept on the phone for offline); empty until read once. */
  const channels = ref<ComplaintChannel[]>([])
  /** When the channels were last read from the server (ISO). */
  const channelsFetchedAt = ref<string | null>(null)

  /** 我的投诉, newest first: the copy on the phone first, then the server's. */
  const list = useKeptList<ComplaintSummary>({
    read: async (ownerId) => {
      const cached = await readCachedComplaintList(ownerId)
      return { items: cached.complaints, listedAt: cached.listedAt }
    },
    fetch: async () => (await fetchMyComplaints()).complaints,
    store: storeComplaintList,
    refreshed: (ownerId, complaints) => void precache(ownerId, complaints),
  })
  /** Complaints sent from this phone while nobody was signed in, with their query codes. */
  const anonymousKept = ref<Array<{ detail: ComplaintDetail; queryCode: string }>>([])
  /** Whole complaints by tracking number, as far as they have been loaded. */
  const entries = ref<Record<string, ComplaintEntry>>({})

  function entryFor(trackingNumber: string): ComplaintEntry {
    entries.value[trackingNumber] ??= { detail: null, fetchedAt: null, status: 'loading', refreshing: false, stale: false, queryCode: null }
    return entries.value[trackingNumber]
  }

  /** The kept channels at once, then the server's when online. */
  async function loadChannels(): Promise<void> {
    const kept = await db.meta.get(CHANNELS_KEY)
    if (kept && channels.value.length === 0) {
      try {
        const parsed = JSON.parse(kept.value) as { channels: ComplaintChannel[]; fetchedAt: string }
        channels.value = parsed.channels
        channelsFetchedAt.value = parsed.fetchedAt
      } catch {
        // A damaged copy is replaced by the next read.
      }
    }
    if (!app.online) return
    try {
      const fetchedAt = new Date().toISOString()
      const answer = await fetchComplaintChannels()
      channels.value = answer.channels
      channelsFetchedAt.value = fetchedAt
      await db.meta.put({ key: CHANNELS_KEY, value: JSON.stringify({ channels: answer.channels, fetchedAt }) })
    } catch {
      // The kept copy (or the hotline the page always shows) stays.
    }
  }

  /** Anonymous complaints sent from this phone without a session (their query codes open them). */
  async function loadAnonymousKept(): Promise<void> {
    anonymousKept.value = await listAnonymousComplaints()
  }

  /** Reads each listed complaint that moved on since the phone last read it, so it opens offline later. */
  async function precache(ownerId: string, summaries: ComplaintSummary[]): Promise<void> {
    for (const summary of summaries) {
      const kept = await readCachedComplaint(ownerId, summary.trackingNumber)
      if (kept?.detail && kept.detail.status === summary.status) continue
      if (entries.value[summary.trackingNumber]?.refreshing || !app.online) continue
      try {
        const fetchedAt = new Date().toISOString()
        const detail = await fetchMyComplaint(summary.trackingNumber)
        await storeComplaint(ownerId, detail, fetchedAt)
        const entry = entries.value[summary.trackingNumber]
        if (entry) Object.assign(entry, { detail, fetchedAt, status: 'ready', stale: false })
      } catch {
        // Read again when it is opened.
      }
    }
  }

  /**
   * Shows the kept complaint at once, then refreshes it: with the session when `ownerId` is a
   * citizen's, else with the query code kept on this phone for it.
   */
  async function loadComplaint(ownerId: string, trackingNumber: string): Promise<void> {
    const entry = entryFor(trackingNumber)
    const cached = await readCachedComplaint(ownerId, trackingNumber)
    if (cached) {
      entry.queryCode = cached.queryCode
      if (cached.detail && !entry.detail) Object.assign(entry, { detail: cached.detail, fetchedAt: cached.fetchedAt, status: 'ready' })
    }
    if (!app.online) {
      entry.stale = true
      if (!entry.detail) entry.status = 'unavailable'
      return
    }
    if (ownerId === '' && !entry.queryCode) {
      if (!entry.detail) entry.status = 'not-found'
      return
    }
    await refreshKeptEntry(entry, {
      fetch: () => (ownerId === '' ? lookUpComplaint({ trackingNumber, queryCode: entry.queryCode! }) : fetchMyComplaint(trackingNumber)),
      store: (detail, fetchedAt) => storeComplaint(ownerId, detail, fetchedAt),
      forget: () => forgetCachedComplaint(ownerId, trackingNumber),
    })
  }

  /**
   * Whose copy of the complaint to open: one sent from this phone without a session is read with
   * its kept query code (whoever is signed in now); any other with the citizen's session.
   */
  async function ownerFor(citizenId: string | null, trackingNumber: string): Promise<string> {
    const anonymous = await readCachedComplaint('', trackingNumber)
    if (anonymous?.queryCode || !citizenId) return ''
    return citizenId
  }

  /** Takes a complaint the server answered with (a rating, a lookup) as the current copy. */
  async function adopt(ownerId: string, detail: ComplaintDetail, queryCode?: string): Promise<void> {
    const fetchedAt = new Date().toISOString()
    await storeComplaint(ownerId, detail, fetchedAt, queryCode)
    const entry = entryFor(detail.trackingNumber)
    Object.assign(entry, { detail, fetchedAt, status: 'ready', stale: false })
    if (queryCode) entry.queryCode = queryCode
  }

  return {
    channels,
    channelsFetchedAt,
    complaints: list.items,
    listedAt: list.listedAt,
    listStatus: list.status,
    listStale: list.stale,
    anonymousKept,
    entries,
    entryFor,
    loadChannels,
    loadList: list.load,
    loadAnonymousKept,
    loadComplaint,
    ownerFor,
    adopt,
  }
})
