const shanghaiDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar day in Asia/Shanghai (the district's time) as `YYYY-MM-DD`. */
export function shanghaiDate(instant: Date): string {
  return shanghaiDay.format(instant)
}
