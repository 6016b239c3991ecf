/**
 * Resolves once the browser has painted the current state (the frame after the next): work that
 * can wait, such as loading the local database, starts after what the citizen came for is shown.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
}
