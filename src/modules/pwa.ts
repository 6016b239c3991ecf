import type { InjectionKey } from 'vue'
import { useRegisterSW } from 'virtual:pwa-register/vue'
import type { AppModuleContext } from './types.ts'

export type ServiceWorkerUpdate = ReturnType<typeof useRegisterSW>

/** AppUpdatePrompt reads whether a new version waits, and tells it to take over. */
export const serviceWorkerUpdateKey: InjectionKey<ServiceWorkerUpdate> = Symbol('service-worker-update')

/**
 * Registers the service worker. With `registerType: 'prompt'` a new version waits until the
 * citizen taps 更新; it never reloads the page on its own.
 */
export function install({ app }: AppModuleContext): void {
  app.provide(serviceWorkerUpdateKey, useRegisterSW({ immediate: true }))
}
