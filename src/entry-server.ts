// Server-side rendering of a guide's first screen, for the HTML that answers /g/<code>: a QR
// code scanned on a slow phone shows the guide as soon as the HTML and CSS arrive, before any
// script has run. The app then mounts over it as usual (main.ts), with the same first render.
// Built by `vite build --ssr` into dist/.ssr/ and loaded by the server (plugins/static-files.ts).
import { createPinia } from 'pinia'
import { createSSRApp } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ServiceItem } from '../contract/guides.ts'
import App from './App.vue'
import { i18n } from './modules/i18n.ts'
import { routes } from './modules/router.ts'
import { useGuidesStore } from './stores/guides.ts'

/** The markup of the app (shell and guide page) for `item`, to go inside `<div id="app">`. */
export async function renderGuidePage(item: ServiceItem): Promise<string> {
  const app = createSSRApp(App)
  const pinia = createPinia()
  app.use(pinia)
  app.use(i18n)
  // A router of its own per render: concurrent requests never share navigation state.
  const router = createRouter({ history: createMemoryHistory(), routes })
  app.use(router)
  // As the app's store holds an item the page carries (stores/guides.ts open), so that the app's
  // first render in the browser matches this one and takes it over as it is.
  Object.assign(useGuidesStore(pinia).entryFor(item.code), { item, status: 'ready', fetchedAt: new Date().toISOString() })
  await router.push(`/g/${encodeURIComponent(item.code)}`)
  await router.isReady()
  return await renderToString(app)
}
