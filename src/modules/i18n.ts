import { createI18n } from 'vue-i18n'
import zhCN from '../locales/zh-CN.json'
import type { AppModuleContext } from './types.ts'

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN },
})

export function install({ app }: AppModuleContext): void {
  app.use(i18n)
}
