// The citizen's side of 好差评 (contract/ratings.ts), without TypeBox so the case page's script
// stays small: the five levels best first, the comment's limit, and the checks made before a
// rating goes into the outbox. Messages are locale keys.

/** 5 非常满意 … 1 非常不满意, in the order the form offers them. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const
export type RatingLevelValue = (typeof RATING_LEVELS)[number]

/** contract RATING_COMMENT_MAX. */
export const RATING_COMMENT_MAX = 500

/** contract FOLLOW_UP_AT_OR_BELOW: these levels open a follow-up (回访整改). */
export function opensFollowUp(level: number): boolean {
  return level <= 2
}

export interface RatingDraft {
  level: RatingLevelValue | null
  comment: string
}

export type RatingProblems = Partial<Record<'level' | 'comment', string>>

/** Characters as the server counts them (code points), so an emoji counts once. */
export function commentLength(comment: string): number {
  return [...comment].length
}

export function checkRating(draft: RatingDraft): RatingProblems {
  const problems: RatingProblems = {}
  if (draft.level === null) problems.level = 'rating.problems.levelMissing'
  if (commentLength(draft.comment) > RATING_COMMENT_MAX) problems.comment = 'rating.problems.commentTooLong'
  return problems
}

/** The rating as the API takes it: a blank comment is left out. */
export function ratingInput(draft: RatingDraft & { level: RatingLevelValue }): { level: RatingLevelValue; comment?: string } {
  const comment = draft.comment.trim()
  return comment === '' ? { level: draft.level } : { level: draft.level, comment }
}
