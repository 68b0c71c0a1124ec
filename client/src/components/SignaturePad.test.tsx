import { useState } from 'react'
import { render } from '../../../test/support/render-component'
import { SignaturePad } from './SignaturePad'

// SignaturePad resolves to SignaturePad.h5.tsx here, as in the H5 build (jest.config.js). jsdom has no
// 2D canvas: getContext answers null, as a browser without one would, so strokes are not drawn here.
beforeEach(() => {
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})

function Kept({ initial = '', onChange }: { initial?: string; onChange: (v: string) => void }) {
  const [value, setValue] = useState(initial)
  return (
    <SignaturePad
      value={value}
      onChange={(v) => {
        setValue(v)
        onChange(v)
      }}
    />
  )
}

test('an empty pad: a labelled writing area and 尚未签名', async () => {
  const r = await render(<Kept onChange={() => undefined} />)
  expect(r.byId('signature-pad').getAttribute('aria-label')).toBe('手写签名区域：用手指在框内写下您的姓名')
  expect(r.text()).toContain('尚未签名')
})

test('清除 empties the signature', async () => {
  const onChange = jest.fn()
  const r = await render(<Kept onChange={onChange} />)
  await r.tap('signature-clear')
  expect(onChange).toHaveBeenCalledWith('')
})

test('a kept signature shows as a picture; writing again starts on a blank pad', async () => {
  const onChange = jest.fn()
  const r = await render(<Kept initial='data:image/png;base64,AAAA' onChange={onChange} />)
  expect(r.byId('signature-image').getAttribute('aria-label')).toBe('您的手写签名')
  expect(r.find('signature-pad')).toBeNull()
  await r.tap('signature-redo')
  expect(onChange).toHaveBeenCalledWith('')
  expect(r.find('signature-pad')).not.toBeNull()
  expect(r.text()).toContain('尚未签名')
})
