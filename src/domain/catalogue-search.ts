// Offline search over the cached catalogue index: by name, keyword, item code, full pinyin and
// pinyin initials (`sfz` finds 身份证). Pinyin is computed once on the server with a library made
// for it (polyphones such as 行/长 need one), so the phone only compares strings.

/** What search needs of a catalogue entry. */
export interface SearchableEntry {
  code: string
  name: string
  keywords: readonly string[]
  /** 1 = most used. */
  popularity: number
  /** Toneless pinyin of the name and of each keyword, syllables joined: ["jumin shenfenzheng …"]. */
  pinyin: readonly string[]
  /** Pinyin initials of the name and of each keyword: ["jmsfzhl", "sfz"]. */
  initials: readonly string[]
}

/** An index prepared once per catalogue, so each keystroke only scans strings. */
export interface CatalogueSearchIndex<Entry extends SearchableEntry> {
  entries: ReadonlyArray<{ entry: Entry; name: string; keywords: string[]; code: string; pinyin: string[]; initials: string[] }>
}

const normalize = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '')

export function buildSearchIndex<Entry extends SearchableEntry>(entries: readonly Entry[]): CatalogueSearchIndex<Entry> {
  return {
    entries: entries.map((entry) => ({
      entry,
      name: normalize(entry.name),
      keywords: entry.keywords.map(normalize),
      code: normalize(entry.code),
      pinyin: entry.pinyin.map(normalize),
      initials: entry.initials.map(normalize),
    })),
  }
}

/** How well one term matches an entry; 0 is no match. Higher ranks first. */
function termScore(term: string, prepared: CatalogueSearchIndex<SearchableEntry>['entries'][number]): number {
  if (prepared.name === term) return 100
  if (prepared.name.startsWith(term)) return 90
  if (prepared.name.includes(term)) return 80
  if (prepared.keywords.some((keyword) => keyword.includes(term))) return 70
  if (prepared.code.startsWith(term)) return 65
  if (/^[a-z]+$/.test(term)) {
    if (prepared.pinyin.some((pinyin) => pinyin.startsWith(term))) return 60
    if (prepared.pinyin.some((pinyin) => pinyin.includes(term))) return 50
    if (prepared.initials.some((initials) => initials.startsWith(term))) return 45
    if (term.length >= 2 && prepared.initials.some((initials) => initials.includes(term))) return 40
  }
  if (term.length >= 4 && prepared.code.includes(term)) return 30
  return 0
}

/**
 * Entries matching every whitespace-separated term of `query`, best first; equal matches by
 * popularity. An empty query gives every entry by popularity.
 */
export function searchCatalogue<Entry extends SearchableEntry>(index: CatalogueSearchIndex<Entry>, query: string, limit = 50): Entry[] {
  const terms = query.split(/\s+/).map(normalize).filter((term) => term !== '')
  const hits: Array<{ entry: Entry; score: number }> = []
  for (const prepared of index.entries) {
    let score = 0
    for (const term of terms) {
      const matched = termScore(term, prepared)
      if (matched === 0) {
        score = -1
        break
      }
      score += matched
    }
    if (score >= 0) hits.push({ entry: prepared.entry, score })
  }
  hits.sort((a, b) => b.score - a.score || a.entry.popularity - b.entry.popularity)
  return hits.slice(0, limit).map((hit) => hit.entry)
}
