/**
 * 窗口核验身份 (staff side of the counter route): the person shows the 8-digit code from the mini-program and
 * their document; staff type the code and what they read on the document (type, number, name). Only when
 * the document says what the person claimed is their WeChat account bound to them (`confirmIdentityAtCounter`,
 * audited, told to the person; never for a staff member's own account).
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { ID_TYPES } from '@shared/codes'
import { call } from '../../services/cloud'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import { PickerField } from '../../components/PickerField'
import { Screen } from '../../components/Screen'
import { TextField } from '../../components/TextField'
import { StaffGate } from '../common/StaffGate'

export default function CounterPage() {
  return <StaffGate need='verifier'>{() => <Counter />}</StaffGate>
}

function Counter() {
  const [code, setCode] = useState('')
  const [documentType, setDocumentType] = useState('01')
  const [documentNumber, setDocumentNumber] = useState('')
  const [name, setName] = useState('')
  const [fields, setFields] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState('')
  const [done, setDone] = useState<{ holderName: string; idNumberMasked: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const confirm = async () => {
    setBusy(true)
    setFailure('')
    setFields({})
    setDone(null)
    const res = await call('confirmIdentityAtCounter', { code, documentType, documentNumber: documentNumber.trim(), name: name.trim() })
    setBusy(false)
    if (!res.ok) {
      setFields(res.error.fields ?? {})
      return setFailure(res.error.message)
    }
    setDone(res.data)
    setCode('')
    setDocumentNumber('')
    setName('')
  }

  return (
    <Screen className='staff' id='staff-counter'>
      <Text className='page__title'>窗口核验身份</Text>
      <Text className='page__lead'>请申请人出示小程序中的核验码和证件原件，按证件填写。证件与申请人填写的一致时才能确认。</Text>
      {failure ? (
        <Notice id='staff-counter-error' kind='error' title='未能确认'>
          <Text>{failure}</Text>
        </Notice>
      ) : null}
      {done ? (
        <Notice id='staff-counter-done' kind='success' title='已确认本人身份'>
          <Text>
            {done.holderName}（{done.idNumberMasked}）的微信账号已可办理本人业务，已通知申请人。
          </Text>
        </Notice>
      ) : null}
      <View className='card'>
        <TextField path='code' label='核验码（8位）' required kind='tel' value={code} onChange={setCode} maxlength={8} error={fields.code} />
        <PickerField path='documentType' label='所见证件类型' required items={ID_TYPES} value={documentType} onChange={setDocumentType} error={fields.documentType} />
        <TextField path='documentNumber' label='证件号码' required kind='idcard' value={documentNumber} onChange={setDocumentNumber} maxlength={20} error={fields.documentNumber} />
        <TextField path='name' label='证件上的姓名' required value={name} onChange={setName} maxlength={50} error={fields.name} />
        <Button id='staff-counter-submit' loading={busy} loadingText='正在确认…' onClick={() => void confirm()}>
          确认本人身份
        </Button>
      </View>
    </Screen>
  )
}
