// Masking of personal numbers for lists, receipts and logs (personal data is shown in full only
// where its owner needs it). The patterns are the ones Chinese government and bank apps use:
// 1502**********1234 for an ID number, 138****5678 for a mobile number.

/** `value` with all but its first `keepStart` and last `keepEnd` characters replaced by `*`. */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length)
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(value.length - keepEnd)
}

/** An identity number with its first 4 and last 4 characters kept: 1502**********1234. */
export function maskIdNumber(idNumber: string): string {
  return maskMiddle(idNumber.replace(/\s/g, '').toUpperCase(), 4, 4)
}

/** A mobile number with its first 3 and last 4 digits kept: 138****5678. */
export function maskMobile(mobile: string): string {
  return maskMiddle(mobile.replace(/[\s-]/g, '').replace(/^(?:\+86|0086)/, ''), 3, 4)
}
