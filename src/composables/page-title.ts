import { i18n } from '../modules/i18n.ts'

/** Sets the browser tab's title: 页面 - 昆都仑区政务服务. */
export function setPageTitle(pageTitle: string): void {
  // On the server the HTML's <title> is written by the route (guides/share-meta.ts).
  if (import.meta.env.SSR) return
  const appName = i18n.global.t('app.name')
  document.title = pageTitle && pageTitle !== appName ? i18n.global.t('app.pageTitle', { page: pageTitle, app: appName }) : appName
}

/** Sets the page's meta description (what a shared link shows); null restores the app's own. */
export function setPageDescription(description: string | null): void {
  if (import.meta.env.SSR) return
  let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]')
  if (!meta) {
    meta = document.createElement('meta')
    meta.name = 'description'
    document.head.append(meta)
  }
  meta.content = description ?? i18n.global.t('app.description')
}
