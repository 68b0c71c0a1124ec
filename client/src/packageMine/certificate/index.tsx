import { useCallback, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { CertificateStatus, CertificateView } from '@shared/api'
import { registrationStatusText } from '@shared/registrations'
import { entryLines } from '@shared/certificate-entries'
import { beijingDate } from '@shared/dates'
import { maskIdNumber, maskName } from '@shared/mask'
import { call } from '../../services/cloud'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import { CertQr } from './CertQr'
import { ProofSave } from './ProofSave'
import './index.css'
import { Screen } from '../../components/Screen'

type State =
  | { kind: 'loading' }
  | { kind: 'empty' }
  | { kind: 'error'; message: string }
  | { kind: 'shown'; cert: CertificateView; receivedAt: number }

const CERT_STATUS: Record<CertificateStatus, string> = {
  valid: '有效',
  superseded: '已补发作废',
  revoked: '已注销',
}


export default function MyCertificate() {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [visible, setVisible] = useState(true)
  const loading = useRef(false)

  /** true when the cloud answered; a shown certificate stays on screen when it did not (the QR then expires on its own). */
  const load = useCallback(async (): Promise<boolean> => {
    if (loading.current) return false
    loading.current = true
    setState((s) => (s.kind === 'shown' ? s : { kind: 'loading' }))
    const res = await call('getMyCertificate')
    loading.current = false
    Taro.stopPullDownRefresh()
    if (res.ok) {
      setState(res.data && res.data.certificateNo ? { kind: 'shown', cert: res.data, receivedAt: Date.now() } : { kind: 'empty' })
      return true
    }
    if (res.error.code === 'NOT_FOUND') {
      // "No certificate" may come as NOT_FOUND or as an empty answer: both are the empty state.
      setState({ kind: 'empty' })
      return true
    }
    setState((s) => (s.kind === 'shown' ? s : { kind: 'error', message: res.error.message }))
    return false
  }, [])

  // Coming back from the application page must show the new certificate.
  useDidShow(() => {
    setVisible(true)
    void load()
  })
  // A hidden page neither ticks nor calls the cloud; showing it again fetches a fresh code.
  useDidHide(() => setVisible(false))
  usePullDownRefresh(() => {
    void load()
  })

  return (
    <Screen className='cert'>
      <Text className='page__title'>我的电子证</Text>
      {state.kind === 'loading' ? (
        <View id='cert-loading' className='cert__loading' role='status' aria-live='polite'>
          <Text>正在查询您的电子证…</Text>
        </View>
      ) : null}

      {state.kind === 'error' ? (
        <View id='cert-error'>
          <Notice kind='error' title='暂时无法查询电子证'>
            <Text>{state.message}</Text>
          </Notice>
          <Button id='retry' onClick={() => void load()}>
            重新查询
          </Button>
        </View>
      ) : null}

      {state.kind === 'empty' ? (
        <View id='cert-empty' className='card cert__empty'>
          <Text className='cert__empty-title'>您还没有电子就业创业证</Text>
          <Text className='cert__empty-text'>在线填写基本信息即可申领，无需上传材料，核验通过即时签发。</Text>
          <Button id='go-apply' onClick={() => Taro.navigateTo({ url: '/packageForms/certificate-apply/index' })}>
            申领《就业创业证》
          </Button>
        </View>
      ) : null}

      {state.kind === 'shown' ? (
        <Certificate
          cert={state.cert}
          receivedAt={state.receivedAt}
          active={visible}
          onRefresh={load}
        />
      ) : null}
    </Screen>
  )
}

interface CertificateProps {
  cert: CertificateView
  receivedAt: number
  active: boolean
  onRefresh: () => Promise<boolean>
}

function Certificate({ cert, receivedAt, active, onRefresh }: CertificateProps) {
  const valid = cert.status === 'valid'
  const rows: { id: string; label: string; value: string }[] = [
    { id: 'cert-no', label: '证书编号', value: cert.certificateNo },
    // The cloud masks already; masking again is harmless and keeps a slip on the server off the screen.
    { id: 'cert-holder', label: '持证人', value: maskName(cert.holderName) },
    { id: 'cert-id-number', label: '证件号码', value: maskIdNumber(cert.idNumberMasked) },
    { id: 'cert-status', label: '证书状态', value: CERT_STATUS[cert.status] ?? '状态未知' },
    { id: 'cert-issued', label: '签发日期', value: issuedDate(cert.issuedAt) },
    { id: 'cert-region', label: '签发地', value: cert.issuingRegionName ?? cert.issuingRegion },
    { id: 'cert-registration', label: '登记状态', value: registrationStatusText({ status: cert.registrationStatus, kind: cert.registrationKind }) },
    ...(cert.exchangedFrom
      ? [{ id: 'cert-exchanged', label: '换发自', value: `${cert.exchangedFrom.issuingRegionName} ${cert.exchangedFrom.issuedOn} 签发，证号 ${cert.exchangedFrom.certificateNo}` }]
      : []),
  ]
  return (
    <View>
      {!valid ? (
        <Notice id='cert-invalid' kind='error' title={`此证${CERT_STATUS[cert.status] ?? '不可用'}`}>
          <Text>此证不能再用于办理业务。如需帮助，请联系当地公共就业服务机构。</Text>
        </Notice>
      ) : null}
      <View className={`card certcard${valid ? '' : ' certcard--invalid'}`}>
        <Text className='certcard__title'>就业创业证（电子证）</Text>
        {rows.map((r) => (
          <View key={r.id} className='certcard__row'>
            <Text className='certcard__label'>{r.label}</Text>
            <Text id={r.id} className='certcard__value' userSelect={r.id === 'cert-no'}>
              {r.value}
            </Text>
          </View>
        ))}
        <View id='cert-qr-slot' className='certcard__qr'>
          {valid && cert.qrToken ? (
            <CertQr
              token={cert.qrToken}
              expiresAt={cert.qrExpiresAt}
              receivedAt={receivedAt}
              active={active}
              onRefresh={onRefresh}
              certificateNo={cert.certificateNo}
              holderName={maskName(cert.holderName)}
              registrationText={registrationStatusText({ status: cert.registrationStatus, kind: cert.registrationKind })}
            />
          ) : (
            <Text className='certcard__qr-text'>{valid ? '核验二维码暂时无法生成，请稍后下拉刷新' : '此证不能出示核验二维码'}</Text>
          )}
        </View>
      </View>
      {cert.entries ? (
        <View id='cert-entries' className='card certcard'>
          <Text className='section-title'>证上记载（{cert.entries.recordedOn} {cert.entries.source === 'provincial' ? '据全省就业信息系统' : '据本系统记录'}）</Text>
          {entryLines(cert.entries).map((r, i) => (
            <View key={r.label} className='certcard__row'>
              <Text className='certcard__label'>{r.label}</Text>
              <Text id={`cert-entry-${i}`} className='certcard__value'>
                {r.value}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {cert.registrationStatus !== 'none' && cert.registrationKind ? <ProofSave kind={cert.registrationKind} /> : null}
      {cert.status !== 'revoked' ? (
        <View className='card reissue'>
          <Text className='section-title'>证件遗失或损毁</Text>
          <Button id='reissue-open' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/packageForms/reissue/index' })}>
            申请补发
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** Beijing calendar date of an ISO time ('2026-03-02T09:15:00+08:00' → '2026-03-02'). */
function issuedDate(at: string): string {
  try {
    return beijingDate(at)
  } catch {
    return at.slice(0, 10)
  }
}
