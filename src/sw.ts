/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst } from 'workbox-strategies'
import { CacheableResponsePlugin } from 'workbox-cacheable-response'
import { ExpirationPlugin } from 'workbox-expiration'

declare const self: ServiceWorkerGlobalScope

// The app shell (html, js, css, icons, fonts) as listed by the build.
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// Every deep link (/halls/…, /g/<code>) opens the precached app, also offline; the API is
// never answered with HTML.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }))

// Blank and sample forms are addressed by the hash of their content, so a cached copy is always
// right: served from the cache first, also offline. Old ones make room for new ones.
registerRoute(
  ({ url }) => url.pathname.startsWith('/api/v1/files/'),
  new CacheFirst({
    cacheName: 'guide-files',
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 400 })],
  }),
)

// The first install takes over the open page at once, so it works offline without a reload.
// Updates still wait for SKIP_WAITING below: a new version only activates when the citizen asks.
clientsClaim()

// The page asks for this when the citizen taps 更新 (registerType: 'prompt').
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting()
})

// Web Push (the citizen opted in on 消息通知): a case moved. The message (contract/notifications.ts
// PushMessage) is shown as a system notification; a click opens the case in an open window of the
// app, or in a new one.
interface PushMessage {
  id: string
  title: string
  body: string
  url: string
}

function pushMessage(event: PushEvent): PushMessage {
  try {
    const message = event.data?.json() as Partial<PushMessage> | undefined
    if (message && typeof message.title === 'string') {
      return {
        id: String(message.id ?? ''),
        title: message.title,
        body: typeof message.body === 'string' ? message.body : '',
        url: typeof message.url === 'string' && message.url.startsWith('/') ? message.url : '/me/notifications',
      }
    }
  } catch {
    // Not JSON: still tell the citizen something arrived.
  }
  return { id: '', title: '昆都仑区政务服务', body: '您有新的办件消息', url: '/me/notifications' }
}

self.addEventListener('push', (event) => {
  const message = pushMessage(event)
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.id || undefined,
      icon: '/pwa-192x192.png',
      lang: 'zh-CN',
      data: { url: message.url },
    }),
  )
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const data = event.notification.data as { url?: unknown } | null
  const path = typeof data?.url === 'string' && data.url.startsWith('/') ? data.url : '/me/notifications'
  const target = new URL(path, self.location.origin).href
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin)
      if (open) {
        const focused = await open.focus()
        await focused.navigate(target).catch(() => self.clients.openWindow(target))
        return
      }
      await self.clients.openWindow(target)
    })(),
  )
})
