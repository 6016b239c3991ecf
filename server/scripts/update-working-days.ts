import { readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { calendarYearProblems, type WorkingDayCalendarYear } from '../../contract/working-days/calendar-year.ts'

// `npm run calendar:update -- 2027 [--source "…"]`: writes contract/working-days/years/<year>.json
// from the chinese-days package (a devDependency whose maintainers transcribe each State Council
// notice soon after it appears). Update the package first (`npm install -E -D chinese-days@latest`),
// check the dates against the notice itself, then commit the file. A running server does not need
// this: it also reads DATA_DIR/calendar/<year>.json (docs/working-days.md).

/** The notices the bundled years come from; a new year names its own with --source. */
const notices: Record<number, string> = {
  2025: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号），https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
  2026: '国务院办公厅关于2026年部分节假日安排的通知，https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { source: { type: 'string' } } })
const require = createRequire(import.meta.url)
const packageDir = require.resolve('chinese-days/package.json').replace(/package\.json$/, '')
const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string }

/** chinese-days writes "English name,中文名,days" per date; we keep the name the notice uses (清明 → 清明节). */
const noticeNames: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' }
function chineseName(entry: string): string {
  const name = entry.split(',')[1] ?? entry
  return noticeNames[name] ?? name
}

for (const argument of positionals) {
  const year = Number(argument)
  const notice = values.source ?? notices[year]
  if (!notice) throw new Error(`${year}: name the State Council notice with --source "国务院办公厅关于${year}年部分节假日安排的通知，<url>"`)
  const data = JSON.parse(await readFile(join(packageDir, 'dist', 'years', `${year}.json`), 'utf8')) as {
    holidays: Record<string, string>
    workdays: Record<string, string>
  }
  const calendar: WorkingDayCalendarYear = {
    year,
    source: `${notice}；数据取自 chinese-days ${version}，已与通知逐日核对`,
    holidays: Object.fromEntries(Object.entries(data.holidays).map(([date, entry]) => [date, chineseName(entry)])),
    adjustedWorkingDays: Object.fromEntries(Object.entries(data.workdays).map(([date, entry]) => [date, chineseName(entry)])),
  }
  const problems = calendarYearProblems(calendar)
  if (problems.length > 0) throw new Error(`${year}: ${problems.join('; ')}`)
  const file = join(import.meta.dirname, '..', '..', 'contract', 'working-days', 'years', `${year}.json`)
  await writeFile(file, `${JSON.stringify(calendar, null, 2)}\n`)
  console.log(`${file}: ${Object.keys(calendar.holidays).length} holidays, ${Object.keys(calendar.adjustedWorkingDays).length} adjusted working days`)
}
