import { useState } from 'react'
import { render } from '../../../test/support/render-component'
import { TextAreaField } from './TextAreaField'

function Kept({ maxlength }: { maxlength?: number }) {
  const [value, setValue] = useState('')
  return <TextAreaField path='remarks' label='其他需要说明的事项' value={value} onChange={setValue} maxlength={maxlength} />
}

test('the hint counts what is typed against the limit', async () => {
  const r = await render(<Kept maxlength={200} />)
  expect(r.text('wrap-remarks')).toContain('最多 200 字，现在 0 字')
  await r.type('field-remarks', '已在社区登记')
  expect(r.text('wrap-remarks')).toContain('最多 200 字，现在 6 字')
  expect(r.byId('field-remarks').querySelector('textarea')?.getAttribute('aria-label')).toBe('其他需要说明的事项')
})

test('an error is shown under the box and the box points at it', async () => {
  const r = await render(<TextAreaField path='remarks' label='其他需要说明的事项' value='' onChange={() => undefined} error='不能超过500字' />)
  expect(r.text('error-remarks')).toContain('不能超过500字')
  expect(r.byId('field-remarks').querySelector('textarea')?.getAttribute('aria-describedby')).toBe('error-remarks')
})
