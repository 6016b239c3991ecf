/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'
import { VitePWA } from 'vite-plugin-pwa'
import { precompileLocaleMessages } from './scripts/precompile-locale-messages.ts'
import { initialJsBudget } from './scripts/initial-js.ts'

// Deep government blue: white text on it is 8.6:1, it on white likewise (WCAG AA and AAA).
const themeColor = '#1a4f9c'

/**
 * Removes Vant's icon font. The app draws its own icons (AppIcon.vue); Vant's @font-face
 * points at a CDN that `font-src 'self'` blocks, and Chromium requests it even unused.
 */
function dropVantIconFont(): Plugin {
  return {
    name: 'drop-vant-icon-font',
    enforce: 'pre',
    transform(code, id) {
      if (!/vant[\\/]es[\\/]icon[\\/]index\.css/.test(id)) return null
      return { code: code.replace(/@font-face\s*\{[^}]*\}/g, ''), map: null }
    },
  }
}

export default defineConfig({
  // vue-i18n compile-time flags: composition API only, so the legacy API is left out of the bundle.
  define: {
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    // Messages arrive compiled (precompileLocaleMessages), so vue-i18n's message parser is left out.
    __INTLIFY_DROP_MESSAGE_COMPILER__: true,
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  plugins: [
    dropVantIconFont(),
    precompileLocaleMessages(),
    vue(),
    // Vant on demand: only the components a page uses end up in its chunk, with their CSS.
    Components({
      dirs: [],
      dts: false,
      resolvers: [VantResolver()],
    }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // A silent reload could lose a half-filled form: the user decides when to update.
      registerType: 'prompt',
      // Registration happens in src/modules/pwa.ts through useRegisterSW; an injected
      // registration script would be inline and break `script-src 'self'`.
      injectRegister: false,
      includeAssets: ['favicon.ico', 'icon.svg', 'apple-touch-icon-180x180.png', 'robots.txt'],
      manifest: {
        name: '昆都仑区政务服务',
        short_name: '昆区政务',
        description: '昆都仑区政务服务：办事大厅、窗口与办事信息，离线也能查看。',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: themeColor,
        background_color: '#ffffff',
        icons: [
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff,woff2}'],
      },
    }),
    // Prints the first screen's JS (gzip) and fails the build over its budget.
    initialJsBudget(),
  ],
  build: {
    // The server reads which chunks a lazily loaded page needs (server/src/static/route-preloads.ts).
    manifest: true,
    // Fewer, larger files: on a phone's slow connection each extra request on the way to the
    // first screen costs a round trip. One stylesheet for the app (its CSS is small) and Vue's
    // packages in one chunk.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  // The server-side render of a guide (src/entry-server.ts, built into dist/.ssr by `npm run
  // build`) bundles everything it uses, so the server loads it from wherever the built app is
  // deployed, without node_modules beside it; Vant's CSS imports are dropped on the way.
  ssr: { noExternal: true },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8081',
    },
  },
  preview: {
    proxy: {
      '/api': 'http://127.0.0.1:8081',
    },
  },
})
