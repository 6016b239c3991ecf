/**
 * The one thing framework-free modules need from vue-i18n: look up a message and fill in
 * named values. Keeping it this narrow lets unit tests pass a real i18n instance's `t`.
 */
export type Translate = (key: string, named: Record<string, unknown>) => string
