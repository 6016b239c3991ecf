import type { ResultSampleDefinition } from '../../src/forms/form-definition.ts'
import { person } from './sample-person.ts'

// 结果样本: what the citizen receives, shown with fictitious content and marked 样本 throughout.

export const resultSamples: ResultSampleDefinition[] = [
  {
    id: 'individual-business-licence-sample',
    usedBy: ['000178041001001/个体工商户营业执照（纸质及电子营业执照）'],
    title: '营业执照',
    issuer: '登记机关：包头市昆都仑区市场监督管理局（样本）',
    fields: [
      { label: '统一社会信用代码', value: '92150203MA00000000（样本）' },
      { label: '名称', value: person.shopName },
      { label: '类型', value: '个体工商户' },
      { label: '经营者', value: person.name },
      { label: '组成形式', value: '个人经营' },
      { label: '注册日期', value: person.date },
      { label: '经营场所', value: '包头市昆都仑区示例路60号底商' },
      { label: '经营范围', value: '食品销售（仅销售预包装食品）；日用百货销售' },
    ],
  },
  {
    id: 'company-business-licence-sample',
    usedBy: ['000178042001001/营业执照（纸质及电子营业执照）'],
    title: '营业执照',
    issuer: '登记机关：包头市昆都仑区市场监督管理局（样本）',
    fields: [
      { label: '统一社会信用代码', value: `${person.creditCode}（样本）` },
      { label: '名称', value: person.company },
      { label: '类型', value: '有限责任公司（自然人投资或控股）' },
      { label: '法定代表人', value: person.name },
      { label: '注册资本', value: '伍拾万元整' },
      { label: '成立日期', value: person.date },
      { label: '住所', value: '内蒙古自治区包头市昆都仑区示例大街100号' },
      { label: '经营范围', value: '日用百货销售；食品销售（仅销售预包装食品）' },
    ],
  },
  {
    id: 'disability-card-sample',
    usedBy: ['000193001000001/第二代中华人民共和国残疾人证'],
    title: '中华人民共和国残疾人证',
    issuer: '发证机关：包头市昆都仑区残疾人联合会（样本）',
    fields: [
      { label: '姓名', value: person.name },
      { label: '性别', value: person.gender },
      { label: '残疾人证号', value: '15020319900101000042（样本）' },
      { label: '残疾类别', value: '肢体' },
      { label: '残疾等级', value: '二级' },
      { label: '住址', value: person.address },
      { label: '有效期', value: '2025年3月15日至2035年3月15日' },
    ],
  },
  {
    id: 'food-business-licence-sample',
    usedBy: ['000178060001001/食品经营许可证'],
    title: '食品经营许可证',
    issuer: '发证机关：包头市昆都仑区市场监督管理局（样本）',
    fields: [
      { label: '经营者名称', value: person.shopName },
      { label: '统一社会信用代码', value: '92150203MA00000000（样本）' },
      { label: '法定代表人（负责人）', value: person.name },
      { label: '经营场所', value: '包头市昆都仑区示例路60号底商' },
      { label: '主体业态', value: '食品销售经营者（便利店）' },
      { label: '经营项目', value: '散装食品销售（含冷藏冷冻食品）' },
      { label: '许可证编号', value: 'JY11502030000000（样本）' },
      { label: '有效期至', value: '2030年3月14日' },
    ],
  },
  {
    id: 'no-criminal-record-certificate-sample',
    usedBy: ['000172034000001/无犯罪记录证明（有犯罪记录的出具《犯罪记录告知函》）'],
    title: '无犯罪记录证明',
    issuer: '包头市公安局昆都仑区分局（样本）',
    fields: [{ label: '编号', value: '包公昆证〔2025〕000000号（样本）' }],
    paragraphs: [
      `经查询全国违法犯罪人员信息库，截至${person.date}，未发现${person.name}（公民身份号码：${person.idNumber}）有犯罪记录。`,
      '本证明仅反映出具证明时全国违法犯罪人员信息库内的犯罪记录情况，有效期三个月。',
    ],
  },
  {
    id: 'public-venue-hygiene-licence-sample',
    usedBy: ['000181020000001/公共场所卫生许可证'],
    title: '公共场所卫生许可证',
    issuer: '发证机关：包头市昆都仑区卫生健康委员会（样本）',
    fields: [
      { label: '单位名称', value: person.company },
      { label: '法定代表人', value: person.name },
      { label: '地址', value: '包头市昆都仑区示例路30号' },
      { label: '许可项目', value: '沐浴场所' },
      { label: '许可证号', value: '昆卫公字〔2025〕第000000号（样本）' },
      { label: '有效期限', value: '2025年3月15日至2029年3月14日' },
    ],
  },
]
