/**
 * The FaceID (慧眼) face check, shown in a web-view: the URL comes from the cloud's DetectAuth. When
 * the person leaves this page (FaceID redirects back, or they go back), the page that opened it is
 * told, and it asks the cloud to confirm the result with FaceID.
 */
import { WebView, Text } from '@tarojs/components'
import Taro, { useRouter, useUnload } from '@tarojs/taro'
import { Screen } from '../../components/Screen'

export default function RealPersonPage() {
  const router = useRouter()
  const url = decodeURIComponent(router.params.u ?? '')
  useUnload(() => {
    const page = Taro.getCurrentInstance().page as unknown as { getOpenerEventChannel?: () => { emit: (e: string) => void } }
    page?.getOpenerEventChannel?.().emit('done')
  })
  if (!/^https:\/\//.test(url)) {
    return (
      <Screen>
        <Text>核验地址无效，请返回重试。</Text>
      </Screen>
    )
  }
  return <WebView src={url} />
}
