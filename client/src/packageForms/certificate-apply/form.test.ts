import { makeApplyCertificateSchema } from '@shared/certificate.schema'
import { validate } from '@shared/validate'
import { correctionDraft, newDraft, restoreDraft, setAt, toInput, type Draft } from './form'

const today = '2026-11-23'
const schema = makeApplyCertificateSchema({ today })

function filled(): Draft {
  const d = newDraft()
  let v = d.values
  for (const [k, x] of Object.entries({
    name: '王建国', idType: '01', idNumber: '210202199003151255', gender: '1', ethnicity: '01',
    education: '21', health: '1', 'hukouAddress.regionCode': '210202', 'hukouAddress.detail': '人民路1号',
    phone: '13812345678',
  })) v = setAt(v, k, x)
  return { ...d, values: v, sameAsHukou: true, accepted: true }
}

describe('the 申领 form', () => {
  it('sends what the shared schema accepts, with the residence copied when it is the hukou address', () => {
    const input = toInput(filled())
    expect(input.residenceAddress).toEqual({ regionCode: '210202', detail: '人民路1号' })
    expect(validate(schema, input).ok).toBe(true)
  })

  it('sends the 个人信息书面申报承诺 only once ticked, on its current text (大人社规发〔2025〕2号 一(三))', () => {
    expect(toInput(filled()).commitment).toEqual({ accepted: true, textVersion: 'certificate-2025-v1' })
    const unticked = toInput({ ...filled(), accepted: false })
    expect(unticked).not.toHaveProperty('commitment')
    const r = validate(schema, unticked)
    expect(r.ok ? {} : r.fields).toEqual({ commitment: '请阅读并勾选承诺' })
  })

  it('退回补正: opens with the returned answers, a new requestId, the commitment to give again, and sends the link', () => {
    const returned = toInput(filled())
    const d = correctionDraft('app-returned-1', { ...returned, requestId: 'old' })
    expect(d.values.name).toBe('王建国')
    expect(d.sameAsHukou).toBe(true)
    expect(d.accepted).toBe(false)
    expect(d.requestId).not.toBe('old')
    const input = toInput({ ...d, accepted: true })
    expect(input.correctsApplicationId).toBe('app-returned-1')
    expect(validate(schema, input).ok).toBe(true)
  })

  it('leaves out optional fields that are empty and fields that do not apply', () => {
    const d = filled()
    d.values = { ...d.values, birthDate: '1990-03-15', disabilityLevel: '3' }
    const input = toInput(d)
    for (const k of ['landline', 'email', 'politicalStatus', 'birthDate', 'disabilityLevel']) expect(input).not.toHaveProperty(k)
  })

  it('asks for a birth date only for 通行证 holders, and reports it on its own field', () => {
    const d = filled()
    d.values = { ...d.values, idType: '04', idNumber: 'H12345678' }
    const r = validate(schema, toInput(d))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(Object.keys(r.fields)).toContain('birthDate')
  })

  it('keeps the requestId of a stored draft, so a resent submission is the same one', () => {
    const d = filled()
    const back = restoreDraft(JSON.parse(JSON.stringify(d)))
    expect(back?.requestId).toBe(d.requestId)
    expect(toInput(back!).requestId).toBe(d.requestId)
    expect(restoreDraft('garbage')).toBeUndefined()
  })
})
