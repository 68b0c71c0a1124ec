import * as Taro from '@tarojs/taro'
import { render, replaceTaroApi } from '../../../test/support/render-component'
import { IdNumberConsent } from './IdNumberConsent'

const form = (
  <IdNumberConsent service='失业登记' guideKind='unemployment'>
    <span id='the-form'>表单</span>
  </IdNumberConsent>
)

test('before an answer: what is collected, why, how long, who sees it — and the form is not there yet', async () => {
  const r = await render(form)
  expect(r.text('id-consent-what')).toContain('收集什么')
  expect(r.text('id-consent-why')).toContain('用来做什么')
  expect(r.text('id-consent-keep')).toContain('保存多久')
  expect(r.text('id-consent-who')).toContain('谁能看到')
  expect(r.text('id-consent-ask')).toContain('证件号码需要您单独同意')
  expect(r.find('the-form')).toBeNull()
})

test('不同意 keeps nothing, shows the way at the counter, and can be reconsidered', async () => {
  // test double: Taro.navigateTo needs the app's router
  const navigateTo = replaceTaroApi('navigateTo')
  const r = await render(form)
  await r.tap('id-consent-decline')
  expect(r.text('id-consent-declined')).toContain('您没有同意，没有保存您的任何信息')
  expect(r.find('the-form')).toBeNull()
  expect(localStorage.length).toBe(0)
  await r.tap('id-consent-guide')
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packageForms/guide/index?kind=unemployment' })
  await r.tap('id-consent-again')
  expect(r.find('id-consent-agree')).not.toBeNull()
})

test('同意 shows the form at once and is kept, so the next form does not ask again', async () => {
  const r = await render(form)
  await r.tap('id-consent-agree')
  expect(r.find('the-form')).not.toBeNull()
  expect(r.find('id-consent')).toBeNull()
  expect(Taro.getStorageSync('consent:idNumber:v1')).not.toBe('')
  const next = await render(form)
  expect(next.find('id-consent-ask')).toBeNull()
  expect(next.container.querySelector('#the-form')).not.toBeNull()
})
