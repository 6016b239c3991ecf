import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import webPush from 'web-push'
import type { Config } from '../config.ts'

export interface VapidDetails {
  /** base64url, uncompressed P-256 point: what the app passes to pushManager.subscribe. */
  publicKey: string
  privateKey: string
  /** mailto: or https: contact for push services. */
  subject: string
}

/** Where generated keys are kept, so subscriptions made against them survive restarts. */
export const VAPID_KEYS_FILE = 'vapid-keys.json'

function isKeyPair(value: unknown): value is { publicKey: string; privateKey: string } {
  const pair = value as { publicKey?: unknown; privateKey?: unknown } | null
  return typeof pair?.publicKey === 'string' && typeof pair.privateKey === 'string'
}

/**
 * The server's VAPID keys: VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY when configured, else the pair in
 * DATA_DIR/vapid-keys.json, generated (and written, readable by the owner only) on first use.
 * Changing keys orphans every browser subscription, so the file is never rewritten once there.
 */
export async function loadVapidDetails(config: Config): Promise<VapidDetails> {
  const subject = config.VAPID_SUBJECT ?? (config.PUBLIC_URL?.startsWith('https://') ? config.PUBLIC_URL : 'mailto:webpush@localhost')
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY) {
    return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject }
  }
  const file = join(config.DATA_DIR, VAPID_KEYS_FILE)
  try {
    const stored: unknown = JSON.parse(await readFile(file, 'utf8'))
    if (!isKeyPair(stored)) throw new Error(`${file} does not hold publicKey and privateKey`)
    return { ...stored, subject }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const generated = webPush.generateVAPIDKeys()
  await mkdir(config.DATA_DIR, { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, `${JSON.stringify(generated, null, 2)}\n`, { mode: 0o600 })
  await rename(temporary, file)
  return { ...generated, subject }
}
