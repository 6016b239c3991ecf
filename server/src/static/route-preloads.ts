import { existsSync, readFileSync } from 'node:fs'
import { escapeMarkup } from '../escape-markup.ts'

/** One chunk of Vite's build manifest (`build.manifest`), as far as preloading needs it. */
interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
  css?: string[]
}
type BuildManifest = Record<string, ManifestChunk>

/**
 * The `<link>` tags that let a lazily loaded page start downloading with the HTML instead of
 * after the entry has run and the router has resolved: its chunk, the chunks it imports and its
 * CSS, less what index.html already loads. Read once from the build's `.vite/manifest.json`;
 * none when the build has no manifest or no such page.
 */
export function routePreloadTags(staticRoot: string, pageSource: string): string[] {
  const path = `${staticRoot}/.vite/manifest.json`
  if (!existsSync(path)) return []
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BuildManifest
  const page = manifest[pageSource]
  if (!page) return []
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry)
  const loadedByShell = new Set(entryKey ? chunkClosure(manifest, entryKey) : [])
  const scripts = chunkClosure(manifest, pageSource).filter((key) => !loadedByShell.has(key))
  const styles = new Set(scripts.flatMap((key) => manifest[key]?.css ?? []))
  return [
    ...scripts.map((key) => `<link rel="modulepreload" crossorigin href="/${escapeMarkup(manifest[key]!.file)}" />`),
    ...[...styles].map((file) => `<link rel="stylesheet" crossorigin href="/${escapeMarkup(file)}" />`),
  ]
}

/** A chunk and every chunk it imports statically, each once. */
function chunkClosure(manifest: BuildManifest, key: string, seen = new Set<string>()): string[] {
  if (seen.has(key) || !manifest[key]) return []
  seen.add(key)
  return [key, ...(manifest[key].imports ?? []).flatMap((imported) => chunkClosure(manifest, imported, seen))]
}
