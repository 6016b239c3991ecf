/**
 * Fetches a guide's file so that it is on the phone when the citizen is offline: the service
 * worker keeps /api/v1/files/ answers in its cache (they never change under a URL), and where
 * there is no service worker the browser's HTTP cache keeps them (immutable, a year).
 */
export async function prefetchFile(url: string): Promise<void> {
  const response = await fetch(url, { credentials: 'same-origin' })
  if (!response.ok) throw new Error(`${url} answered ${response.status}`)
  // The body must be read for the response to be stored.
  await response.arrayBuffer()
}
