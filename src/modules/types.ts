import type { App } from 'vue'

/** Each file in src/modules installs one concern into the app. */
export interface AppModuleContext {
  app: App
}
