import { afterEach, beforeEach, expect, test } from 'vitest'
import { ELDER_MODE_CLASS } from '../../src/settings/elder-mode.ts'
import { install as installTheme } from '../../src/modules/theme.ts'
import MePage from '../../src/pages/MePage.vue'
import { mountPage } from './support/mount-page.ts'

beforeEach(() => {
  localStorage.clear()
  document.documentElement.classList.remove(ELDER_MODE_CLASS)
})

afterEach(() => {
  document.body.innerHTML = ''
})

test('the switch under 我的 turns elder mode on for the whole page and remembers it', async () => {
  const { wrapper } = await mountPage(MePage, '/me')
  const elderSwitch = wrapper.get('[data-testid="elder-mode-switch"]')
  expect(elderSwitch.attributes('aria-checked')).toBe('false')
  expect(document.getElementById(elderSwitch.attributes('aria-labelledby')!)?.textContent).toBe('适老化模式')

  await elderSwitch.trigger('click')
  expect(elderSwitch.attributes('aria-checked')).toBe('true')
  expect(document.documentElement.classList.contains(ELDER_MODE_CLASS)).toBe(true)

  // A fresh start applies the remembered choice before the app renders.
  document.documentElement.classList.remove(ELDER_MODE_CLASS)
  installTheme({ app: wrapper.vm.$.appContext.app })
  expect(document.documentElement.classList.contains(ELDER_MODE_CLASS)).toBe(true)

  await elderSwitch.trigger('keydown', { key: ' ' })
  expect(elderSwitch.attributes('aria-checked')).toBe('false')
  expect(document.documentElement.classList.contains(ELDER_MODE_CLASS)).toBe(false)
  document.documentElement.classList.add(ELDER_MODE_CLASS)
  installTheme({ app: wrapper.vm.$.appContext.app })
  expect(document.documentElement.classList.contains(ELDER_MODE_CLASS)).toBe(false)
})
