import type { FileRef, GuideContent } from './guides.ts'

type GuideFileSources = Pick<GuideContent, 'materials' | 'results'>

/** Every file a guide offers (blank and sample forms, editable copies, material and result samples), each once. */
export function guideFiles(guide: GuideFileSources): FileRef[] {
  const files = new Map<string, FileRef>()
  const add = (file: FileRef | null | undefined) => {
    if (file) files.set(file.url, file)
  }
  for (const material of guide.materials ?? []) {
    add(material.blankForm)
    add(material.sampleForm)
    add(material.sample)
    for (const editable of material.editableForms ?? []) add(editable)
  }
  for (const result of guide.results ?? []) add(result.sample)
  return [...files.values()]
}

/**
 * What keeping a guide on a phone costs: its JSON and every file it offers, in bytes. Shown
 * before 下载全部指南 starts, so a citizen on a metered connection knows what it will take.
 */
export function guideOfflineBytes(guide: GuideContent): number {
  const json = new TextEncoder().encode(JSON.stringify(guide)).length
  return json + guideFiles(guide).reduce((sum, file) => sum + file.bytes, 0)
}
