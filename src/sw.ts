/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'

declare const self: ServiceWorkerGlobalScope

// The app shell (html, js, css, icons, fonts) as listed by the build.
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// Every deep link (/halls/…, /g/<code>) opens the precached app, also offline; the API is
// never answered with HTML.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }))

// The first install takes over the open page at once, so it works offline without a reload.
// Updates still wait for SKIP_WAITING below: a new version only activates when the citizen asks.
clientsClaim()

// The page asks for this when the citizen taps 更新 (registerType: 'prompt').
self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting()
})
