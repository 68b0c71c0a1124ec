import { setElder } from '../services/elder'
import { render } from '../../../test/support/render-component'
import { Screen } from './Screen'

test('the page root: main landmark, its class, the page content, and no banner or dialog when all is well', async () => {
  const boot = document.createElement('div')
  boot.id = 'boot'
  document.body.appendChild(boot)
  const r = await render(
    <Screen id='home' className='home'>
      <span id='content'>首页</span>
    </Screen>,
  )
  const page = r.byId('home')
  expect(page.getAttribute('role')).toBe('main')
  expect(page.className).toBe('page home')
  expect(page.contains(r.byId('content'))).toBe(true)
  expect(r.find('offline-banner')).toBeNull()
  expect(r.find('privacy-dialog')).toBeNull()
  // H5: the frame index.html painted before the app goes once a page is up
  expect(document.getElementById('boot')).toBeNull()
})

test('in 长辈模式 the root carries the elder class', async () => {
  setElder(true)
  const r = await render(<Screen id='p' />)
  expect(r.byId('p').className).toBe('page elder')
})
