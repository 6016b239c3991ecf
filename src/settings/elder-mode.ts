/** Where the 适老化 choice is remembered on this phone. */
export const ELDER_MODE_STORAGE_KEY = 'kdl.elderMode'

/** The class on <html> that scales type and spacing across the app (styles/elder-mode.css). */
export const ELDER_MODE_CLASS = 'elder-mode'

/** The remembered choice; off when never set or when storage is unavailable (private mode). */
export function readElderModePreference(): boolean {
  try {
    return localStorage.getItem(ELDER_MODE_STORAGE_KEY) === 'on'
  } catch {
    return false
  }
}

export function writeElderModePreference(on: boolean): void {
  try {
    localStorage.setItem(ELDER_MODE_STORAGE_KEY, on ? 'on' : 'off')
  } catch {
    // Storage can be full or disabled; the mode still applies for this visit.
  }
}

export function applyElderMode(on: boolean): void {
  document.documentElement.classList.toggle(ELDER_MODE_CLASS, on)
}
