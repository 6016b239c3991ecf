import { inject } from 'vitest'
import type { HallList } from '../../../contract/halls.ts'

export const baseURL = (): string => inject('baseURL')

/** The seeded halls as the API lists them; tests pick real ids from here rather than hard-coding them. */
export async function seededHalls(): Promise<HallList['halls']> {
  const response = await fetch(`${baseURL()}/api/v1/halls`)
  if (!response.ok) throw new Error(`GET /api/v1/halls answered ${response.status}`)
  return ((await response.json()) as HallList).halls
}

export async function mainHall(): Promise<HallList['halls'][number]> {
  const hall = (await seededHalls()).find((candidate) => candidate.name === '昆都仑区市民大厅')
  if (!hall) throw new Error('the seeded main hall 昆都仑区市民大厅 is missing')
  return hall
}
