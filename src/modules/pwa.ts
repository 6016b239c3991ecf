import type { InjectionKey } from 'vue'
import { useRegisterSW } from 'virtual:pwa-register/vue'
import type { AppModuleContext } from './types.ts'

export type ServiceWorkerUpdate = Pick<ReturnType<typeof useRegisterSW>, 'needRefresh' | 'updateServiceWorker'>

/** AppUpdatePrompt reads whether a new version waits, and tells it to take over. */
export const serviceWorkerUpdateKey: InjectionKey<ServiceWorkerUpdate> = Symbol('service-worker-update')

/**
 * Registers the service worker. With `registerType: 'prompt'` a new version waits until the
 * citizen taps 更新; it never reloads the page on its own.
 */
export function install({ app }: AppModuleContext): void {
  const registration = useRegisterSW({
    immediate: true,
    // workbox-window reloads only when the page was controlled when it registered; a page
    // opened on the very first install would stay on the old version. We reload below instead.
    onNeedReload: () => {},
  })
  app.provide(serviceWorkerUpdateKey, {
    needRefresh: registration.needRefresh,
    async updateServiceWorker() {
      // The waiting version takes control after SKIP_WAITING; then the page loads it.
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true })
      await registration.updateServiceWorker()
    },
  })
}
