import type { Company, CompanyInput, CompanyList, Profile, ProfileInput } from '../../contract/profile.ts'
import { apiRequest } from './client.ts'

/** The signed-in citizen's 我的资料 (full ID number: only its owner reads it). */
export function fetchProfile(): Promise<Profile> {
  return apiRequest<Profile>('GET', '/api/v1/me/profile')
}

/** Saves the whole profile; the server answers it normalised. */
export function saveProfile(input: ProfileInput): Promise<Profile> {
  return apiRequest<Profile>('PUT', '/api/v1/me/profile', { body: input })
}

/** The companies the citizen acts for. */
export async function fetchCompanies(): Promise<Company[]> {
  return (await apiRequest<CompanyList>('GET', '/api/v1/me/companies')).companies
}

/** Adds a company; a retry with the same key answers the first result. */
export function addCompany(input: CompanyInput, idempotencyKey: string): Promise<Company> {
  return apiRequest<Company>('POST', '/api/v1/me/companies', { body: input, idempotencyKey })
}

export function updateCompany(id: string, input: CompanyInput): Promise<Company> {
  return apiRequest<Company>('PUT', `/api/v1/me/companies/${encodeURIComponent(id)}`, { body: input })
}

export function deleteCompany(id: string): Promise<null> {
  return apiRequest<null>('DELETE', `/api/v1/me/companies/${encodeURIComponent(id)}`)
}
