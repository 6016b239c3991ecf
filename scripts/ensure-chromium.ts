// Makes sure a Chromium for the end-to-end tests is on this machine: Debian's package, never a
// test tool's own browser download (that cannot be fetched here).
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function ensureChromium(): string {
  if (existsSync(chromiumPath)) return chromiumPath
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium not found at ${chromiumPath}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`)
  }
  console.log('Installing Debian\'s chromium package for the browser tests …')
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (!existsSync(chromiumPath)) throw new Error(`apt-get installed chromium, but ${chromiumPath} is still missing`)
  return chromiumPath
}

if (import.meta.main) ensureChromium()
