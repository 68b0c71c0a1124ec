import { splitPhones } from './phones'
import { followsLargeText } from './fontSize'

describe('phone numbers in messages (issue 17: tappable, never broken)', () => {
  it('finds landlines with area code, mobiles and service lines, and nothing in dates or ids', () => {
    const parts = splitPhones('请于2026-03-17前致电0411-82345678或拨打12333，也可联系13812345678。编号210204199001011234。')
    expect(parts.filter((p) => p.phone).map((p) => p.phone)).toEqual(['0411-82345678', '12333', '13812345678'])
    expect(parts.map((p) => p.text).join('')).toBe('请于2026-03-17前致电0411-82345678或拨打12333，也可联系13812345678。编号210204199001011234。')
  });
  it('leaves text without a number whole', () => {
    expect(splitPhones('您的失业登记已办结')).toEqual([{ text: '您的失业登记已办结' }])
  });
});

describe('following WeChat font size (WeChat 适老化 guide: 22 px and up)', () => {
  it('turns 长辈模式 on for 关怀模式 (23.8) and +4 (22), not for the standard 17 or unknown', () => {
    expect(followsLargeText(23.8)).toBe(true)
    expect(followsLargeText(22)).toBe(true)
    expect(followsLargeText(17)).toBe(false)
    expect(followsLargeText(undefined)).toBe(false)
  });
});
