/** A `tel:` link for a published number: dashes are allowed (visual separators, RFC 3966); spaces and brackets are not. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+-]/g, '')}`
}

/** Whether free text (a staff card's contact) is a phone number, so that it can be tap-to-call. */
export function isPhoneNumber(text: string): boolean {
  return /^[\d\s()+-]+$/.test(text) && text.replace(/\D/g, '').length >= 5
}
