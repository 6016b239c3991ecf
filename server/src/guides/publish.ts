import type { Transaction } from 'kysely'
import { checkGuide, isPublishable } from '../../../contract/guide-rules.ts'
import type { GuideContent, GuideProblem } from '../../../contract/guides.ts'
import type { Database } from '../db/schema.ts'
import { catalogueSequenceRepository } from '../repositories/catalogue-sequence-repository.ts'
import { guideVersionsRepository } from '../repositories/guide-versions-repository.ts'
import { serviceItemsRepository, type ItemListing } from '../repositories/service-items-repository.ts'
import { shanghaiDate } from '../time.ts'
import { contentHash } from './content-hash.ts'

export interface PublishRequest extends ItemListing {
  content: GuideContent
  /** `YYYY-MM-DD`; today in Asia/Shanghai when not given. */
  effectiveDate?: string | null | undefined
  /** What changed and why (第八条); null for a first version. */
  changeNote?: string | null | undefined
}

export type PublishOutcome =
  /** Published as `version`; the previous version is superseded. */
  | { outcome: 'published'; version: number; problems: GuideProblem[] }
  /** Kept as a draft (version it would become) because of blocking problems; the published guide is untouched. */
  | { outcome: 'draft'; version: number; problems: GuideProblem[] }
  /** Same content as the published version: nothing new published (codes or popularity may have been updated). */
  | { outcome: 'unchanged'; version: number; problems: GuideProblem[] }

/**
 * Publishes a guide under the rules of 第六条–第八条: checkGuide first; a guide with blocking
 * problems is stored as the item's one draft, with its problems, and the published version is
 * left as it was; otherwise it becomes version N+1, the previous one superseded, and the
 * catalogue change sequence advances so the sync feed reports it. Must run in a transaction.
 */
export async function publishGuide(trx: Transaction<Database>, request: PublishRequest, now = new Date()): Promise<PublishOutcome> {
  const sequence = catalogueSequenceRepository(trx)
  const items = serviceItemsRepository(trx)
  const versions = guideVersionsRepository(trx)
  await sequence.lock()

  const problems = checkGuide(request.content)
  const hash = contentHash(request.content)
  const item = await items.findForUpdate(request.code)
  const publishedVersion = item?.current_version ?? 0
  const current = publishedVersion > 0 ? await versions.find(request.code, publishedVersion) : undefined
  const effectiveDate = request.effectiveDate ?? shanghaiDate(now)

  if (!isPublishable(problems)) {
    const draft = await versions.findDraft(request.code)
    if (draft?.contentHash === hash) return { outcome: 'draft', version: draft.version, problems }
    if (!item) await items.insertDraftItem(request, request.content)
    await versions.deleteDraft(request.code)
    const version = publishedVersion + 1
    await versions.insert({
      itemCode: request.code,
      version,
      status: 'draft',
      content: request.content,
      contentHash: hash,
      effectiveDate,
      changeNote: request.changeNote ?? null,
      publishedAt: null,
      problems,
    })
    return { outcome: 'draft', version, problems }
  }

  // Back to what is published: a draft made since is obsolete.
  await versions.deleteDraft(request.code)
  if (item?.status === 'published' && current?.contentHash === hash) {
    const listingChanged =
      item.basic_code !== request.basicCode || item.implementation_code !== request.implementationCode || item.popularity !== request.popularity
    if (listingChanged) await items.updateListing(request, request.content, await sequence.next(), now)
    return { outcome: 'unchanged', version: publishedVersion, problems }
  }

  const version = publishedVersion + 1
  await versions.supersedePublished(request.code)
  await items.savePublished(request, request.content, version, await sequence.next(), now)
  await versions.insert({
    itemCode: request.code,
    version,
    status: 'published',
    content: request.content,
    contentHash: hash,
    effectiveDate,
    changeNote: request.changeNote ?? null,
    publishedAt: now,
    problems,
  })
  return { outcome: 'published', version, problems }
}

/**
 * Takes an item out of the catalogue: it answers 404 and the sync feed lists its code as
 * withdrawn. Its versions are kept. Answers false when there is no published item of that code.
 */
export async function withdrawItem(trx: Transaction<Database>, code: string, now = new Date()): Promise<boolean> {
  const sequence = catalogueSequenceRepository(trx)
  const items = serviceItemsRepository(trx)
  await sequence.lock()
  const item = await items.findForUpdate(code)
  if (item?.status !== 'published') return false
  await items.markWithdrawn(code, await sequence.next(), now)
  return true
}

