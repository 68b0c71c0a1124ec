import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initCloud } from './services/cloud'

import './app.css'

function App({ children }: PropsWithChildren<unknown>) {
  useLaunch(() => {
    // weapp: Taro.cloud.init (backend.weapp.ts); H5: the demo identity (backend.h5.ts).
    initCloud()
  })

  // children = the page being shown
  return children
}

export default App
