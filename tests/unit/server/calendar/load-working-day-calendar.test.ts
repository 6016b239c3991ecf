import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CalendarFileError, loadWorkingDayCalendar } from '../../../../server/src/calendar/load-working-day-calendar.ts'

let dir: string

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'calendar-')), 'calendar')
})

afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true })
})

const year2027 = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  holidays: { '2027-01-01': '元旦' },
  adjustedWorkingDays: {},
}

async function writeYear(name: string, content: unknown): Promise<void> {
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content))
}

describe('loadWorkingDayCalendar', () => {
  it('gives the bundled years when the directory does not exist', async () => {
    const { calendar, fromFiles } = await loadWorkingDayCalendar(dir)
    expect(calendar.years).toEqual([2025, 2026])
    expect(fromFiles).toEqual([])
  })

  it('adds a year from DATA_DIR/calendar without a code change', async () => {
    await writeYear('2027.json', year2027)
    const { calendar, fromFiles } = await loadWorkingDayCalendar(dir)
    expect(fromFiles).toEqual([2027])
    expect(calendar.years).toEqual([2025, 2026, 2027])
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04')
  })

  it('lets a file correct a bundled year', async () => {
    await writeYear('2026.json', { year: 2026, source: '更正（测试数据）', holidays: {}, adjustedWorkingDays: {} })
    const { calendar } = await loadWorkingDayCalendar(dir)
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true)
    expect(calendar.isWorkingDay('2026-10-01')).toBe(true)
  })

  it.each([
    ['2027.json', '{ not json', /不是有效的 JSON/],
    ['2027.json', { ...year2027, holidays: { '2027-13-01': '元旦' } }, /不是有效日期/],
    ['2027.json', { ...year2027, year: 2028, holidays: {} }, /文件名与其中的 year（2028）不一致/],
    ['holidays.json', year2027, /文件名应为 <年份>\.json/],
    ['2027.json', { year: 2027 }, /格式错误/],
  ])('refuses to start with a bad file (%s)', async (name, content, message) => {
    await writeYear(name, content)
    await expect(loadWorkingDayCalendar(dir)).rejects.toThrow(CalendarFileError)
    await expect(loadWorkingDayCalendar(dir)).rejects.toThrow(message)
  })

  it('ignores files that are not JSON (a README beside the years)', async () => {
    await writeYear('README.txt', 'notes')
    await expect(loadWorkingDayCalendar(dir)).resolves.toMatchObject({ fromFiles: [] })
  })
})
