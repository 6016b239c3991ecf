// IndexedDB for Dexie in jsdom; must load before anything opens the database.
import 'fake-indexeddb/auto'
import { flushPromises } from '@vue/test-utils'
import { afterEach, expect, test, vi } from 'vitest'
import AppTabBar from '../../src/components/app/AppTabBar.vue'
import { mountPage } from './support/mount-page.ts'

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

test("tapping the tab of the section one is in goes back to its first page; another tab opens its own", async () => {
  vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 401 })))
  const { wrapper, router } = await mountPage(AppTabBar, '/me/profile')
  expect(wrapper.get('[data-testid="tab-me"]').attributes('aria-current')).toBe('page')

  await wrapper.get('[data-testid="tab-me"]').trigger('click')
  await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/me'))

  await wrapper.get('[data-testid="tab-services"]').trigger('click')
  await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/services'))
  await flushPromises()
  // On the section's first page, its tab stays where it is.
  await wrapper.get('[data-testid="tab-services"]').trigger('click')
  await flushPromises()
  expect(router.currentRoute.value.path).toBe('/services')
})
