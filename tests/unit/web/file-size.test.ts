import { expect, test } from 'vitest'
import { fileKind, formatFileSize } from '../../../src/domain/file-size.ts'

test('sizes read in KB under a megabyte and in MB above, never as 0', () => {
  expect(formatFileSize(0)).toBe('1 KB')
  expect(formatFileSize(300)).toBe('1 KB')
  expect(formatFileSize(12_800)).toBe('13 KB')
  expect(formatFileSize(1024 * 1023)).toBe('1023 KB')
  expect(formatFileSize(1024 * 1024)).toBe('1.0 MB')
  expect(formatFileSize(1.45 * 1024 * 1024)).toBe('1.4 MB')
  expect(formatFileSize(23.6 * 1024 * 1024)).toBe('24 MB')
})

test('files are named by the kind citizens know, from the media type or the file name', () => {
  expect(fileKind('application/pdf')).toBe('pdf')
  expect(fileKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('word')
  expect(fileKind('application/msword')).toBe('word')
  expect(fileKind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('excel')
  expect(fileKind('application/octet-stream', '申请表.xlsx')).toBe('excel')
  expect(fileKind('image/jpeg')).toBe('image')
  expect(fileKind('application/zip', 'a.zip')).toBeNull()
})
