import { describe, expect, it } from 'vitest'
import { uploadFileName } from '../../../../server/src/applications/upload-file-name.ts'

describe('uploadFileName', () => {
  it('decodes the percent-encoded name and keeps it with the extension of the real type', () => {
    expect(uploadFileName(encodeURIComponent('户口簿 首页.jpeg'), '.jpg')).toBe('户口簿 首页.jpg')
    expect(uploadFileName(encodeURIComponent('户口簿.pdf'), '.png')).toBe('户口簿.png')
    expect(uploadFileName(encodeURIComponent('scan'), '.pdf')).toBe('scan.pdf')
  })

  it('drops path parts and control characters, and names a nameless file', () => {
    expect(uploadFileName(encodeURIComponent('C:\\Users\\王\\证件.png'), '.png')).toBe('证件.png')
    expect(uploadFileName(encodeURIComponent('../../etc/passwd'), '.pdf')).toBe('passwd.pdf')
    expect(uploadFileName(encodeURIComponent('a\u0000b\n.png'), '.png')).toBe('ab.png')
    expect(uploadFileName(encodeURIComponent('.png'), '.png')).toBe('材料.png')
  })

  it('shortens long names and refuses what does not decode', () => {
    expect([...uploadFileName(encodeURIComponent('长'.repeat(300)), '.pdf')!].length).toBe(120)
    expect(uploadFileName('%E6%88', '.png')).toBeNull()
    expect(uploadFileName(undefined, '.png')).toBeNull()
  })
})
