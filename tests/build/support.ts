import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export { initialScripts } from '../../scripts/initial-js.ts'

export const dist = join(import.meta.dirname, '..', '..', 'dist')

export function readDist(path: string): string {
  const file = join(dist, path)
  if (!existsSync(file)) throw new Error(`dist/${path} is missing: build the app first (npm run build)`)
  return readFileSync(file, 'utf8')
}
