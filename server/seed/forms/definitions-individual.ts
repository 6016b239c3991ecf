import type { FormDefinition } from '../../src/forms/form-definition.ts'
import { f, person, personFields } from './sample-person.ts'

// Forms of the services for individuals (public security, civil affairs, disabled persons'
// federation, education, health, human resources and social security, medical security, veterans).

const applicant = { label: '申请人（签名）', sample: `${person.name}（示例）` }
const agent = { label: '代办人（签名）', sample: `${person.agentName}（示例）` }
const commonNotes = ['请用黑色或蓝黑色钢笔、签字笔填写，字迹清楚，不得涂改。', '所填内容须真实、准确，如有虚假，申请人承担相应法律责任。']

export const individualForms: FormDefinition[] = [
  {
    id: 'resident-id-card-application',
    usedBy: ['000172008000001/application-form'],
    title: '居民身份证申领登记表',
    subtitle: '申领类型：□首次申领 □换领 □补领　　受理单位：包头市公安局昆都仑区分局',
    sections: [
      { kind: 'fields', title: '一、申领人信息', fields: [...personFields('申领人'), f('曾用名', '无'), f('身高（厘米）', '175'), f('申领原因', '有效期满换领'), f('证件领取方式', '窗口领取')] },
      { kind: 'fields', title: '二、监护人或代办人（未满十六周岁或委托代办时填写）', fields: [f('姓名', person.agentName), f('公民身份号码', person.agentIdNumber), f('与申领人关系', '配偶'), f('联系电话', person.agentPhone)] },
      { kind: 'fields', title: '三、受理信息（由公安机关填写）', fields: [f('受理号', ''), f('受理民警', ''), f('相片采集', ''), f('指纹采集', '')] },
    ],
    signatures: [{ label: '申领人（签名或按指印）', sample: `${person.name}（示例）` }],
    notes: [...commonNotes, '十六周岁以上公民申领居民身份证须本人到场采集人像和指纹。', '补领的，原居民身份证自补领之日起作废。'],
  },
  {
    id: 'household-move-application',
    usedBy: ['000172003002001/move-form'],
    title: '户口迁移申请表',
    subtitle: '（市内迁入登记）',
    sections: [
      { kind: 'fields', title: '迁移人信息', fields: [...personFields('迁移人'), f('与户主关系', '户主'), f('文化程度', '大学本科')] },
      { kind: 'fields', title: '迁移信息', fields: [f('迁出地址', '包头市青山区示例街2号', { wide: true }), f('迁入地址', person.address, { wide: true }), f('迁移原因', '购房迁入', { wide: true }), f('房屋产权人', person.name), f('随迁人数', '1')] },
      { kind: 'table', title: '随迁人员', columns: ['姓名', '公民身份号码', '与迁移人关系', '备注'], sampleRows: [[person.spouseName, person.spouseIdNumber, '配偶', '']], blankRows: 4 },
    ],
    signatures: [applicant, { label: '房屋产权人意见（签名）', sample: `同意迁入 ${person.name}（示例）` }],
    notes: [...commonNotes, '迁入他人房屋的，须由房屋产权人签署同意意见。'],
  },
  {
    id: 'power-of-attorney',
    usedBy: ['000172003002001/power-of-attorney', '000172034000001/power-of-attorney', '000176040000001/power-of-attorney'],
    title: '授权委托书',
    editable: 'docx',
    sections: [
      { kind: 'fields', title: '委托人', fields: [f('姓名', person.name), f('公民身份号码', person.idNumber), f('联系电话', person.phone), f('住址', person.shortAddress)] },
      { kind: 'fields', title: '受托人', fields: [f('姓名', person.agentName), f('公民身份号码', person.agentIdNumber), f('联系电话', person.agentPhone), f('与委托人关系', '配偶')] },
      {
        kind: 'text',
        title: '委托事项及权限',
        paragraphs: [
          '本人因{原因|在外地工作不能亲自到场}，现委托{受托人姓名|李四}为本人的代理人，代为办理{委托事项|社会保障卡补换}事宜。',
          '受托人在办理上述事项过程中签署的有关文件，本人均予以承认，并承担相应的法律责任。',
          '委托期限：自{起始日期|2025年3月15日}起至{截止日期|2025年4月15日}止。受托人无转委托权。',
        ],
      },
    ],
    signatures: [{ label: '委托人（签名）', sample: `${person.name}（示例）` }, { label: '受托人（签名）', sample: `${person.agentName}（示例）` }],
    notes: ['请附委托人、受托人居民身份证复印件。', '委托事项应写明具体业务名称，不得写“全权办理有关事项”。'],
  },
  {
    id: 'birth-registration',
    usedBy: ['000172003001001/birth-form'],
    title: '出生登记申请表',
    sections: [
      { kind: 'fields', title: '新生儿信息', fields: [f('姓名', '张小三（示例）'), f('性别', '男'), f('出生日期', '2025年2月1日'), f('出生地', '内蒙古自治区包头市昆都仑区'), f('出生医学证明编号', 'Q150000000（示例）'), f('民族', '汉族'), f('血型', 'A型'), f('与户主关系', '子')] },
      { kind: 'fields', title: '父母信息', fields: [f('父亲姓名', person.name), f('父亲公民身份号码', person.idNumber), f('母亲姓名', person.spouseName), f('母亲公民身份号码', person.spouseIdNumber), f('申报落户地址', person.address, { wide: true })] },
    ],
    signatures: [{ label: '申报人（签名）', sample: `${person.name}（示例）` }],
    notes: [...commonNotes, '新生儿姓名中的姓氏应随父姓或母姓，确有正当理由的除外。'],
  },
  {
    id: 'residence-permit-application',
    usedBy: ['000172021000001/residence-form'],
    title: '居住证申领登记表',
    sections: [
      { kind: 'fields', title: '申领人信息', fields: [...personFields(), f('居住地址', '包头市昆都仑区示例路8号示例公寓3-201', { wide: true }), f('居住起始日期', '2024年9月1日'), f('居住事由', '就业')] },
      { kind: 'fields', title: '就业或就读情况', fields: [f('单位或学校名称', person.company, { wide: true }), f('单位地址', '包头市昆都仑区示例大街100号', { wide: true })] },
    ],
    signatures: [applicant],
    notes: [...commonNotes, '在昆都仑区居住半年以上，并符合有合法稳定就业、合法稳定住所、连续就读条件之一的，可以申领居住证。'],
  },
  {
    id: 'criminal-record-query',
    usedBy: ['000172034000001/query-form'],
    title: '犯罪记录查询申请表',
    sections: [
      { kind: 'fields', title: '被查询人', fields: [...personFields('被查询人'), f('查询用途', '入职审查', { wide: true }), f('接收单位', person.company, { wide: true })] },
      { kind: 'fields', title: '代为申请人（委托他人代办时填写）', fields: [f('姓名', ''), f('公民身份号码', ''), f('联系电话', ''), f('与被查询人关系', '')] },
    ],
    signatures: [{ label: '被查询人（签名）', sample: `${person.name}（示例）` }],
    notes: [...commonNotes, '查询结果仅反映公安机关信息系统中的犯罪记录情况。'],
  },
  {
    id: 'divorce-agreement',
    usedBy: ['000173010002001/agreement'],
    title: '离婚协议书',
    sections: [
      { kind: 'fields', title: '协议双方', fields: [f('男方姓名', person.name), f('男方公民身份号码', person.idNumber), f('女方姓名', person.spouseName), f('女方公民身份号码', person.spouseIdNumber), f('结婚登记日期', '2018年5月20日'), f('结婚证字号', 'J150203-2018-000000（示例）')] },
      {
        kind: 'text',
        title: '协议内容',
        paragraphs: [
          '一、双方自愿离婚。双方确认婚姻关系确已破裂，{离婚原因|因性格不合}，自愿解除婚姻关系。',
          '二、子女抚养：{子女抚养安排|婚生子张小三随男方生活，女方每月支付抚养费1000元至其年满十八周岁}。',
          '三、财产分割：{财产分割|位于昆都仑区示例路1号的房屋归男方所有，男方向女方支付补偿款（示例）}。',
          '四、债务处理：{债务处理|双方确认无共同债务}。',
          '五、本协议一式三份，双方各执一份，婚姻登记机关存档一份，自婚姻登记机关颁发离婚证之日起生效。',
        ],
      },
    ],
    signatures: [{ label: '男方（签名）', sample: `${person.name}（示例）` }, { label: '女方（签名）', sample: person.spouseName }],
    notes: ['协议须对子女抚养、财产及债务处理等事项协商一致。', '双方须在婚姻登记员面前亲自签名，不得代签。'],
  },
  {
    id: 'marriage-certificate-reissue',
    usedBy: ['000173010003001/reissue-form'],
    title: '申请补领婚姻登记证声明书',
    sections: [
      { kind: 'fields', title: '当事人', fields: [f('姓名', person.name), f('公民身份号码', person.idNumber), f('配偶姓名', person.spouseName), f('配偶公民身份号码', person.spouseIdNumber), f('原登记机关', '包头市昆都仑区民政局'), f('原登记日期', '2018年5月20日'), f('补领证件', '结婚证'), f('补领原因', '遗失')] },
      { kind: 'text', title: '声明', paragraphs: ['本人声明：本人与{配偶姓名|王芳（示例）}于{登记日期|2018年5月20日}在{登记机关|包头市昆都仑区民政局}办理{登记类型|结婚}登记，现因{补领原因|证件遗失}申请补领。以上所述属实，如有虚假，愿承担法律责任。'] },
    ],
    signatures: [{ label: '声明人（签名）', sample: `${person.name}（示例）` }],
    notes: ['声明书须在婚姻登记员面前签署。'],
  },
  {
    id: 'minimum-living-allowance-application',
    usedBy: ['000173005000001/application-form'],
    title: '最低生活保障申请书',
    editable: 'docx',
    sections: [
      { kind: 'fields', title: '申请人基本情况', fields: [...personFields(), f('家庭人口', '3'), f('健康状况', '患慢性病'), f('就业状况', '灵活就业'), f('开户银行及账号', person.bankAccount, { wide: true })] },
      { kind: 'table', title: '共同生活家庭成员', columns: ['姓名', '与申请人关系', '公民身份号码', '健康状况', '就业或就学情况', '月收入（元）'], sampleRows: [[person.name, '本人', person.idNumber, '慢性病', '灵活就业', '1200'], [person.spouseName, '配偶', person.spouseIdNumber, '健康', '无业', '0'], ['张小三（示例）', '子', '150203201501010000', '健康', '小学在读', '0']], blankRows: 5 },
      { kind: 'fields', title: '申请理由', fields: [f('申请理由', '本人患慢性病不能从事重体力劳动，配偶无业，家庭月人均收入低于本市最低生活保障标准，特申请最低生活保障。', { wide: true, lines: 4 })] },
    ],
    signatures: [applicant],
    notes: [...commonNotes, '家庭成员包括配偶、未成年子女、已成年但不能独立生活的子女，以及户籍在一起的其他共同生活成员。', '收入指家庭成员的工资性、经营净、财产净和转移净收入。'],
  },
  {
    id: 'household-economic-check-authorization',
    usedBy: ['000173005000001/authorization'],
    title: '家庭经济状况核对授权书',
    sections: [
      { kind: 'text', paragraphs: ['本人及共同生活的家庭成员，为申请{申请事项|最低生活保障}，自愿授权包头市昆都仑区民政局及其委托的核对机构，向公安、人力资源社会保障、住房城乡建设、市场监管、税务、金融机构等单位查询、核对本家庭成员的户籍、车辆、住房、社会保险、工商登记、纳税、存款、有价证券等家庭经济状况信息。', '本授权书自签署之日起至{授权截止|该救助事项办结}止有效。查询所得信息仅用于社会救助审核确认，不得用于其他用途。'] },
      { kind: 'table', title: '授权人（共同生活家庭成员，年满十八周岁的须本人签名）', columns: ['姓名', '公民身份号码', '与申请人关系', '签名'], sampleRows: [[person.name, person.idNumber, '本人', `${person.name}（示例）`], [person.spouseName, person.spouseIdNumber, '配偶', person.spouseName]], blankRows: 5 },
    ],
    signatures: [applicant],
    notes: ['未成年人和无民事行为能力人由其法定监护人代为签名。'],
  },
  {
    id: 'assistance-entrustment',
    usedBy: ['000173005000001/power-of-attorney'],
    title: '委托申请书',
    sections: [
      { kind: 'text', paragraphs: ['委托人{委托人姓名|张三}（公民身份号码：{委托人公民身份号码|150203199001010000}），因{委托原因|行动不便}，不能亲自到场申请最低生活保障，现委托{受托人姓名|李四}（公民身份号码：{受托人公民身份号码|150203199202020000}，联系电话：{受托人电话|139****0000}）代为提出申请并提交相关材料。', '受托人为委托人的{关系|村（社区）工作人员}，对所提交材料的真实性负责。'] },
    ],
    signatures: [{ label: '委托人（签名或按指印）', sample: `${person.name}（示例）` }, { label: '受托人（签名）', sample: `${person.agentName}（示例）` }],
    notes: ['受托人可以是申请人的近亲属，或经其同意的村（居）民委员会工作人员。'],
  },
  {
    id: 'temporary-assistance-application',
    usedBy: ['000173007000001/application-form'],
    title: '临时救助申请书',
    sections: [
      { kind: 'fields', title: '申请人情况', fields: [...personFields(), f('家庭人口', '3'), f('是否低保或特困家庭', '否')] },
      { kind: 'fields', title: '困难情况', fields: [f('困难类型', '急难型（突发重病）'), f('发生时间', '2025年2月10日'), f('困难情况说明', '家庭主要劳动力突发脑梗住院治疗，医疗费用自付部分约3万元，家庭生活陷入困境。', { wide: true, lines: 4 }), f('申请救助方式', '救助金'), f('开户银行及账号', person.bankAccount)] },
    ],
    signatures: [applicant],
    notes: [...commonNotes, '急难型救助可先行救助，后补充说明情况。'],
  },
  {
    id: 'elderly-allowance-application',
    usedBy: ['000173015000001/application-form'],
    title: '高龄津贴申请审批表',
    sections: [
      { kind: 'fields', title: '老年人信息', fields: [f('姓名', '张老汉（示例）'), f('性别', '男'), f('公民身份号码', '150203194001010000'), f('年龄', '85'), f('户籍地址', person.address, { wide: true }), f('联系电话', person.phone), f('社会保障卡号', '1502**********0000')] },
      { kind: 'fields', title: '审核意见', fields: [f('社区（村）初审意见', '', { wide: true, lines: 2 }), f('街道（镇）审核意见', '', { wide: true, lines: 2 }), f('区民政局审批意见', '', { wide: true, lines: 2 })] },
    ],
    signatures: [{ label: '申请人或代理人（签名）', sample: `${person.name}（示例，子女代办）` }],
    notes: ['本区户籍、年满80周岁的老年人可申请。', '津贴按月发放至本人社会保障卡。'],
  },
  {
    id: 'disability-subsidies-application',
    usedBy: ['000173022000001/application-form'],
    title: '残疾人两项补贴申请审批表',
    subtitle: '申请类别：□困难残疾人生活补贴 □重度残疾人护理补贴',
    sections: [
      { kind: 'fields', title: '申请人信息', fields: [...personFields(), f('残疾人证号', '15020319900101000042（示例）'), f('残疾类别及等级', '肢体二级'), f('家庭经济状况', '低保家庭'), f('开户银行及账号', person.bankAccount)] },
      { kind: 'fields', title: '审核意见', fields: [f('街道（镇）审核意见', '', { wide: true, lines: 2 }), f('区残联审核意见', '', { wide: true, lines: 2 }), f('区民政局审定意见', '', { wide: true, lines: 2 })] },
    ],
    signatures: [applicant],
    notes: [...commonNotes, '困难残疾人生活补贴对象为低保家庭中的残疾人；重度残疾人护理补贴对象为残疾等级为一、二级的残疾人。'],
  },
  {
    id: 'disability-card-application',
    usedBy: ['000193001000001/application-form'],
    title: '中华人民共和国残疾人证申请表',
    subtitle: '办理类型：□新办 □换领 □补办 □迁移',
    sections: [
      { kind: 'fields', title: '申请人信息', fields: [...personFields(), f('婚姻状况', '已婚'), f('文化程度', '高中'), f('申请残疾类别', '肢体残疾'), f('监护人或代理人', person.agentName), f('监护人联系电话', person.agentPhone)] },
      { kind: 'fields', title: '评定信息（由评定机构填写）', fields: [f('评定机构', ''), f('评定医生', ''), f('残疾类别', ''), f('残疾等级', '')] },
    ],
    signatures: [applicant],
    notes: [...commonNotes, '申请人须携带近期二寸免冠白底彩色照片3张。'],
  },
  {
    id: 'disability-card-loss-statement',
    usedBy: ['000193001000001/loss-statement'],
    title: '残疾人证遗失声明',
    sections: [{ kind: 'text', paragraphs: ['本人{姓名|张三}，公民身份号码{公民身份号码|150203199001010000}，持有的中华人民共和国残疾人证（证号：{残疾人证号|15020319900101000042}）于{遗失日期|2025年3月1日}在{遗失地点|昆都仑区示例路附近}遗失，现声明该证作废，并申请补办。', '本人保证以上情况属实，如有虚假，愿承担相应责任。'] }],
    signatures: [{ label: '声明人（签名）', sample: `${person.name}（示例）` }],
    notes: ['补办后原残疾人证作废，找回的应交回发证机关。'],
  },
  {
    id: 'child-rehabilitation-application',
    usedBy: ['000193006000001/application-form'],
    title: '残疾儿童康复救助申请审批表',
    sections: [
      { kind: 'fields', title: '儿童信息', fields: [f('儿童姓名', '张小三（示例）'), f('性别', '男'), f('公民身份号码', '150203202001010000'), f('出生日期', '2020年1月1日'), f('残疾类别', '孤独症'), f('是否持残疾人证', '否（有诊断证明）'), f('户籍地址', person.address, { wide: true })] },
      { kind: 'fields', title: '监护人信息', fields: [f('监护人姓名', person.name), f('与儿童关系', '父子'), f('公民身份号码', person.idNumber), f('联系电话', person.phone), f('意向康复机构', '包头市示例儿童康复中心', { wide: true }), f('康复服务项目', '孤独症儿童康复训练', { wide: true })] },
      { kind: 'fields', title: '审核意见', fields: [f('区残联审核意见', '', { wide: true, lines: 2 })] },
    ],
    signatures: [{ label: '监护人（签名）', sample: `${person.name}（示例）` }],
    notes: [...commonNotes, '救助对象为0-6岁视力、听力、言语、肢体、智力等残疾儿童和孤独症儿童。'],
  },
  {
    id: 'primary-school-enrolment',
    usedBy: ['000175003000001/registration-form'],
    title: '小学入学登记表',
    subtitle: '昆都仑区义务教育阶段小学一年级',
    sections: [
      { kind: 'fields', title: '适龄儿童', fields: [f('儿童姓名', '张小三（示例）'), f('性别', '男'), f('公民身份号码', '150203201809010000'), f('出生日期', '2018年9月1日'), f('户籍地址', person.address, { wide: true }), f('实际居住地址', person.address, { wide: true }), f('登记学区学校', '昆都仑区示例小学')] },
      { kind: 'table', title: '法定监护人', columns: ['姓名', '关系', '公民身份号码', '工作单位', '联系电话'], sampleRows: [[person.name, '父亲', person.idNumber, person.company, person.phone], [person.spouseName, '母亲', person.spouseIdNumber, '无', '137****0000']], blankRows: 2 },
    ],
    signatures: [{ label: '监护人（签名）', sample: `${person.name}（示例）` }],
    notes: [...commonNotes, '须提供户口簿、房产证明（或居住证）原件及复印件。'],
  },
  {
    id: 'teacher-qualification-application',
    usedBy: ['000175010000001/application-form'],
    title: '教师资格认定申请表',
    sections: [
      { kind: 'fields', title: '申请人', fields: [...personFields(), f('申请资格种类', '小学教师资格'), f('任教学科', '语文'), f('最高学历', '大学本科'), f('毕业学校及专业', '示例师范大学 汉语言文学', { wide: true }), f('普通话等级', '二级甲等'), f('考试合格证明编号', 'NTCE00000000（示例）')] },
      { kind: 'fields', title: '学习及工作简历', fields: [f('简历', '2008.09-2012.07 示例师范大学学习\n2012.09至今 昆都仑区示例小学任教（示例）', { wide: true, lines: 4 })] },
    ],
    signatures: [applicant],
    notes: [...commonNotes, '申请人须通过中小学教师资格考试并在有效期内。'],
  },
  {
    id: 'physician-practice-registration',
    usedBy: ['000181031000001/application-form'],
    title: '医师执业注册申请审核表',
    subtitle: '□首次注册 □变更注册 □重新注册',
    sections: [
      { kind: 'fields', title: '医师信息', fields: [...personFields('医师'), f('医师资格证书编号', '2015150000000000（示例）'), f('资格类别', '临床'), f('执业类别', '临床'), f('执业范围', '内科专业')] },
      { kind: 'fields', title: '拟执业机构', fields: [f('机构名称', '包头市示例医院', { wide: true }), f('机构地址', '包头市昆都仑区示例大街99号', { wide: true }), f('机构意见', '同意（示例）', { wide: true, lines: 2 })] },
    ],
    signatures: [{ label: '医师（签名）', sample: `${person.name}（示例）` }],
    notes: [...commonNotes, '主要执业机构以外的执业地点可在备注中说明。'],
  },
  {
    id: 'birth-registration-health',
    usedBy: ['000181040000001/registration-form'],
    title: '生育登记信息表',
    sections: [
      { kind: 'fields', title: '夫妻双方', fields: [f('女方姓名', person.spouseName), f('女方公民身份号码', person.spouseIdNumber), f('男方姓名', person.name), f('男方公民身份号码', person.idNumber), f('结婚日期', '2018年5月20日'), f('联系电话', person.phone), f('现居住地址', person.address, { wide: true })] },
      { kind: 'fields', title: '生育情况', fields: [f('本次登记孩次', '第二孩'), f('现有子女数', '1'), f('预产期或出生日期', '2025年8月1日'), f('产检医院', '包头市示例医院')] },
    ],
    signatures: [{ label: '登记人（签名）', sample: person.spouseName }],
    notes: ['生育登记不设前置条件，可网上办理。'],
  },
  {
    id: 'unemployment-insurance-claim',
    usedBy: ['000176051000001/application-form'],
    title: '失业保险金申领登记表',
    sections: [
      { kind: 'fields', title: '申领人', fields: [...personFields('申领人'), f('社会保障卡号', '1502**********0000'), f('原工作单位', person.company, { wide: true }), f('参保缴费起止时间', '2019年7月至2025年1月'), f('累计缴费年限', '5年7个月'), f('解除劳动关系日期', '2025年1月31日'), f('解除原因', '劳动合同期满终止')] },
    ],
    signatures: [{ label: '申领人（签名）', sample: `${person.name}（示例）` }],
    notes: [...commonNotes, '非因本人意愿中断就业、已办理失业登记并有求职要求的，可申领失业保险金。'],
  },
  {
    id: 'employment-card-application',
    usedBy: ['000176012000001/application-form'],
    title: '就业创业证申领登记表',
    sections: [
      { kind: 'fields', title: '申领人', fields: [...personFields('申领人'), f('文化程度', '大学本科'), f('毕业院校', '示例大学'), f('人员类别', '登记失业人员'), f('就业状态', '失业'), f('求职意向', '行政文员', { wide: true })] },
    ],
    signatures: [{ label: '申领人（签名）', sample: `${person.name}（示例）` }],
    notes: [...commonNotes],
  },
  {
    id: 'resident-pension-registration',
    usedBy: ['000176023001001/registration-form'],
    title: '城乡居民基本养老保险参保登记表',
    sections: [
      { kind: 'fields', title: '参保人', fields: [...personFields('参保人'), f('户籍性质', '城镇'), f('缴费档次（元/年）', '500'), f('缴费方式', '银行代扣'), f('特殊参保群体', '无')] },
    ],
    signatures: [{ label: '参保人（签名）', sample: `${person.name}（示例）` }],
    notes: [...commonNotes, '年满16周岁（不含在校学生）、非国家机关和事业单位工作人员及不属于职工基本养老保险覆盖范围的城乡居民可参保。'],
  },
  {
    id: 'resident-pension-claim',
    usedBy: ['000176023002001/claim-form'],
    title: '城乡居民基本养老保险待遇领取申请表',
    sections: [
      { kind: 'fields', title: '申请人', fields: [f('姓名', '张老汉（示例）'), f('性别', '男'), f('公民身份号码', '150203196501010000'), f('出生日期', '1965年1月1日'), f('累计缴费年限', '15年'), f('联系电话', person.phone), f('户籍地址', person.address, { wide: true }), f('待遇领取账户', '社会保障卡金融账户', { wide: true })] },
    ],
    signatures: [{ label: '申请人（签名）', sample: '张老汉（示例）' }],
    notes: [...commonNotes, '年满60周岁、累计缴费满15年且未领取国家规定的基本养老保障待遇的，可按月领取。'],
  },
  {
    id: 'medical-remote-care-filing',
    usedBy: ['000196003000001/filing-form'],
    title: '基本医疗保险参保人员异地就医备案表',
    sections: [
      { kind: 'fields', title: '参保人', fields: [...personFields('参保人'), f('参保险种', '职工基本医疗保险'), f('备案类型', '异地长期居住'), f('就医地', '北京市朝阳区'), f('备案开始日期', '2025年4月1日'), f('异地居住地址', '北京市朝阳区示例路10号（示例）', { wide: true })] },
    ],
    signatures: [{ label: '参保人（签名）', sample: `${person.name}（示例）` }],
    notes: [...commonNotes, '备案后在就医地定点医疗机构就医可直接结算。'],
  },
  {
    id: 'remote-residence-commitment',
    usedBy: ['000196003000001/residence-commitment'],
    title: '个人承诺书（异地长期居住或常驻异地工作）',
    sections: [{ kind: 'text', paragraphs: ['本人{姓名|张三}，公民身份号码{公民身份号码|150203199001010000}，因{原因|退休后随子女异地长期居住}，现居住于{异地地址|北京市朝阳区示例路10号（示例）}，申请办理异地就医备案。', '本人承诺以上信息真实有效，如有虚假，愿承担因此产生的医疗费用不予报销及相应法律责任。'] }],
    signatures: [{ label: '承诺人（签名）', sample: `${person.name}（示例）` }],
    notes: ['以告知承诺方式办理的，医保经办机构将开展核查。'],
  },
  {
    id: 'chronic-disease-recognition',
    usedBy: ['000196011000001/application-form'],
    title: '门诊慢特病待遇认定申请表',
    sections: [
      { kind: 'fields', title: '申请人', fields: [...personFields(), f('参保险种', '职工基本医疗保险'), f('申请病种', '高血压（Ⅱ级）'), f('确诊医院', '包头市示例医院'), f('确诊日期', '2024年10月8日'), f('定点医疗机构', '包头市示例医院', { wide: true })] },
      { kind: 'fields', title: '医疗机构意见', fields: [f('诊断意见', '', { wide: true, lines: 3 })] },
    ],
    signatures: [applicant],
    notes: [...commonNotes, '须附近期相关病历、检查检验报告。'],
  },
  {
    id: 'veteran-card-application',
    usedBy: ['000197008000001/application-form'],
    title: '优待证申请表',
    subtitle: '中华人民共和国退役军人优待证',
    sections: [
      { kind: 'fields', title: '申请人', fields: [...personFields(), f('入伍时间', '2008年12月'), f('退役时间', '2013年12月'), f('退役证件号码', '（示例）000000'), f('人员类别', '退役士兵'), f('邮寄地址', person.address, { wide: true })] },
    ],
    signatures: [applicant],
    notes: [...commonNotes, '须上传近期二寸免冠彩色证件照电子版。'],
  },
]
