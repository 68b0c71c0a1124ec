/**
 * Words for the person fields as citizens read them (docs/forms.md labels, made explicit where a field
 * has parts). No zod here: pages that only need the words do not load the rules.
 */
/** Chinese labels of the person fields (docs/forms.md), for summaries and error lists. */
export const PERSON_FIELD_LABELS: Readonly<Record<string, string>> = {
  requestId: '提交编号',
  name: '姓名',
  idType: '证件类型',
  idNumber: '证件号码',
  birthDate: '出生日期',
  gender: '性别',
  ethnicity: '民族',
  politicalStatus: '政治面貌',
  education: '学历',
  health: '健康状况',
  disabilityLevel: '伤残等级',
  hukouAddress: '户籍地址',
  residenceAddress: '常住地址',
  'hukouAddress.regionCode': '户籍地址（省市区县）',
  'hukouAddress.detail': '户籍地址（详细地址）',
  'residenceAddress.regionCode': '常住地址（省市区县）',
  'residenceAddress.detail': '常住地址（详细地址）',
  phone: '手机号码',
  landline: '固定电话',
  email: '电子邮箱',
  otherContact: '其他联系方式',
  qualifications: '职业资格',
};
