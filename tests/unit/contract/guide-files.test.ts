import { expect, test } from 'vitest'
import { guideFiles, guideOfflineBytes } from '../../../contract/guide-files.ts'
import type { FileRef, GuideContent } from '../../../contract/guides.ts'

const file = (name: string, bytes = 1000): FileRef => ({ sha256: name.padEnd(64, '0'), fileName: `${name}.pdf`, mediaType: 'application/pdf', bytes, url: `/api/v1/files/${name}` })

const shared = file('a')
const guide = {
  name: '营业执照',
  materials: [
    { blankForm: shared, sampleForm: file('b'), sample: null, editableForms: [file('c')] },
    { blankForm: shared, sampleForm: null, sample: file('d') },
  ],
  results: [{ name: '营业执照', sample: file('e', 5000) }, { name: '回执', sample: null }],
} as unknown as GuideContent

test('lists every file a guide offers once: forms, editable copies, material and result samples', () => {
  expect(guideFiles(guide).map((found) => found.fileName)).toEqual(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf', 'e.pdf'])
})

test('a guide whose source gives no materials or results offers no files', () => {
  expect(guideFiles({ materials: null, results: null })).toEqual([])
})

test("a guide's offline size is its JSON in UTF-8 and each of its files once", () => {
  const json = Buffer.byteLength(JSON.stringify(guide))
  expect(json).toBeGreaterThan(JSON.stringify(guide).length) // Chinese text is 3 bytes a character
  expect(guideOfflineBytes(guide)).toBe(json + 4 * 1000 + 5000)
})
