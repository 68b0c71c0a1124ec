import { render } from '../../../test/support/render-component'
import { Querying } from './Querying'

test('says it is querying, as a polite status for screen readers', async () => {
  const r = await render(<Querying id='loading' className='page__lead' />)
  expect(r.byId('loading').getAttribute('role')).toBe('status')
  expect(r.byId('loading').getAttribute('aria-live')).toBe('polite')
  expect(r.text('loading')).toBe('正在查询，请稍候…')
})
