import { render } from '../../../test/support/render-component'
import { Notice } from './Notice'

test.each([
  ['info', '提示', 'status', 'i'],
  ['error', '出错了', 'alert', '!'],
  ['success', '成功', 'status', '✓'],
] as const)('a %s notice says 「%s」 in words and an icon, announced as %s', async (kind, word, role, icon) => {
  const r = await render(<Notice id='n' kind={kind}>请稍后再试</Notice>)
  const n = r.byId('n')
  expect(n.getAttribute('role')).toBe(role)
  expect(n.querySelector('[aria-hidden="true"]')?.textContent).toBe(icon)
  expect(r.text('n')).toBe(`${icon}${word}请稍后再试`)
})

test('a title of its own replaces the kind word', async () => {
  const r = await render(<Notice id='n' kind='error' title='没有提交成功' />)
  expect(r.text('n')).toBe('!没有提交成功')
})
