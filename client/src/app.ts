import { PropsWithChildren } from 'react'
import { useDidShow, useLaunch } from '@tarojs/taro'
import { initCloud } from './services/cloud'
import { startKeyboardSupport } from './services/keyboard'
import { startNetworkWatch } from './services/network'
import { flushOutbox, startOutbox } from './services/outbox'
import { startPrivacyGuide } from './services/privacy'

import './app.css'

function App({ children }: PropsWithChildren<unknown>) {
  useLaunch(() => {
    // weapp: Taro.cloud.init (backend.weapp.ts); H5: the demo identity (backend.h5.ts).
    initCloud()
    // Submissions kept while offline (services/outbox.ts) go out now and whenever the network returns.
    startNetworkWatch()
    startOutbox()
    startKeyboardSupport()
    // weapp: every privacy API waits for the person's answer to the privacy guide (services/privacy.ts)
    startPrivacyGuide()
  })
  // Back in front after a while away: try what is still waiting.
  useDidShow(() => void flushOutbox())

  // children = the page being shown
  return children
}

export default App
