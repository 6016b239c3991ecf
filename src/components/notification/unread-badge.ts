import { getCurrentInstance, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { useRouter } from 'vue-router'
import { readRememberedCitizen } from '../../session/remembered-citizen.ts'

/**
 * The unread count for the badge on 我的. Nothing loads for a phone where nobody is signed in (the
 * guide opened from a QR code downloads no more than before); once someone is, the notification
 * store loads and the count is asked again when the app comes back to the foreground, goes online,
 * after each page change (at most every few seconds) and when the outbox has sent writes.
 */
export function useUnreadBadge(): Ref<number> {
  const count = ref(0)
  if (import.meta.env.SSR) return count
  const router = useRouter()
  const app = getCurrentInstance()?.appContext.app
  let store: Promise<{ refreshUnread(force?: boolean): Promise<void> }> | null = null
  const stops: Array<() => void> = []

  function loadStore() {
    store ??= Promise.all([import('../../stores/notifications.ts'), import('../../stores/outbox.ts')]).then(([notifications, outbox]) => {
      const run = <T>(make: () => T): T => (app ? app.runWithContext(make) : make())
      const notificationsStore = run(() => notifications.useNotificationsStore())
      const outboxStore = run(() => outbox.useOutboxStore())
      stops.push(watch(() => notificationsStore.badgeCount, (value) => (count.value = value), { immediate: true }))
      // After the outbox sent writes (e.g. an answer to a correction), the case may have moved.
      stops.push(
        watch(
          () => outboxStore.unsentCount,
          (unsent, before) => unsent < before && void notificationsStore.refreshUnread(true),
        ),
      )
      return notificationsStore
    })
    return store
  }

  function refresh(force = false): void {
    if (!readRememberedCitizen() && !store) return
    void loadStore().then((notifications) => notifications.refreshUnread(force))
  }

  const onVisible = () => document.visibilityState === 'visible' && refresh()
  const onFocus = () => refresh()
  const onOnline = () => refresh(true)

  onMounted(() => {
    refresh(true)
    document.addEventListener('visibilitychange', onVisible)
    window.addEventListener('focus', onFocus)
    window.addEventListener('online', onOnline)
    stops.push(router.afterEach(() => refresh()))
  })
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisible)
    window.removeEventListener('focus', onFocus)
    window.removeEventListener('online', onOnline)
    for (const stop of stops) stop()
  })
  return count
}
