import { createApp, createSSRApp } from 'vue'
import App from './App.vue'
import * as theme from './modules/theme.ts'
import * as i18n from './modules/i18n.ts'
import * as pinia from './modules/pinia.ts'
import * as router from './modules/router.ts'
import * as pwa from './modules/pwa.ts'
import * as outbox from './modules/outbox.ts'

// A guide page the server rendered (entry-server.ts) is taken over as it is (hydrated), not drawn again.
const app = document.getElementById('app')?.hasChildNodes() ? createSSRApp(App) : createApp(App)
// Order matters: theme first (elder mode before the first render), stores before what uses them.
for (const module of [theme, i18n, pinia, router, pwa, outbox]) module.install({ app })
// Mounted once the first page's code is in: the first paint is that page (a guide opened from a
// QR code, with its content), not an empty frame around a page still loading.
void router.router.isReady().then(() => app.mount('#app'))
