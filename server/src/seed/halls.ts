import type { Hall, OpeningHours } from '../../../contract/halls.ts'

/** A map search for the address, opened in AMap (高德地图) in the browser or its app. */
function mapSearch(address: string): string {
  return `https://uri.amap.com/search?keyword=${encodeURIComponent(address)}`
}

const weekdays = [1, 2, 3, 4, 5]

/** Published hours of the district hall; flexible hours and lunch service as 第十八条(4)(5) require. */
const civicCentreHours: OpeningHours = {
  regular: [
    { weekdays, opens: '09:00', closes: '12:00' },
    { weekdays, opens: '14:00', closes: '17:30' },
  ],
  flexible: { beforeOpeningMinutes: 60, afterClosingMinutes: 60 },
  lunch: { starts: '12:00', ends: '14:00' },
  weekend: [{ weekdays: [6, 7], opens: '09:00', closes: '12:00' }],
  note: '周末延时服务办理个人高频事项；早晚弹性办需提前预约；法定节假日安排以大厅公告为准。',
}

const streetStationHours: OpeningHours = {
  regular: [
    { weekdays, opens: '09:00', closes: '12:00' },
    { weekdays, opens: '14:00', closes: '17:30' },
  ],
  flexible: null,
  lunch: null,
  weekend: [],
  note: '开放时间以街道公告为准。',
}

const hotline = { label: '政务服务便民热线', number: '12345', kind: 'hotline' } as const
const stationContact = '12345（政务服务便民热线）'

/**
 * The district's real main hall (public information, not yet confirmed by the hall) and three
 * street service stations with plausible windows. Staff names are fictional.
 */
export const demoHalls: Omit<Hall, 'updatedAt'>[] = [
  {
    id: 'kundulun-civic-centre',
    name: '昆都仑区市民大厅',
    kind: 'district_centre',
    address: '内蒙古自治区包头市昆都仑区黄河大街116号',
    mapUrl: mapSearch('包头市昆都仑区黄河大街116号 昆都仑区市民大厅'),
    phones: [{ label: '咨询电话', number: '0472-5990563', kind: 'landline' }, hotline],
    openingHours: civicCentreHours,
    verification: 'unconfirmed',
    zones: [
      { name: '咨询服务区', description: '入口处导办台，提供事项咨询、材料预审和分流引导。' },
      { name: '窗口服务区', description: '综合受理及各专业窗口，按叫号顺序办理。' },
      { name: '集中审批区', description: '审批人员集中办公，受理后流转审批、当场出件的事项在此办结。' },
      { name: '政务公开区', description: '公示进驻事项、办事指南、收费标准和窗口人员信息。' },
      { name: '自助服务区', description: '自助查询、打印和社保、公积金等自助办理终端，周末可用。' },
      { name: '休息等候区', description: '等候座椅、叫号显示屏、饮水和充电设施。' },
      { name: '代办帮办区', description: '为老年人、残疾人和企业提供免费代办、帮办服务。' },
    ],
    accessibility: [
      '无障碍坡道和无障碍出入口',
      '无障碍卫生间',
      '轮椅、老花镜、放大镜免费借用',
      '爱心座椅和母婴室',
      '绿色通道优先办理（军人、消防救援人员、医护人员及老弱病残孕）',
    ],
    windows: [
      {
        id: 'kundulun-civic-centre-w01',
        number: '1',
        name: '综合受理窗口',
        handles: ['个人事项综合受理', '一表申请收件', '一次性告知', '午间不间断服务'],
        staff: [
          { name: '王晓燕', duties: '综合受理、收件预审、一次性告知', contact: '0472-5990563' },
          { name: '李建军', duties: '综合受理（AB岗）、午间值守', contact: '0472-5990563' },
        ],
      },
      {
        id: 'kundulun-civic-centre-w02',
        number: '2',
        name: '企业开办窗口',
        handles: ['企业设立登记', '公章刻制', '涉税事项首次办理', '企业变更、注销登记'],
        staff: [{ name: '张敏', duties: '企业开办一窗通办、营业执照发放', contact: '0472-5990563' }],
      },
      {
        id: 'kundulun-civic-centre-w03',
        number: '3',
        name: '社会保障窗口',
        handles: ['社会保险参保登记', '养老保险关系转移', '医疗保险异地就医备案', '社保卡申领'],
        staff: [
          { name: '刘志强', duties: '社会保险业务受理与审核', contact: '0472-5990563' },
          { name: '赵丽娜', duties: '医疗保险业务受理', contact: '0472-5990563' },
        ],
      },
      {
        id: 'kundulun-civic-centre-w04',
        number: '4',
        name: '不动产登记窗口',
        handles: ['不动产首次登记', '转移登记', '抵押登记', '登记资料查询'],
        staff: [{ name: '陈磊', duties: '不动产登记受理、缴税一窗办理', contact: '0472-5990563' }],
      },
      {
        id: 'kundulun-civic-centre-w05',
        number: '5',
        name: '绿色通道窗口',
        handles: ['军人、消防救援人员、医护人员优先办理', '老弱病残孕优先办理', '上门服务预约受理'],
        staff: [{ name: '杨雪', duties: '绿色通道优先服务、上门服务登记', contact: '0472-5990563' }],
      },
      {
        id: 'kundulun-civic-centre-w06',
        number: '6',
        name: '代办帮办窗口',
        handles: ['免费代办帮办', '企业项目全程帮办', '网上办、掌上办操作指导'],
        staff: [{ name: '孙浩', duties: '代办帮办、“蒙速办”移动端办理指导', contact: '0472-5990563' }],
      },
      {
        id: 'kundulun-civic-centre-w07',
        number: '7',
        name: '投诉与“办不成事”反映窗口',
        handles: ['投诉受理', '“办不成事”问题反映', '好差评回访'],
        staff: [{ name: '周琳', duties: '投诉受理、跟踪反馈', contact: '0472-5990563' }],
      },
    ],
  },
  {
    id: 'shaoxianlu-street-station',
    name: '少先路街道便民服务中心',
    kind: 'street_station',
    address: '内蒙古自治区包头市昆都仑区少先路街道办事处一楼',
    mapUrl: mapSearch('包头市昆都仑区少先路街道办事处'),
    phones: [hotline],
    openingHours: streetStationHours,
    verification: 'unconfirmed',
    zones: [
      { name: '咨询服务区', description: '导办咨询与材料预审。' },
      { name: '窗口服务区', description: '综合受理与社保民政窗口。' },
      { name: '休息等候区', description: null },
    ],
    accessibility: ['无障碍坡道', '爱心座椅', '老花镜借用'],
    windows: [
      {
        id: 'shaoxianlu-street-station-w01',
        number: '1',
        name: '综合受理窗口',
        handles: ['居住证明', '计划生育服务登记', '个人事项收件转办'],
        staff: [{ name: '马丽', duties: '综合受理、收件转办', contact: stationContact }],
      },
      {
        id: 'shaoxianlu-street-station-w02',
        number: '2',
        name: '社保民政窗口',
        handles: ['城乡居民养老保险', '最低生活保障申请', '高龄津贴申领'],
        staff: [
          { name: '高峰', duties: '社会保障、民政事项受理', contact: stationContact },
          { name: '郝静', duties: '残疾人服务、上门服务登记', contact: stationContact },
        ],
      },
    ],
  },
  {
    id: 'youyidajie-street-station',
    name: '友谊大街街道便民服务中心',
    kind: 'street_station',
    address: '内蒙古自治区包头市昆都仑区友谊大街街道办事处一楼',
    mapUrl: mapSearch('包头市昆都仑区友谊大街街道办事处'),
    phones: [hotline],
    openingHours: streetStationHours,
    verification: 'unconfirmed',
    zones: [
      { name: '咨询服务区', description: '导办咨询。' },
      { name: '窗口服务区', description: '综合受理、社保民政和退役军人服务窗口。' },
      { name: '自助服务区', description: '自助查询打印终端。' },
      { name: '休息等候区', description: null },
    ],
    accessibility: ['无障碍坡道', '无障碍卫生间', '轮椅借用'],
    windows: [
      {
        id: 'youyidajie-street-station-w01',
        number: '1',
        name: '综合受理窗口',
        handles: ['居住证明', '个人事项收件转办', '一次性告知'],
        staff: [{ name: '白云', duties: '综合受理、收件转办', contact: stationContact }],
      },
      {
        id: 'youyidajie-street-station-w02',
        number: '2',
        name: '社保民政窗口',
        handles: ['城乡居民医疗保险参保', '临时救助申请', '高龄津贴申领'],
        staff: [{ name: '韩冬', duties: '社会保障、民政事项受理', contact: stationContact }],
      },
      {
        id: 'youyidajie-street-station-w03',
        number: '3',
        name: '退役军人服务窗口',
        handles: ['退役军人信息采集', '优待证申领', '优抚对象走访登记'],
        staff: [{ name: '乔建华', duties: '退役军人服务事项受理', contact: stationContact }],
      },
    ],
  },
  {
    id: 'kunbei-street-station',
    name: '昆北街道便民服务中心',
    kind: 'street_station',
    address: '内蒙古自治区包头市昆都仑区昆北街道办事处一楼',
    mapUrl: mapSearch('包头市昆都仑区昆北街道办事处'),
    phones: [hotline],
    openingHours: streetStationHours,
    verification: 'unconfirmed',
    zones: [
      { name: '咨询服务区', description: '导办咨询与代办帮办。' },
      { name: '窗口服务区', description: '综合受理与社保民政窗口。' },
      { name: '休息等候区', description: null },
    ],
    accessibility: ['无障碍坡道', '爱心座椅'],
    windows: [
      {
        id: 'kunbei-street-station-w01',
        number: '1',
        name: '综合受理窗口',
        handles: ['居住证明', '个人事项收件转办', '代办帮办'],
        staff: [{ name: '武晓峰', duties: '综合受理、代办帮办', contact: stationContact }],
      },
      {
        id: 'kunbei-street-station-w02',
        number: '2',
        name: '社保民政窗口',
        handles: ['城乡居民养老保险', '最低生活保障申请', '残疾人两项补贴申请'],
        staff: [
          { name: '任芳', duties: '社会保障事项受理', contact: stationContact },
          { name: '田野', duties: '民政、残疾人服务事项受理', contact: stationContact },
        ],
      },
    ],
  },
]
