import { baseCompile } from '@intlify/message-compiler'
import type { Plugin } from 'vite'

/**
 * Compiles the locale files' messages at build time. vue-i18n otherwise parses each message the
 * first time the app shows it, with a parser that ships in the boot bundle: on a cheap phone
 * both cost time before the first screen answers. Each string becomes the message's syntax tree
 * (vue-i18n's "JIT" format, which it turns into a function without `eval`, so the CSP holds),
 * and the file stays JSON, so Vite's JSON handling still applies. A message that does not parse
 * fails the build, naming its key.
 */
export function precompileLocaleMessages(): Plugin {
  return {
    name: 'precompile-locale-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/]locales[\\/][^\\/]+\.json$/.test(id)) return null
      const compiled = compileTree(JSON.parse(code) as unknown, '')
      return { code: JSON.stringify(compiled), map: null }
    },
  }
}

function compileTree(value: unknown, path: string): unknown {
  if (typeof value === 'string') return compileMessage(value, path)
  if (Array.isArray(value)) return value.map((entry, index) => compileTree(entry, `${path}[${index}]`))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, compileTree(entry, path ? `${path}.${key}` : key)]))
  }
  return value
}

function compileMessage(message: string, path: string): unknown {
  const errors: string[] = []
  const { ast } = baseCompile(message, { jit: true, location: false, minify: true, onError: (error) => errors.push(error.message) })
  if (errors.length > 0) throw new Error(`locale message ${path} does not parse: ${errors.join('; ')} (${JSON.stringify(message)})`)
  return ast
}
