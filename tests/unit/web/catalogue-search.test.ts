import { describe, expect, test } from 'vitest'
import { buildSearchIndex, searchCatalogue, type SearchableEntry } from '../../../src/domain/catalogue-search.ts'

const entry = (code: string, name: string, popularity: number, pinyin: string[], initials: string[], keywords: string[] = []): SearchableEntry => ({
  code,
  name,
  keywords,
  popularity,
  pinyin,
  initials,
})

const catalogue = [
  entry('00017200800102', '居民身份证换领', 1, ['jumin shenfenzheng huanling', 'shenfenzheng'], ['jmsfzhl', 'sfz'], ['身份证']),
  entry('00017200800103', '居民身份证补领', 2, ['jumin shenfenzheng buling', 'shenfenzheng diushi'], ['jmsfzbl', 'sfzds'], ['身份证', '丢失']),
  entry('00021100300001', '个体工商户设立登记', 3, ['geti gongshanghu sheli dengji', 'kaidian'], ['gtgshsldj', 'kd'], ['开店']),
  entry('00012500100001', '最低生活保障申请', 4, ['zuidi shenghuo baozhang shenqing', 'dibao'], ['zdshbzsq', 'db'], ['低保']),
  entry('00017200900001', '户口迁移', 5, ['hukou qianyi'], ['hkqy'], []),
]
const index = buildSearchIndex(catalogue)
const codes = (query: string) => searchCatalogue(index, query).map((found) => found.code)

describe('catalogue search', () => {
  test('finds by part of the name, hot items first among equals', () => {
    expect(codes('身份证')).toEqual(['00017200800102', '00017200800103'])
  })

  test('ranks an exact name before a name that only contains the words', () => {
    expect(codes('户口迁移')[0]).toBe('00017200900001')
  })

  test('finds by pinyin initials, as people type on a phone: sfz finds 身份证', () => {
    expect(codes('sfz')).toEqual(['00017200800102', '00017200800103'])
  })

  test('finds by full pinyin, with or without spaces between syllables', () => {
    expect(codes('shenfenzheng')).toEqual(['00017200800102', '00017200800103'])
    expect(codes('di bao')).toEqual(['00012500100001'])
    expect(codes('dibao')).toEqual(['00012500100001'])
  })

  test('finds by keyword that is not in the name', () => {
    expect(codes('丢失')).toEqual(['00017200800103'])
    expect(codes('开店')).toEqual(['00021100300001'])
  })

  test('finds by item code prefix and by a long part of it', () => {
    expect(codes('000172008')).toEqual(['00017200800102', '00017200800103'])
    expect(codes('00300001')).toEqual(['00021100300001'])
  })

  test('needs every term to match', () => {
    expect(codes('身份证 补领')).toEqual(['00017200800103'])
    expect(codes('身份证 低保')).toEqual([])
  })

  test('upper case and full-width letters match like lower case', () => {
    expect(codes('SFZ')).toEqual(['00017200800102', '00017200800103'])
    expect(codes('ｓｆｚ')).toEqual(['00017200800102', '00017200800103'])
  })

  test('an empty query lists everything by popularity; nonsense finds nothing', () => {
    expect(codes('  ')).toEqual(catalogue.map((item) => item.code))
    expect(codes('xyzzy')).toEqual([])
  })
})
