import type { ComplaintChannel } from '../../../contract/complaints.ts'
import type { HallSummary } from '../../../contract/halls.ts'

/**
 * The district-wide channels of 第十九条 besides the halls' phones. The portal address, the WeChat
 * account's name and the kiosks' places are not yet confirmed by the district: they are marked
 * `confirmed: false` (the app shows 待核实) until they are.
 */
const districtChannels = {
  app: { kind: 'app', name: '本应用“投诉建议”', value: '/complaints/new', valueKind: 'route', note: '可实名或匿名，凭编号和查询码查询办理进度', hallId: null, confirmed: true },
  hotline: { kind: 'hotline', name: '12345 政务服务便民热线', value: '12345', valueKind: 'tel', note: '全天受理咨询、投诉和建议', hallId: null, confirmed: true },
  portal: { kind: 'portal', name: '昆都仑区人民政府门户网站 政民互动', value: 'http://www.kdlq.gov.cn/', valueKind: 'url', note: '网址待核实', hallId: null, confirmed: false },
  wechat: { kind: 'wechat', name: '微信公众号“昆都仑区政务服务”', value: '昆都仑区政务服务', valueKind: 'text', note: '在微信中搜索公众号名称；名称待核实', hallId: null, confirmed: false },
  kiosk: { kind: 'kiosk', name: '大厅电子查询机', value: '昆都仑区市民大厅自助服务区', valueKind: 'text', note: '在查询机上选择“投诉建议”；位置待核实', hallId: null, confirmed: false },
} as const satisfies Record<string, ComplaintChannel>

/**
 * A hall's complaint phone: a published phone labelled 投诉, else the hall's own landline (the
 * civic centre's complaint window answers on it). Its confirmation follows the hall's data.
 */
function hallComplaintPhone(hall: HallSummary): ComplaintChannel | null {
  const phone =
    hall.phones.find((candidate) => candidate.label.includes('投诉')) ?? hall.phones.find((candidate) => candidate.kind === 'landline' || candidate.kind === 'mobile')
  if (!phone) return null
  return {
    kind: 'complaint_phone',
    name: `${hall.name}投诉电话`,
    value: phone.number,
    valueKind: 'tel',
    note: phone.label.includes('投诉') ? null : `与${phone.label}为同一号码`,
    hallId: hall.id,
    confirmed: hall.verification === 'confirmed',
  }
}

/** Every channel of 第十九条, in the order the page lists them: this app, 12345, the halls' phones, portal, WeChat, kiosks. */
export function complaintChannels(halls: readonly HallSummary[]): ComplaintChannel[] {
  const hallPhones = halls.map(hallComplaintPhone).filter((channel): channel is ComplaintChannel => channel !== null)
  return [districtChannels.app, districtChannels.hotline, ...hallPhones, districtChannels.portal, districtChannels.wechat, districtChannels.kiosk]
}
