import Dexie, { type EntityTable } from 'dexie'
import type { CatalogueEntry, ServiceItem } from '../../contract/guides.ts'
import type { Hall, HallSummary } from '../../contract/halls.ts'
import type { ApplicationFieldError, ApplicationValues } from '../../contract/application-form.ts'
import type { CaseReceipt } from '../../contract/applications.ts'
import type { Company, Profile } from '../../contract/profile.ts'
import type { OutboxItem } from '../outbox/types.ts'

/** A hall as last fetched: the list's summary always, the full hall once it has been fetched. */
export interface HallRecord {
  id: string
  /** Place in the district's published list. */
  position: number
  summary: HallSummary
  /** ISO time the summary was fetched. */
  summaryFetchedAt: string
  /** The full hall (windows, staff, zones); null until its page is opened or pre-cached. */
  detail: Hall | null
  /** ISO time the full hall was fetched; this is the "最后更新" the citizen sees. */
  detailFetchedAt: string | null
  /** The server's ETag of `detail`, sent back as If-None-Match; absent on copies made before ETags. */
  detailETag?: string | null
}

/** A full guide as last fetched (on view, on 保存以便离线查看, or by 下载全部指南). */
export interface GuideRecord {
  code: string
  item: ServiceItem
  /** The server's ETag for this copy, sent back as If-None-Match to revalidate it. */
  etag: string | null
  /** ISO time the copy was fetched or last confirmed current: the "最后更新" shown. */
  fetchedAt: string
  /** The citizen asked to keep it (per guide or 下载全部指南); other copies are a view cache. */
  savedForOffline: boolean
  /** Size of the guide's JSON as received, for the storage figures shown. */
  bytes: number
  /** The catalogue withdrew the item: the copy still opens, marked as no longer handled. */
  withdrawn: boolean
  /**
   * The version this copy replaced, until the citizen has seen "本指南已更新"; null when the
   * copy replaced nothing or the notice was shown.
   */
  replacedVersion: number | null
}

/** What the applicant chose for one material of a draft (files are in draftFiles). */
export interface DraftMaterialChoice {
  /** 暂缓提交 (容缺): the material is supplied after acceptance. */
  deferred: boolean
  /** The applicant confirmed the 告知承诺 for the deferred material. */
  commitmentAccepted: boolean
}

/** A one-form application being filled in (草稿), saved as the citizen types. */
export interface DraftRecord {
  id: string
  /** The citizen it belongs to (Me.id): removed with their data on sign-out. */
  ownerId: string
  itemCode: string
  /** The guide's name when the draft was started, for 我的 › 草稿 offline. */
  itemName: string
  /** The guide version the form came from; a newer one on the server is shown with its change note. */
  guideVersion: number
  /** 情形引导 answers (question id → option id). */
  answers: Record<string, string>
  values: ApplicationValues
  /** The company acted for, when the applicant applies for one. */
  companyId: string | null
  materials: Record<string, DraftMaterialChoice>
  createdAt: string
  updatedAt: string
  /** The outbox write that sent it; null while it is a draft. */
  submissionId: string | null
  /**
   * What the server refused when it was sent (422 APPLICATION_INVALID), brought back by 返回修改
   * so the form shows each problem beside its field; cleared once the form shows them.
   */
  serverErrors?: ApplicationFieldError[]
}

/** A file attached to a draft's material, kept on the phone until the application is sent. */
export interface DraftFileRecord {
  id: string
  draftId: string
  materialId: string
  name: string
  mediaType: string
  bytes: number
  /** The file as it will be uploaded (images already compressed). */
  blob: Blob
  /** The server's id once uploaded; null until then. */
  uploadId: string | null
  /** When the server deletes the upload unless an application attaches it (ISO); re-uploaded after. */
  uploadExpiresAt: string | null
  addedAt: string
}

/** 我的资料 and companies as last fetched, for prefilling forms offline. */
export interface ProfileRecord {
  ownerId: string
  profile: Profile
  companies: Company[]
  fetchedAt: string
}

/** A case the citizen submitted from this phone, with its receipt (办件编号, promised date). */
export interface CaseRecord {
  /** The outbox write's id (the submission's idempotency key). */
  id: string
  ownerId: string
  itemCode: string
  itemName: string
  caseNumber: string
  /** The server's receipt as answered. */
  receipt: CaseReceipt
  submittedAt: string
}

/**
 * A case as its applicant last read it from the server, for reading offline: its line in 我的办件
 * (GET /api/v1/me/cases) and, once opened, the whole case (GET /api/v1/me/cases/{caseNumber}):
 * status, timeline, deadlines, result. Keyed by case number.
 */
export interface CaseDetailRecord {
  caseNumber: string
  ownerId: string
  /** The server's answer as is (contract/applications.ts CaseDetail); null until the case is opened. */
  detail: unknown
  /** ISO time `detail` was fetched; null until the case is opened. */
  fetchedAt: string | null
  /** The case's line in the list as last fetched (contract/applications.ts CaseSummary); null when never listed. */
  summary?: unknown
  /** ISO time of the list fetch that gave `summary`. */
  listedAt?: string | null
}

/** A notification from the server's notification centre, kept for reading offline. */
export interface NotificationRecord {
  id: string
  ownerId: string
  /** The server's answer as is (contract/notifications.ts). */
  notification: unknown
  createdAt: string
}

/** A complaint or suggestion (投诉建议) being written, saved as the citizen types; its photos are in draftFiles. */
export interface ComplaintDraftRecord {
  /** `complaint:<ownerId>:<random>`: its photos in draftFiles carry it as draftId, so sign-out finds them by prefix. */
  id: string
  /** The citizen it belongs to (Me.id); '' when nobody was signed in on this phone. */
  ownerId: string
  /** What the form holds (ComplaintFormValues in src/components/complaint/complaint-rules.ts), plain JSON. */
  values: unknown
  createdAt: string
  updatedAt: string
  /** The outbox write that sent it; null while it is a draft. */
  submissionId: string | null
}

/**
 * A complaint as the citizen last read it from the server, for 我的投诉 and its page offline, or
 * one sent anonymously from this phone with its query code (the only way back in). Keyed by
 * tracking number.
 */
export interface ComplaintRecord {
  trackingNumber: string
  /** The citizen it belongs to (Me.id); '' for an anonymous complaint sent while nobody was signed in. */
  ownerId: string
  /** The list line as last fetched (contract/complaints.ts); null when never listed. */
  summary: unknown
  /** The whole complaint as last fetched (contract/complaints.ts); null until opened. */
  detail: unknown
  /** ISO time `detail` was fetched. */
  fetchedAt: string | null
  /** ISO time of the list fetch that gave `summary`. */
  listedAt: string | null
  /** For an anonymous complaint: the query code answered when it was sent. */
  queryCode: string | null
}

/** Small key/value facts about the local copy, e.g. when the hall list was last synced. */
export interface MetaRecord {
  key: string
  value: string
}

/**
 * The app's one IndexedDB database. Each schema change is a new `version()` below the
 * existing ones; old versions stay so that any phone can upgrade from what it has.
 */
export class AppDatabase extends Dexie {
  halls!: EntityTable<HallRecord, 'id'>
  meta!: EntityTable<MetaRecord, 'key'>
  outbox!: EntityTable<OutboxItem, 'id'>
  catalogue!: EntityTable<CatalogueEntry, 'code'>
  guides!: EntityTable<GuideRecord, 'code'>
  drafts!: EntityTable<DraftRecord, 'id'>
  draftFiles!: EntityTable<DraftFileRecord, 'id'>
  profiles!: EntityTable<ProfileRecord, 'ownerId'>
  cases!: EntityTable<CaseRecord, 'id'>
  caseDetails!: EntityTable<CaseDetailRecord, 'caseNumber'>
  notifications!: EntityTable<NotificationRecord, 'id'>
  complaintDrafts!: EntityTable<ComplaintDraftRecord, 'id'>
  complaints!: EntityTable<ComplaintRecord, 'trackingNumber'>

  constructor(name = 'kundulun-zhengwu') {
    super(name)
    this.version(1).stores({
      halls: 'id, position',
      meta: 'key',
      outbox: 'id, state, createdAt',
    })
    // The service catalogue: its index (entries; departments, themes and the sync cursor live in
    // meta) and the full guides fetched so far.
    this.version(2).stores({
      catalogue: 'code, popularity',
      guides: 'code',
    })
    // Personal data of the one-form application, each row keyed by its citizen (ownerId) so that
    // sign-out removes exactly theirs: drafts and their files, the profile kept for prefill, receipts.
    this.version(3).stores({
      drafts: 'id, ownerId, itemCode, updatedAt',
      draftFiles: 'id, draftId',
      profiles: 'ownerId',
      cases: 'id, ownerId, submittedAt',
    })
    // Case progress and the notification centre, per citizen, for reading offline.
    this.version(4).stores({
      caseDetails: 'caseNumber, ownerId',
      notifications: 'id, ownerId, createdAt',
    })
    // 投诉建议: drafts being written and complaints as last read, per citizen, for reading offline.
    this.version(5).stores({
      complaintDrafts: 'id, ownerId, updatedAt',
      complaints: 'trackingNumber, ownerId',
    })
  }
}

export const db = new AppDatabase()

/** Deletes every table of the local database (清除本机数据); Dexie reopens it empty on next use. */
export async function deleteLocalDatabase(): Promise<void> {
  await db.delete({ disableAutoOpen: false })
}
