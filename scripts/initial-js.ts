// What a phone downloads before the first screen renders: the module entry of index.html and the
// scripts it preloads. Measured gzipped, as the server would send them.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

/** The most JavaScript, gzipped, that may load before the first screen. */
export const INITIAL_JS_BUDGET_BYTES = 120 * 1024

/** The JS files index.html makes the browser load before the first screen: its module entry and modulepreloads. */
export function initialScripts(indexHtml: string): string[] {
  const scripts = [...indexHtml.matchAll(/<script[^>]*\stype="module"[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!)
  const preloads = [...indexHtml.matchAll(/<link[^>]*\srel="modulepreload"[^>]*\shref="([^"]+)"/g)].map((match) => match[1]!)
  return [...new Set([...scripts, ...preloads])].map((src) => src.replace(/^\//, ''))
}

/** Gzip sizes (level 9) of the initial scripts of a built app, and their total. */
export function initialJsGzipBytes(distDir: string): { files: Array<{ file: string; bytes: number }>; total: number } {
  const files = initialScripts(readFileSync(join(distDir, 'index.html'), 'utf8')).map((file) => ({
    file,
    bytes: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length,
  }))
  return { files, total: files.reduce((sum, { bytes }) => sum + bytes, 0) }
}

export const formatKB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`

/** A Vite plugin that prints the initial JS figure after a build and fails the build over budget. */
export function initialJsBudget(): Plugin {
  let outDir = 'dist'
  let serverBuild = false
  return {
    name: 'initial-js-budget',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
      serverBuild = Boolean(config.build.ssr)
    },
    closeBundle() {
      // The server-side render bundle (src/entry-server.ts) never reaches a phone.
      if (serverBuild) return
      const { files, total } = initialJsGzipBytes(outDir)
      const figure = `initial JS: ${formatKB(total)} gzip in ${files.length} files (budget ${formatKB(INITIAL_JS_BUDGET_BYTES)})`
      if (total > INITIAL_JS_BUDGET_BYTES) throw new Error(`${figure}: over budget`)
      console.log(figure)
    },
  }
}
