import type { PushSubscriptionInput } from '../../../contract/notifications.ts'
import { deletePushSubscription, fetchVapidPublicKey, savePushSubscription } from '../../api/notifications.ts'
import { isWeChatBrowser } from '../../domain/wechat.ts'

// Web Push in the browser: offered only where the browser has a service worker, PushManager and
// Notification, and never in WeChat's in-app browser (which has none of it that works); elsewhere
// the switch is not shown and the notification centre works as it is.

/** Whether this browser can receive the app's pushes. */
export function webPushSupported(): boolean {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return false
  if (isWeChatBrowser(navigator.userAgent)) return false
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
}

/** How long to wait for the service worker (none in development, or still installing). */
const SERVICE_WORKER_WAIT_MS = 10_000

async function registration(): Promise<ServiceWorkerRegistration> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('service worker not ready')), SERVICE_WORKER_WAIT_MS)
  })
  try {
    return await Promise.race([navigator.serviceWorker.ready, timeout])
  } finally {
    clearTimeout(timer)
  }
}

function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replaceAll('-', '+').replaceAll('_', '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=')
  const binary = atob(base64)
  const bytes = new Uint8Array(new ArrayBuffer(binary.length))
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}

function subscriptionInput(subscription: PushSubscription): PushSubscriptionInput {
  const json = subscription.toJSON()
  return { endpoint: subscription.endpoint, expirationTime: json.expirationTime ?? null, keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' } }
}

/** This browser's push subscription, if it has one and the citizen allowed notifications. */
export async function currentPushSubscription(): Promise<PushSubscription | null> {
  if (!webPushSupported() || Notification.permission !== 'granted') return null
  const existing = await (await registration()).pushManager.getSubscription()
  return existing
}

/** Re-sends the browser's subscription (it may have been renewed, or moved from another citizen). */
export async function confirmPushSubscription(subscription: PushSubscription): Promise<void> {
  await savePushSubscription(subscriptionInput(subscription))
}

export type EnablePushOutcome = 'enabled' | 'denied'

/** Asks permission, subscribes with the server's key and tells the server. Rejects when something fails on the way. */
export async function enablePush(): Promise<EnablePushOutcome> {
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission()
  if (permission !== 'granted') return 'denied'
  const [worker, publicKey] = await Promise.all([registration(), fetchVapidPublicKey()])
  const key = applicationServerKey(publicKey)
  let subscription = await worker.pushManager.getSubscription()
  const subscribedKey = subscription?.options.applicationServerKey
  if (subscription && subscribedKey && !sameBytes(new Uint8Array(subscribedKey), key)) {
    await subscription.unsubscribe()
    subscription = null
  }
  subscription ??= await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key })
  await savePushSubscription(subscriptionInput(subscription))
  return 'enabled'
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index])
}

/** Stops pushes to this browser: the server forgets it and the browser drops the subscription. */
export async function disablePush(): Promise<void> {
  const subscription = await currentPushSubscription()
  if (!subscription) return
  await deletePushSubscription(subscription.endpoint)
  await subscription.unsubscribe()
}

/**
 * After sign-out: the browser drops its subscription, so nothing of the previous citizen arrives
 * on this phone (the push service then answers 410 and the server forgets the endpoint).
 */
export async function dropBrowserPushSubscription(): Promise<void> {
  try {
    const subscription = await currentPushSubscription()
    await subscription?.unsubscribe()
  } catch {
    // No service worker or push here: nothing to drop.
  }
}
