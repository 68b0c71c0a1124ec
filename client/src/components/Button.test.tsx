import { useState } from 'react'
import { render } from '../../../test/support/render-component'
import { Button } from './Button'

test('a tap calls onClick once; the button is a button to assistive technology', async () => {
  const onClick = jest.fn()
  const r = await render(<Button id='go' onClick={onClick}>提交申请</Button>)
  const button = r.byId('go')
  expect(button.getAttribute('role')).toBe('button')
  expect(r.text('go')).toBe('提交申请')
  await r.tap(button)
  expect(onClick).toHaveBeenCalledTimes(1)
})

/** A page that starts submitting on the first tap, as the forms do. */
function Submitting({ onSubmit }: { onSubmit: () => void }) {
  const [busy, setBusy] = useState(false)
  return (
    <Button id='submit' loading={busy} loadingText='正在提交…' onClick={() => { setBusy(true); onSubmit() }}>
      提交
    </Button>
  )
}

test('while loading it says what it is doing in words and refuses a second tap', async () => {
  const onSubmit = jest.fn()
  const r = await render(<Submitting onSubmit={onSubmit} />)
  await r.tap('submit')
  expect(r.text('submit')).toBe('正在提交…')
  expect(r.byId('submit').getAttribute('aria-busy')).toBe('true')
  expect(r.byId('submit').getAttribute('aria-disabled')).toBe('true')
  await r.tap('submit')
  expect(onSubmit).toHaveBeenCalledTimes(1)
})

test('a disabled button is marked so and does nothing when tapped', async () => {
  const onClick = jest.fn()
  const r = await render(<Button id='off' variant='secondary' disabled onClick={onClick}>下一步</Button>)
  expect(r.byId('off').className).toContain('btn--inactive')
  expect(r.byId('off').hasAttribute('disabled')).toBe(true)
  await r.tap('off')
  expect(onClick).not.toHaveBeenCalled()
})

test('an active button carries no disabled attribute (the H5 component greys out on any disabled value)', async () => {
  const r = await render(<Button id='on'>下一步</Button>)
  expect(r.byId('on').hasAttribute('disabled')).toBe(false)
  expect(r.byId('on').className).toBe('btn btn--primary')
})
