import * as Taro from '@tarojs/taro'
import { render } from '../../../test/support/render-component'
import { Consents } from './Consents'

test('consents not given say so; nothing to withdraw', async () => {
  const r = await render(<Consents id='consents' />)
  expect(r.text('consents-idNumber')).toContain('未同意，办理时会询问')
  expect(r.text('consents-face')).toContain('未同意，办理时会询问')
  expect(r.find('consents-withdraw-idNumber')).toBeNull()
})

test('撤回 of the ID number forgets the consent and deletes the unsent forms on this phone, and says so', async () => {
  Taro.setStorageSync('consent:idNumber:v1', '2026-03-02T01:30:00.000Z')
  Taro.setStorageSync('draft:unemployment', { name: '某' })
  Taro.setStorageSync('pref:elder', true)
  const r = await render(<Consents id='consents' />)
  expect(r.text('consents-idNumber')).toContain('已同意')
  await r.tap('consents-withdraw-idNumber')
  expect(r.text('consents-idNumber')).toContain('未同意，办理时会询问')
  expect(r.text('consents-said')).toContain('已撤回“处理证件号码（填写申请时）”的同意，本机未提交的填写内容（1 份）已删除')
  expect(r.text('consents-said')).toContain('已经提交的申请不受影响')
  expect(Taro.getStorageSync('consent:idNumber:v1')).toBe('')
  expect(Taro.getStorageSync('draft:unemployment')).toBe('')
  // what is not personal stays
  expect(Taro.getStorageSync('pref:elder')).toBe(true)
})
