import { pinyin } from 'pinyin-pro'

/**
 * Toneless pinyin (syllables separated by spaces) and pinyin initials of an item's name and of
 * each keyword, so phones can search the cached catalogue by `shenfenzheng` or `sfz` without a
 * pinyin dictionary of their own. pinyin-pro reads words in context, so polyphones such as
 * 银行 (yin hang) and 重庆 (chong qing) come out right.
 */
export function searchPinyin(name: string, keywords: readonly string[]): { pinyin: string[]; initials: string[] } {
  const texts = [name, ...keywords]
  return {
    pinyin: texts.map((text) => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' }).join(' ')),
    initials: texts.map((text) => pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('')),
  }
}
