import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { precompileLocaleMessages } from '../../../scripts/precompile-locale-messages.ts'

const localeFile = join(import.meta.dirname, '..', '..', '..', 'src', 'locales', 'zh-CN.json')

function transform(code: string, id = localeFile): string {
  const plugin = precompileLocaleMessages()
  const hook = plugin.transform as (code: string, id: string) => { code: string } | null
  const result = hook.call({}, code, id)
  if (!result) throw new Error('not transformed')
  return result.code
}

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree === 'string') return [prefix]
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return []
  return Object.entries(tree).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key))
}

/** vue-i18n over one message tree, typed loosely: the trees here are whatever the JSON holds. */
interface Translator {
  t(key: string, named: object): string
  t(key: string, plural: number, options: { named: object }): string
}
function translator(messages: unknown): Translator {
  const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': messages as never } })
  return i18n.global as unknown as Translator
}

// Every placeholder answers its own name, so a message shows where each value goes.
const named = new Proxy({}, { get: (_target, name) => `‹${String(name)}›`, has: () => true })

describe('locale messages compiled at build time', () => {
  it('read exactly as the same messages compiled on the phone would, for every key of the locale file', () => {
    const source = readFileSync(localeFile, 'utf8')
    const raw = JSON.parse(source) as unknown
    const compiled = JSON.parse(transform(source)) as unknown
    const atRunTime = translator(raw)
    const precompiled = translator(compiled)
    const all = keys(raw)
    expect(all.length).toBeGreaterThan(100)
    for (const key of all) {
      expect(precompiled.t(key, named), key).toBe(atRunTime.t(key, named))
      expect(precompiled.t(key, 2, { named }), key).toBe(atRunTime.t(key, 2, { named }))
    }
    expect(compiled).not.toEqual(raw)
  })

  it('fail the build naming the key of a message that does not parse', () => {
    expect(() => transform(JSON.stringify({ pages: { me: { title: '你好 {name' } } }))).toThrow(/pages\.me\.title/)
  })

  it('leave every other JSON file alone', () => {
    const plugin = precompileLocaleMessages()
    const hook = plugin.transform as (code: string, id: string) => unknown
    expect(hook.call({}, '{"a":"b"}', '/work/app/src/seed/x.json')).toBeNull()
  })
})
