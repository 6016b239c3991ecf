import { nextTick } from 'vue'
import { createMemoryHistory, createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { setPageDescription, setPageTitle } from '../composables/page-title.ts'
import { i18n } from './i18n.ts'
import type { AppModuleContext } from './types.ts'

/** Which bottom tab a page belongs to. */
export type AppTab = 'home' | 'services' | 'appointments' | 'me'

declare module 'vue-router' {
  interface RouteMeta {
    /** Locale key of the page's title. */
    titleKey: string
    tab?: AppTab
    /** The page shows personal data: nobody signed in is sent to /signin and brought back. */
    signIn?: boolean
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('../pages/HomePage.vue'), meta: { titleKey: 'pages.home.title', tab: 'home' } },
  {
    path: '/services',
    name: 'services',
    component: () => import('../pages/ServicesPage.vue'),
    meta: { titleKey: 'pages.services.title', tab: 'services' },
  },
  {
    path: '/appointments',
    name: 'appointments',
    component: () => import('../pages/AppointmentsPage.vue'),
    meta: { titleKey: 'pages.appointments.title', tab: 'appointments' },
  },
  // 预约: booking a visit to a hall (第十八条), its code and QR code, and 上门服务 requests. Pages
  // that only read offer sign-in themselves (offline, the copy kept on the phone shows).
  {
    path: '/appointments/book',
    name: 'booking',
    component: () => import('../pages/BookingPage.vue'),
    // Open to everyone: times and places left are public; confirming asks for sign-in.
    meta: { titleKey: 'pages.booking.title', tab: 'appointments' },
  },
  {
    path: '/appointments/bookings/:id',
    name: 'booking-detail',
    component: () => import('../pages/BookingDetailPage.vue'),
    props: true,
    meta: { titleKey: 'pages.bookingDetail.title', tab: 'appointments' },
  },
  {
    path: '/appointments/home-service/:id?',
    name: 'home-service',
    component: () => import('../pages/HomeServicePage.vue'),
    props: true,
    meta: { titleKey: 'pages.homeService.title', tab: 'appointments' },
  },
  { path: '/me', name: 'me', component: () => import('../pages/MePage.vue'), meta: { titleKey: 'pages.me.title', tab: 'me' } },
  {
    path: '/halls',
    name: 'halls',
    component: () => import('../pages/HallListPage.vue'),
    meta: { titleKey: 'pages.halls.title', tab: 'services' },
  },
  {
    path: '/halls/:id',
    name: 'hall',
    component: () => import('../pages/HallDetailPage.vue'),
    props: true,
    meta: { titleKey: 'pages.hall.title', tab: 'services' },
  },
  {
    path: '/halls/:id/report',
    name: 'hall-report',
    component: () => import('../pages/HallReportPage.vue'),
    props: true,
    meta: { titleKey: 'pages.report.title', tab: 'services' },
  },
  // 好差评 of a visit to the hall.
  {
    path: '/halls/:id/rating',
    name: 'hall-rating',
    component: () => import('../pages/HallRatingPage.vue'),
    props: true,
    meta: { titleKey: 'pages.hallRating.title', tab: 'services', signIn: true },
  },
  // The canonical short URL printed on paper guides and in their QR codes (第五条).
  {
    path: '/g/:code',
    name: 'guide',
    component: () => import('../pages/GuidePage.vue'),
    props: true,
    meta: { titleKey: 'pages.guide.title', tab: 'services' },
  },
  {
    path: '/g/:code/print',
    name: 'guide-print',
    component: () => import('../pages/GuidePrintPage.vue'),
    props: true,
    meta: { titleKey: 'pages.guide.title', tab: 'services' },
  },
  {
    path: '/signin',
    name: 'signin',
    component: () => import('../pages/SignInPage.vue'),
    meta: { titleKey: 'pages.signIn.title', tab: 'me' },
  },
  {
    path: '/me/profile',
    name: 'profile',
    component: () => import('../pages/ProfilePage.vue'),
    meta: { titleKey: 'pages.profile.title', tab: 'me', signIn: true },
  },
  // 一表申请: the form, 核对信息, and the receipt of what was sent.
  {
    path: '/apply/:code',
    name: 'apply',
    component: () => import('../pages/ApplyPage.vue'),
    props: true,
    meta: { titleKey: 'pages.apply.title', tab: 'services', signIn: true },
  },
  {
    path: '/apply/:code/check',
    name: 'apply-check',
    component: () => import('../pages/ApplyCheckPage.vue'),
    props: true,
    meta: { titleKey: 'pages.applyCheck.title', tab: 'services', signIn: true },
  },
  // 我的办件: the citizen's cases, one case's progress, and answering its correction request (补正).
  // The list and the case offer sign-in themselves when nobody is signed in (offline, the copy kept
  // on the phone shows); answering a correction needs a session first.
  {
    path: '/me/cases',
    name: 'cases',
    component: () => import('../pages/CasesPage.vue'),
    meta: { titleKey: 'pages.cases.title', tab: 'me' },
  },
  {
    path: '/me/cases/:caseNumber',
    name: 'case',
    component: () => import('../pages/CaseDetailPage.vue'),
    props: true,
    meta: { titleKey: 'pages.case.title', tab: 'me' },
  },
  {
    path: '/me/cases/:caseNumber/correction',
    name: 'case-correction',
    component: () => import('../pages/CaseCorrectionPage.vue'),
    props: true,
    meta: { titleKey: 'pages.caseCorrection.title', tab: 'me', signIn: true },
  },
  // 办件查询: any case's progress by its number and a verification, without signing in.
  {
    path: '/cases/lookup',
    name: 'case-lookup',
    component: () => import('../pages/CaseLookupPage.vue'),
    meta: { titleKey: 'pages.caseLookup.title', tab: 'me' },
  },
  // 消息通知: what the citizen was told about their cases; offers sign-in itself, reads offline.
  {
    path: '/me/notifications',
    name: 'notifications',
    component: () => import('../pages/NotificationsPage.vue'),
    meta: { titleKey: 'notifications.title', tab: 'me' },
  },
  // 投诉建议 (第十九条): every channel, my complaints, filing one (also anonymously, without signing in),
  // one complaint's handling and answer, and finding an anonymous one by its query code.
  {
    path: '/complaints',
    name: 'complaints',
    component: () => import('../pages/ComplaintsPage.vue'),
    meta: { titleKey: 'pages.complaints.title', tab: 'me' },
  },
  {
    path: '/complaints/new',
    name: 'complaint-new',
    component: () => import('../pages/ComplaintPage.vue'),
    meta: { titleKey: 'pages.complaint.title', tab: 'me' },
  },
  {
    path: '/complaints/lookup',
    name: 'complaint-lookup',
    component: () => import('../pages/ComplaintLookupPage.vue'),
    meta: { titleKey: 'pages.complaintLookup.title', tab: 'me' },
  },
  {
    path: '/complaints/:trackingNumber',
    name: 'complaint',
    component: () => import('../pages/ComplaintDetailPage.vue'),
    props: true,
    meta: { titleKey: 'pages.complaintDetail.title', tab: 'me' },
  },
  {
    path: '/submissions/:id',
    name: 'submission',
    component: () => import('../pages/SubmissionPage.vue'),
    props: true,
    meta: { titleKey: 'pages.submission.title', tab: 'me', signIn: true },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('../pages/NotFoundPage.vue'),
    meta: { titleKey: 'pages.notFound.title' },
  },
]

export const router = createRouter({
  // The server-side render (entry-server.ts) imports the routes from here, where there is no window.
  history: import.meta.env.SSR ? createMemoryHistory() : createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

// Pages with personal data ask who is signed in; the session store loads only for them, so the
// cold guide open from a QR code carries none of it.
router.beforeEach(async (to) => {
  if (!to.meta.signIn) return true
  const { useSessionStore } = await import('../stores/session.ts')
  const citizen = await useSessionStore().ensure()
  return citizen ? true : { name: 'signin', query: { next: to.fullPath } }
})

router.afterEach((to, from, failure) => {
  if (failure) return
  setPageTitle(i18n.global.t(to.meta.titleKey))
  // A page about one thing (a guide) sets its own; the first load keeps what the server put in the HTML.
  if (from.matched.length > 0) setPageDescription(null)
  // Screen-reader and keyboard users land on the new page's heading, not on the tab they tapped.
  // The first load keeps the browser's own start position.
  if (from.matched.length > 0) void nextTick(() => document.querySelector<HTMLElement>('h1')?.focus())
})

export function install({ app }: AppModuleContext): void {
  app.use(router)
}
