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
