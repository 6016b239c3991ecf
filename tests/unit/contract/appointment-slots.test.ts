import { describe, expect, it } from 'vitest'
import { findSlot, generateSlots, scheduleProblems, type HallScheduleInput, type ScheduledSlot, type ScheduleService } from '../../../contract/appointment-slots.ts'
import { createWorkingDayCalendar, MissingCalendarYearError } from '../../../contract/working-days/working-days.ts'

// A week of June 2026 with a three-day holiday (Fri 19 – Sun 21) and the Saturday before it
// worked instead (调休上班, Sat 13): a synthetic notice, so the test does not move with the data.
const calendar = createWorkingDayCalendar([
  {
    year: 2026,
    source: 'test',
    holidays: { '2026-06-19': '端午节', '2026-06-20': '端午节', '2026-06-21': '端午节' },
    adjustedWorkingDays: { '2026-06-13': '端午节' },
  },
])

const FREQUENT = 'A000000000001'
const OTHER = 'B000000000002'
const weekdays = [1, 2, 3, 4, 5]

function service(overrides: Partial<ScheduleService> = {}): ScheduleService {
  return {
    id: 'general',
    name: '综合受理',
    windowId: null,
    itemCodes: null,
    capacity: 6,
    priorityReserved: 1,
    regular: [
      { weekdays, opens: '09:00', closes: '12:00' },
      { weekdays, opens: '14:00', closes: '17:30' },
    ],
    flexible: { beforeOpeningMinutes: 60, afterClosingMinutes: 60, capacity: 2, itemCodes: [FREQUENT] },
    lunch: { starts: '12:00', ends: '14:00', capacity: 2 },
    restDays: { weekend: [{ weekdays: [6], opens: '09:00', closes: '12:00' }], holidays: [{ opens: '10:00', closes: '11:00' }], capacity: 3, itemCodes: [FREQUENT] },
    ...overrides,
  }
}

function schedule(overrides: Partial<HallScheduleInput> = {}): HallScheduleInput {
  return { slotMinutes: 30, bookingCutoffMinutes: 60, horizonDays: 14, services: [service()], exceptions: [], homeService: null, ...overrides }
}

/** `date → ['r09:00', 'l12:00', 'f08:00', 'w10:00', …]` (kind initial + start), for compact expectations. */
function byDate(slots: ScheduledSlot[]): Record<string, string[]> {
  const days: Record<string, string[]> = {}
  const initial = { regular: 'r', flexible: 'f', lunch: 'l', rest_day: 'w' } as const
  for (const slot of slots) (days[slot.date] ??= []).push(`${initial[slot.kind]}${slot.start}`)
  return days
}

const workingDaySlots = [
  'f08:00', 'f08:30',
  'r09:00', 'r09:30', 'r10:00', 'r10:30', 'r11:00', 'r11:30',
  'l12:00', 'l12:30', 'l13:00', 'l13:30',
  'r14:00', 'r14:30', 'r15:00', 'r15:30', 'r16:00', 'r16:30', 'r17:00',
  'f17:30', 'f18:00',
]

describe('generateSlots across a week with a public holiday and an adjusted working Saturday', () => {
  const days = byDate(generateSlots(schedule(), '2026-06-13', '2026-06-21', calendar, { itemCode: FREQUENT }))

  it('serves the adjusted working Saturday like a working day (Monday’s hours, flexible and lunch, no weekend slots)', () => {
    expect(days['2026-06-13']).toEqual(workingDaySlots)
  })

  it('gives working days regular hours, 午间不间断 over the lunch break and 早晚弹性办 an hour either side', () => {
    for (const date of ['2026-06-15', '2026-06-16', '2026-06-17', '2026-06-18']) expect(days[date]).toEqual(workingDaySlots)
  })

  it('offers weekend slots only on the weekend days and hours the hall sets (Saturday only here)', () => {
    // Sunday 14 is an ordinary weekend day, but the hall opens on Saturdays only
    expect(days['2026-06-14']).toBeUndefined()
  })

  it('serves public holidays with the holiday hours, even a Friday and a Saturday', () => {
    for (const date of ['2026-06-19', '2026-06-20', '2026-06-21']) expect(days[date]).toEqual(['w10:00', 'w10:30'])
  })

  it('leaves out flexible and weekend slots for an item the hall has not listed for them', () => {
    const other = byDate(generateSlots(schedule(), '2026-06-13', '2026-06-21', calendar, { itemCode: OTHER }))
    expect(other['2026-06-15']).toEqual(workingDaySlots.filter((slot) => !slot.startsWith('f')))
    expect(other['2026-06-19']).toBeUndefined()
    expect(other['2026-06-20']).toBeUndefined()
    expect(Object.keys(other).sort()).toEqual(['2026-06-13', '2026-06-15', '2026-06-16', '2026-06-17', '2026-06-18'])
  })

  it('knows each kind’s capacity and end time', () => {
    const slots = generateSlots(schedule(), '2026-06-15', '2026-06-15', calendar, { itemCode: FREQUENT })
    expect(slots.find((slot) => slot.start === '09:00')).toMatchObject({ end: '09:30', kind: 'regular', capacity: 6, priorityReserved: 1, serviceId: 'general' })
    expect(slots.find((slot) => slot.start === '12:30')).toMatchObject({ end: '13:00', kind: 'lunch', capacity: 2 })
    expect(slots.find((slot) => slot.start === '18:00')).toMatchObject({ end: '18:30', kind: 'flexible', capacity: 2 })
  })
})

describe('generateSlots rules', () => {
  it('offers no slot at all on a closed day, and regular slots on an extra day', () => {
    const withExceptions = schedule({
      exceptions: [
        { date: '2026-06-16', kind: 'closed', periods: [], note: '系统升级暂停服务' },
        { date: '2026-06-21', kind: 'extra', periods: [{ opens: '09:00', closes: '10:00' }], note: '集中办理日' },
      ],
    })
    const days = byDate(generateSlots(withExceptions, '2026-06-15', '2026-06-21', calendar, { itemCode: OTHER }))
    expect(days['2026-06-16']).toBeUndefined()
    expect(days['2026-06-21']).toEqual(['r09:00', 'r09:30'])
  })

  it('cuts only whole slots: 45 minutes give one flexible slot before opening and drop a short remainder', () => {
    const days = byDate(generateSlots(schedule({ slotMinutes: 45 }), '2026-06-15', '2026-06-15', calendar, { itemCode: FREQUENT }))
    expect(days['2026-06-15']).toEqual(['f08:15', 'r09:00', 'r09:45', 'r10:30', 'r11:15', 'l12:00', 'l12:45', 'r14:00', 'r14:45', 'r15:30', 'r16:15', 'f17:30'])
  })

  it('books an item with the service that lists it, else the one that takes every item', () => {
    const socialSecurity = service({ id: 'social-security', name: '社会保障', itemCodes: [OTHER], capacity: 10, flexible: null, lunch: null, restDays: null })
    const twoServices = schedule({ services: [service(), socialSecurity] })
    const slots = generateSlots(twoServices, '2026-06-15', '2026-06-15', calendar, { itemCode: OTHER })
    expect(new Set(slots.map((slot) => slot.serviceId))).toEqual(new Set(['social-security']))
    expect(slots[0]).toMatchObject({ start: '09:00', capacity: 10 })
    expect(generateSlots(twoServices, '2026-06-15', '2026-06-15', calendar, { itemCode: FREQUENT })[0]!.serviceId).toBe('general')
    expect(generateSlots(schedule({ services: [socialSecurity] }), '2026-06-15', '2026-06-15', calendar, { itemCode: FREQUENT })).toEqual([])
  })

  it('never holds every place of a small slot for 绿色通道', () => {
    const slots = generateSlots(schedule({ services: [service({ priorityReserved: 3 })] }), '2026-06-15', '2026-06-15', calendar, { itemCode: FREQUENT })
    expect(slots.find((slot) => slot.kind === 'regular')!.priorityReserved).toBe(3)
    expect(slots.find((slot) => slot.kind === 'lunch')!.priorityReserved).toBe(1)
  })

  it('finds a slot only with its right kind', () => {
    expect(findSlot(schedule(), FREQUENT, '2026-06-15', '08:00', 'flexible', calendar)).toMatchObject({ end: '08:30' })
    expect(findSlot(schedule(), FREQUENT, '2026-06-15', '09:00', 'flexible', calendar)).toBeUndefined()
    expect(findSlot(schedule(), OTHER, '2026-06-15', '08:00', 'flexible', calendar)).toBeUndefined()
  })

  it('never guesses a year without a holiday notice', () => {
    expect(() => generateSlots(schedule(), '2027-01-04', '2027-01-04', calendar)).toThrow(MissingCalendarYearError)
  })
})

describe('scheduleProblems', () => {
  it('accepts a sound schedule', () => {
    expect(scheduleProblems(schedule())).toEqual([])
  })

  it('names periods that end before they start, duplicate services, two catch-all services, priority shares too large, and duplicate exceptions', () => {
    const bad = schedule({
      services: [
        service({ regular: [{ weekdays, opens: '12:00', closes: '09:00' }], priorityReserved: 6 }),
        service({ name: '第二综合窗口' }),
      ],
      exceptions: [
        { date: '2026-06-16', kind: 'closed', periods: [], note: null },
        { date: '2026-06-16', kind: 'extra', periods: [], note: null },
      ],
    })
    const problems = scheduleProblems(bad)
    expect(problems).toContain('“综合受理”正常时段的结束时间 09:00 应晚于开始时间 12:00')
    expect(problems).toContain('“综合受理”的绿色通道预留名额应少于每个时段的名额')
    expect(problems).toContain('服务编号“general”重复')
    expect(problems).toContain('只能有一项服务受理全部事项（itemCodes 为 null）')
    expect(problems).toContain('2026-06-16 有多条例外安排')
  })
})
