import { createPinia } from 'pinia'
import type { AppModuleContext } from './types.ts'

export function install({ app }: AppModuleContext): void {
  app.use(createPinia())
}
