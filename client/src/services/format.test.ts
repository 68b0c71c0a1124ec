import { plain } from './format'

describe('plain: what a citizen reads carries no notice citation', () => {
  it('drops a parenthesis that holds an official document number', () => {
    expect(plain('工作人员将在5个工作日内与您联系（人社厅发〔2020〕79号 一(三)）')).toBe('工作人员将在5个工作日内与您联系')
    expect(plain('请按时确认（大人社规发〔2025〕2号 三(三)）。')).toBe('请按时确认。')
  })

  it('keeps every other parenthesis', () => {
    expect(plain('常住地址（选填）')).toBe('常住地址（选填）')
    expect(plain('单位参保：大连星海机械有限公司（2021-04-01 起）')).toBe('单位参保：大连星海机械有限公司（2021-04-01 起）')
  })
})
