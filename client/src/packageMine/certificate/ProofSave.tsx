import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { call } from '../../services/cloud'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import { saveProof } from './saveProof'

const TITLE = { unemployment: '失业登记证明', flexible: '就业登记证明' } as const

/**
 * 失业登记证明 / 就业登记证明 (getRegistrationProof): a PDF of the registration's facts with a QR
 * staff verify, for 失业保险金, 就业困难人员认定 or the 社区. Made by the cloud on the day asked.
 */
export function ProofSave({ kind }: { kind: 'unemployment' | 'flexible' }) {
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState('')
  const [error, setError] = useState('')
  const title = TITLE[kind]

  const save = async () => {
    if (busy) return
    setBusy(true)
    setDone('')
    setError('')
    const res = await call('getRegistrationProof', { kind })
    if (!res.ok) {
      setBusy(false)
      return setError(res.error.message)
    }
    try {
      setDone(await saveProof(res.data.fileName, res.data.pdfBase64))
    } catch {
      setError('证明已生成，但未能保存到手机，请稍后重试')
    }
    setBusy(false)
  }

  return (
    <View id='proof' className='card proof'>
      <Text className='section-title'>{title}</Text>
      <Text className='proof__text'>
        办理失业保险金、就业困难人员认定或社区事务时需要的{title}（PDF），写明您的登记情况和开具日期，附可扫码核验的二维码，30 天内有效。
      </Text>
      {error ? (
        <Notice id='proof-error' kind='error' title='未能开具证明'>
          <Text>{error}</Text>
        </Notice>
      ) : null}
      {done ? (
        <View id='proof-saved' className='proof__done' role='status'>
          <Text>{done}</Text>
        </View>
      ) : null}
      <Button id='proof-save' variant='secondary' loading={busy} loadingText='正在生成证明…' onClick={() => void save()}>
        {`下载${title}`}
      </Button>
    </View>
  )
}
