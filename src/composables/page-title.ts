import { i18n } from '../modules/i18n.ts'

/** Sets the browser tab's title: 页面 - 昆都仑区政务服务. */
export function setPageTitle(pageTitle: string): void {
  const appName = i18n.global.t('app.name')
  document.title = pageTitle && pageTitle !== appName ? i18n.global.t('app.pageTitle', { page: pageTitle, app: appName }) : appName
}
