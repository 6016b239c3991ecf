export * from './common.ts'
export * from './errors.ts'
export * from './halls.ts'
export * from './inaccuracy-reports.ts'
