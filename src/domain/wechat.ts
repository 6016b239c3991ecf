// WeChat's in-app browser blocks file downloads; the page offers the usual "open in browser"
// guidance and, where the browser can show the file itself, an in-page preview instead.

/** Whether `userAgent` is WeChat's in-app browser (Android, iOS, and the desktop client). */
export function isWeChatBrowser(userAgent: string): boolean {
  return /MicroMessenger/i.test(userAgent)
}

/** Whether the phone's browser can show a file of this type in the tab itself (its PDF viewer, or as an image). */
export function isPreviewable(mediaType: string): boolean {
  return mediaType === 'application/pdf' || mediaType.startsWith('image/')
}
