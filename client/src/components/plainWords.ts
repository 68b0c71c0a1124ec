/**
 * What citizens read instead of back-office words (issue 17): each outside-data check and each
 * 人员类别 in plain Chinese, the official term kept as a smaller second line where it matters
 * (it is what staff and the notices use). The cloud's check details stay as they are for staff.
 */
import type { Check } from '@shared/api'
import { checkLabel, type CheckName } from '@shared/check-labels'

export interface PlainLine {
  /** what the citizen reads first */
  main: string
  /** the official term or the record found, smaller */
  official?: string
}

/**
 * A passed check: what was looked at and that nothing stands in the way. The smaller second line is
 * the check's heading from the one table the cloud and the staff pages use (shared/check-labels.ts).
 */
const PASSED: Partial<Record<CheckName, string>> = {
  identity: '姓名和证件号码核对一致',
  realPerson: '已确认是您本人在办理',
  pension: '没有查到您在领取养老金',
  socialInsurance: '没有查到您正在单位交社保',
  contractFiling: '没有查到您和单位签劳动合同的备案',
  businessRegistration: '没有查到您名下开着的公司或个体户',
  duplicate: '没有重复办理',
  commitment: '您已作出书面承诺',
  certificate: '查到您在省内已有的《就业创业证》，本次按规定补发或换发',
}

/** A check that staff will look at: what was found, in plain words; the record itself on the second line. */
const OPEN: Partial<Record<CheckName, string>> = {
  identity: '姓名和证件号码需要工作人员再核对',
  realPerson: '需要工作人员确认是您本人',
  pension: '查到您可能在领取养老金，工作人员会核实',
  socialInsurance: '查到您可能还在单位交社保，工作人员会核实',
  contractFiling: '查到您可能还有劳动合同备案，工作人员会核实',
  businessRegistration: '查到您名下可能有公司或个体户，工作人员会核实',
  duplicate: '您可能已经办过，工作人员会核实',
}

/** The source did not answer in time: nobody's fault, staff compare by hand. */
const UNAVAILABLE = '数据暂不可比对'

export function plainCheck(c: Check): PlainLine {
  const detail = (c.detail ?? '').trim()
  const record = detail.includes('：') ? detail.slice(detail.indexOf('：') + 1) : detail
  if (c.passed) return { main: PASSED[c.name] ?? (record || '核对通过'), official: checkLabel(c.name) }
  if (detail.includes(UNAVAILABLE)) return { main: '这项信息暂时查不到，由工作人员人工核对', official: detail }
  const main = OPEN[c.name]
  return main ? { main, official: record ? `查到的记录：${record.replace(/，需工作人员核实$/, '')}` : undefined } : { main: detail || '需要工作人员核实' }
}

/** 人员类别 a citizen would not know by their official names (渝人社办〔2020〕79号 form). */
export const CATEGORY_PLAIN: Record<string, string> = {
  '4050人员': '女满40岁、男满50岁，找工作有困难的人员',
  零就业家庭人员: '家里有劳动能力的人都没有工作',
  低保家庭人员: '家里在享受最低生活保障（低保）',
  农村建档立卡贫困户: '农村登记在册的贫困户',
  去产能企业职工: '原单位压减产能（关停、减产）后失去工作',
  特困救助供养人员: '在享受特困人员救助供养',
  西部志愿者: '参加过大学生志愿服务西部计划',
}

/** 纳入人社信用记录, said in the commitment's legal text, explained once below it. */
export const CREDIT_RECORD_NOTE = '“纳入人社信用记录”的意思是：如果填写的内容不真实，人力资源和社会保障部门会把这件事记在您的信用记录里，今后办理社保、就业等业务时可能受到限制。如实填写就没有影响。'
