import { render } from '../../../test/support/render-component'
import { call } from '../services/cloud'
import { pickIdCardPhoto } from '../services/idCardPhoto'
import { IdCardScan } from './IdCardScan'

// test doubles: the camera / file picker (a device) and the cloud (recognizeIdCard)
jest.mock('../services/idCardPhoto', () => ({ pickIdCardPhoto: jest.fn() }))
jest.mock('../services/cloud', () => ({ call: jest.fn() }))
const pick = pickIdCardPhoto as jest.MockedFunction<typeof pickIdCardPhoto>
const cloud = call as unknown as jest.Mock
beforeEach(() => {
  pick.mockReset()
  cloud.mockReset()
})

const reading = { name: '张三', idNumber: '110101199001011237', address: '北京市东城区某街1号', notice: '请核对识别结果：地址可能不完整' }

test('a photo read: the fields are filled and the page asks to check them', async () => {
  pick.mockResolvedValue('BASE64')
  cloud.mockResolvedValue({ ok: true, data: reading })
  const onRead = jest.fn()
  const r = await render(<IdCardScan onRead={onRead} />)
  expect(r.text('idcard-scan')).toContain('照片只用于识别，不保存')
  await r.tap('idcard-scan-button')
  expect(cloud).toHaveBeenCalledWith('recognizeIdCard', { imageBase64: 'BASE64' })
  expect(onRead).toHaveBeenCalledWith(reading)
  expect(r.text('idcard-scan-read')).toContain('请核对识别结果')
  expect(r.text('idcard-scan-read')).toContain('地址可能不完整')
})

test('a photo not read: the cloud’s Chinese reason, and nothing filled', async () => {
  pick.mockResolvedValue('BASE64')
  cloud.mockResolvedValue({ ok: false, error: { code: 'VALIDATION', message: '提交的信息有误', fields: { imageBase64: '照片不清楚，请重拍' } } })
  const onRead = jest.fn()
  const r = await render(<IdCardScan onRead={onRead} />)
  await r.tap('idcard-scan-button')
  expect(r.text('idcard-scan-error')).toContain('没能识别身份证')
  expect(r.text('idcard-scan-error')).toContain('照片不清楚，请重拍')
  expect(onRead).not.toHaveBeenCalled()
})

test('no camera here: its Chinese message; cancelled: nothing at all', async () => {
  pick.mockRejectedValueOnce(new Error('当前环境不能拍照，请手动填写'))
  const r = await render(<IdCardScan onRead={() => undefined} />)
  await r.tap('idcard-scan-button')
  expect(r.text('idcard-scan-error')).toContain('当前环境不能拍照，请手动填写')
  pick.mockResolvedValueOnce(null)
  await r.tap('idcard-scan-button')
  expect(r.find('idcard-scan-error')).toBeNull()
  expect(r.find('idcard-scan-read')).toBeNull()
  expect(cloud).not.toHaveBeenCalled()
})

test('while reading, the button says so and a second tap sends nothing more', async () => {
  pick.mockResolvedValue('BASE64')
  let answer: (v: unknown) => void = () => undefined
  cloud.mockImplementation(() => new Promise((res) => (answer = res)))
  const r = await render(<IdCardScan onRead={() => undefined} />)
  await r.tap('idcard-scan-button')
  expect(r.text('idcard-scan-button')).toBe('正在识别身份证…')
  await r.tap('idcard-scan-button')
  expect(cloud).toHaveBeenCalledTimes(1)
  answer({ ok: true, data: reading })
  await r.settle()
  expect(r.text('idcard-scan-button')).toBe('拍照识别身份证')
})
