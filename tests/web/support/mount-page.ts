import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import { i18n } from '../../../src/modules/i18n.ts'
import { routes } from '../../../src/modules/router.ts'

/** Mounts a page the way the app does (i18n, a fresh Pinia, the real routes) at `path`. */
export async function mountPage(page: Component, path: string, props: Record<string, unknown> = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  await router.isReady()
  const wrapper = mount(page, { props, global: { plugins: [i18n, pinia, router] }, attachTo: document.body })
  return { wrapper, router, pinia }
}
