import { useRef, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { IdCardReading } from '@shared/id-card-ocr'
import { call } from '../services/cloud'
import { pickIdCardPhoto } from '../services/idCardPhoto'
import { Button } from './Button'
import { Notice } from './Notice'

type Shown = { kind: 'read'; text: string } | { kind: 'failed'; text: string } | null

/**
 * 拍照识别身份证 (issue 17 "No retyping where a library does it"): a photo of the 人像面 fills 姓名, 证件号码
 * and 户籍地址 through `recognizeIdCard`; the fields stay editable and the page says 请核对识别结果. The
 * photo is sent once and kept nowhere (cloudfunctions/core/handlers/recognizeIdCard.handler.ts).
 */
export function IdCardScan({ onRead }: { /** the card was read: the form fills 姓名, 证件号码 and 户籍地址 from it, still editable */ onRead: (reading: IdCardReading) => void }) {
  const [busy, setBusy] = useState(false)
  const [shown, setShown] = useState<Shown>(null)
  const busyRef = useRef(false)

  const scan = async () => {
    if (busyRef.current) return
    busyRef.current = true
    setShown(null)
    try {
      const picture = await pickIdCardPhoto()
      if (!picture) return
      setBusy(true)
      const res = await call('recognizeIdCard', { imageBase64: picture })
      if (!res.ok) {
        setShown({ kind: 'failed', text: res.error.fields?.imageBase64 ?? res.error.message })
        return
      }
      onRead(res.data)
      // the notice's title already says 请核对识别结果
      setShown({ kind: 'read', text: res.data.notice.replace(/^请核对识别结果：/, '') })
    } catch (err) {
      setShown({ kind: 'failed', text: err instanceof Error && err.message ? err.message : '没能识别，请手动填写' })
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }

  return (
    <View id='idcard-scan' className='idscan'>
      <Button id='idcard-scan-button' variant='secondary' loading={busy} loadingText='正在识别身份证…' onClick={() => void scan()}>
        拍照识别身份证
      </Button>
      <Text className='ff__hint'>拍身份证有照片的一面，自动填写姓名、证件号码和户籍地址。照片只用于识别，不保存。</Text>
      {shown?.kind === 'read' ? (
        <Notice id='idcard-scan-read' kind='info' title='请核对识别结果'>
          <Text>{shown.text}</Text>
        </Notice>
      ) : null}
      {shown?.kind === 'failed' ? (
        <Notice id='idcard-scan-error' kind='error' title='没能识别身份证'>
          <Text>{shown.text}</Text>
        </Notice>
      ) : null}
    </View>
  )
}
