import type { TestProject } from 'vitest/node'
import { startAppServer } from './app-server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}

/** One server for the browser tests, on the built app in dist/ (scripts/test.ts builds it first). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startAppServer()
  project.provide('baseURL', server.baseURL)
  return () => server.stop()
}
