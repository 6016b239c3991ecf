import { defineStore } from 'pinia'
import { computed, ref, toRaw, watch } from 'vue'
import type { NotificationItem } from '../../contract/notifications.ts'
import { ApiError } from '../api/client.ts'
import { fetchNotifications, markNotificationsRead } from '../api/notifications.ts'
import { db } from '../db/app-db.ts'
import { useSessionStore } from './session.ts'

/** loading: nothing yet; ready: from the server or the phone's copy; unavailable: neither. */
export type NotificationsStatus = 'loading' | 'ready' | 'unavailable'

/** Unread counts are asked at most this often by focus and visibility changes (ms). */
const UNREAD_REFRESH_INTERVAL_MS = 15_000

async function keepCopies(ownerId: string, items: NotificationItem[]): Promise<void> {
  await db.notifications.bulkPut(
    items.map((item) => ({ id: item.id, ownerId, notification: structuredClone(toRaw(item)), createdAt: item.createdAt })),
  )
}

async function readCopies(ownerId: string): Promise<NotificationItem[]> {
  const records = await db.notifications.where('ownerId').equals(ownerId).toArray()
  return records.map((record) => record.notification as NotificationItem).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
}

/**
 * The notification centre (消息) of the signed-in citizen: the list, the unread count shown on 我的,
 * and marking read. The list is kept on the phone (IndexedDB) to read offline.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const session = useSessionStore()
  const items = ref<NotificationItem[]>([])
  const unreadCount = ref(0)
  const nextCursor = ref<string | null>(null)
  const status = ref<NotificationsStatus>('loading')
  /** The list shown is the phone's copy (the server could not be reached). */
  const offline = ref(false)
  let ownerId: string | null = null
  let lastUnreadCheck = 0
  /** Marked read on the phone while the server could not be told: sent with the next refresh. */
  const unsentReads = new Set<string>()

  /** The number on 我的: none when nobody is signed in. */
  const badgeCount = computed(() => (session.citizen ? unreadCount.value : 0))

  function reset(): void {
    items.value = []
    unreadCount.value = 0
    nextCursor.value = null
    status.value = 'loading'
    offline.value = false
    unsentReads.clear()
  }

  // Another citizen, or nobody: nothing of the previous one's stays on screen.
  watch(
    () => session.citizen?.id ?? null,
    (owner) => {
      if (owner !== ownerId) {
        // Signed out: this browser stops receiving the previous citizen's pushes.
        if (ownerId && !owner) void import('../components/notification/web-push.ts').then(({ dropBrowserPushSubscription }) => dropBrowserPushSubscription())
        reset()
        ownerId = owner
        lastUnreadCheck = 0
      }
    },
    { immediate: true },
  )

  function signedOutAnswer(error: unknown): boolean {
    if (error instanceof ApiError && error.status === 401) {
      void session.refresh()
      return true
    }
    return false
  }

  async function sendUnsentReads(): Promise<void> {
    if (unsentReads.size === 0) return
    const ids = [...unsentReads]
    unsentReads.clear()
    try {
      unreadCount.value = (await markNotificationsRead({ ids })).unreadCount
    } catch {
      for (const id of ids) unsentReads.add(id)
    }
  }

  /** The first page from the server, or the copy on the phone when it cannot be reached. */
  async function load(): Promise<void> {
    const owner = session.citizen?.id
    if (!owner) return
    await sendUnsentReads()
    try {
      const page = await fetchNotifications()
      if (owner !== ownerId) return
      items.value = page.items
      unreadCount.value = page.unreadCount
      nextCursor.value = page.nextCursor
      offline.value = false
      status.value = 'ready'
      lastUnreadCheck = Date.now()
      await keepCopies(owner, page.items)
    } catch (error) {
      if (signedOutAnswer(error) || owner !== ownerId) return
      const copies = await readCopies(owner)
      if (copies.length > 0 || items.value.length === 0) {
        items.value = copies.map((item) => (unsentReads.has(item.id) ? { ...item, readAt: item.readAt ?? new Date().toISOString() } : item))
        unreadCount.value = items.value.filter((item) => item.readAt === null).length
        nextCursor.value = null
      }
      offline.value = true
      // Nothing on the phone either: say the list could not be loaded, not that there is none.
      status.value = items.value.length > 0 ? 'ready' : 'unavailable'
    }
  }

  /** The next page (the 加载更多 button). */
  async function loadMore(): Promise<void> {
    const owner = ownerId
    if (!owner || !nextCursor.value) return
    const page = await fetchNotifications({ cursor: nextCursor.value })
    if (owner !== ownerId) return
    const known = new Set(items.value.map((item) => item.id))
    items.value = [...items.value, ...page.items.filter((item) => !known.has(item.id))]
    unreadCount.value = page.unreadCount
    nextCursor.value = page.nextCursor
    await keepCopies(owner, page.items)
  }

  /** Asks the server for the unread count (the badge); `force` skips the pause between asks. */
  async function refreshUnread(force = false): Promise<void> {
    const owner = session.citizen?.id
    if (!owner) return
    if (!force && Date.now() - lastUnreadCheck < UNREAD_REFRESH_INTERVAL_MS) return
    lastUnreadCheck = Date.now()
    await sendUnsentReads()
    try {
      const page = await fetchNotifications({ limit: 1 })
      if (owner === ownerId) unreadCount.value = page.unreadCount
    } catch (error) {
      signedOutAnswer(error)
    }
  }

  function applyRead(ids: ReadonlySet<string> | 'all', at: string): void {
    items.value = items.value.map((item) => (item.readAt === null && (ids === 'all' || ids.has(item.id)) ? { ...item, readAt: at } : item))
  }

  /** Marks one notification read, on the phone at once and on the server when it can be reached. */
  async function markRead(id: string): Promise<void> {
    const owner = ownerId
    const item = items.value.find((candidate) => candidate.id === id)
    if (!owner || !item || item.readAt !== null) return
    applyRead(new Set([id]), new Date().toISOString())
    unreadCount.value = Math.max(0, unreadCount.value - 1)
    await keepCopies(owner, items.value.filter((candidate) => candidate.id === id))
    try {
      const answer = await markNotificationsRead({ ids: [id] })
      if (owner === ownerId) unreadCount.value = answer.unreadCount
    } catch (error) {
      if (!signedOutAnswer(error)) unsentReads.add(id)
    }
  }

  /** 全部已读. Rejects when the server cannot be reached (nothing changes then). */
  async function markAllRead(): Promise<void> {
    const owner = ownerId
    if (!owner) return
    const answer = await markNotificationsRead({ all: true })
    if (owner !== ownerId) return
    applyRead('all', new Date().toISOString())
    unreadCount.value = answer.unreadCount
    await keepCopies(owner, items.value)
  }

  return { items, unreadCount, badgeCount, nextCursor, status, offline, load, loadMore, refreshUnread, markRead, markAllRead }
})
