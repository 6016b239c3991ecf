import type { Hall } from '../../../contract/halls.ts'

/** A hall as the API serves it, with one window and one staff card; override what a test is about. */
export function makeHall(overrides: Partial<Hall> = {}): Hall {
  return {
    id: 'shimin-dating',
    name: '昆都仑区市民大厅',
    kind: 'district_centre',
    address: '内蒙古包头市昆都仑区黄河大街116号',
    mapUrl: 'https://uri.amap.com/search?keyword=%E6%98%86%E9%83%BD%E4%BB%91%E5%8C%BA%E5%B8%82%E6%B0%91%E5%A4%A7%E5%8E%85',
    phones: [
      { label: '咨询电话', number: '0472-5990563', kind: 'landline' },
      { label: '政务服务便民热线', number: '12345', kind: 'hotline' },
    ],
    openingHours: {
      regular: [
        { weekdays: [1, 2, 3, 4, 5], opens: '09:00', closes: '12:00' },
        { weekdays: [1, 2, 3, 4, 5], opens: '14:00', closes: '17:30' },
      ],
      flexible: { beforeOpeningMinutes: 60, afterClosingMinutes: 60 },
      lunch: { starts: '12:00', ends: '14:00' },
      weekend: [{ weekdays: [6, 7], opens: '09:00', closes: '12:00' }],
      note: null,
    },
    verification: 'unconfirmed',
    updatedAt: '2026-11-20T08:00:00+08:00',
    zones: [{ name: '综合受理区', description: '各类事项统一受理' }],
    accessibility: ['无障碍通道', '爱心座椅'],
    windows: [
      {
        id: 'w-3',
        number: '3',
        name: '社保医保窗口',
        handles: ['养老保险参保登记', '医保关系转移'],
        staff: [{ name: '李敏', duties: '社保业务受理', contact: '0472-5990571' }],
      },
    ],
    ...overrides,
  }
}
