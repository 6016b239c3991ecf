import { defineStore } from 'pinia'
import { ref } from 'vue'
import { applyElderMode, readElderModePreference, writeElderModePreference } from '../settings/elder-mode.ts'

export const useAppStore = defineStore('app', () => {
  /** Whether the browser believes it is connected; when not, pages show what is saved on the phone. */
  const online = ref(import.meta.env.SSR ? true : navigator.onLine)
  if (!import.meta.env.SSR) {
    window.addEventListener('online', () => (online.value = true))
    window.addEventListener('offline', () => (online.value = false))
  }

  /** 适老化模式: larger type and spacing across the whole app, remembered on this phone. */
  const elderMode = ref(readElderModePreference())

  /** Turns elder mode on or off, applies it at once and remembers it. */
  function setElderMode(on: boolean): void {
    elderMode.value = on
    writeElderModePreference(on)
    applyElderMode(on)
  }

  /**
   * 清除本机数据: deletes the saved halls, the outbox and the settings from this phone.
   * Dexie is imported here, not at the top, so the app shell does not load it.
   */
  async function clearLocalData(): Promise<void> {
    const { deleteLocalDatabase } = await import('../db/app-db.ts')
    await deleteLocalDatabase()
    localStorage.clear()
    elderMode.value = false
    applyElderMode(false)
  }

  return { online, elderMode, setElderMode, clearLocalData }
})
