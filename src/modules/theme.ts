import 'vant/es/style/base.css'
import '../styles/theme.css'
import '../styles/elder-mode.css'
import '../styles/base.css'
import { applyElderMode, readElderModePreference } from '../settings/elder-mode.ts'
import type { AppModuleContext } from './types.ts'

/** Applies the remembered elder mode before the app's first render, so large type never flashes small. */
export function install(_context: AppModuleContext): void {
  applyElderMode(readElderModePreference())
}
