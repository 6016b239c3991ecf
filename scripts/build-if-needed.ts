// Builds the PWA when dist/ is missing or older than its sources, so `npm start` on a built tree
// starts at once and on a changed tree never serves a stale app.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { execFileSync } from 'node:child_process'

const root = join(import.meta.dirname, '..')
const inputs = ['index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.app.json', 'src', 'public', 'contract']
const stampFile = join(root, 'dist', '.source-hash')

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => filesUnder(join(path, entry.name)))
}

/** A hash of every file the build reads, by path and content. */
export function sourceHash(): string {
  const hash = createHash('sha256')
  for (const file of inputs.flatMap((input) => filesUnder(join(root, input)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return hash.digest('hex')
}

export function buildIfNeeded(): void {
  const current = sourceHash()
  const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : ''
  if (built === current && existsSync(join(root, 'dist', 'index.html'))) return
  console.log('Building the app (dist/) …')
  // The app, then the server-side render of its guide page (src/entry-server.ts), as `npm run build`.
  for (const extra of [[], ['--ssr', 'src/entry-server.ts', '--outDir', 'dist/.ssr']]) {
    execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', ...extra], {
      cwd: root,
      stdio: 'inherit',
    })
  }
  writeFileSync(stampFile, current + '\n')
}

if (import.meta.main) buildIfNeeded()
