import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { ProofAnswer, VerifyAnswer } from '@shared/answers'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { registrationStatusText } from '@shared/registrations'
import { listTimeText, verifyOffline, type OfflineVerdict } from '@shared/offline-verify'
import { call, isNoAnswer } from '../../services/cloud'
import { isOnline, onNetworkChange } from '../../services/network'
import { timeText } from '../../services/format'
import { Button, Notice } from '../../components'
import { StaffGate } from '../common/StaffGate'
import { Scanner } from './Scanner'
import { isStale, keptList, refreshList, type KeptList } from './revocations'
import './index.css'
import { Screen } from '../../components/Screen'

/**
 * A registration proof's QR: its claims start with the registration `r` (`{"r":` = `eyJyIjoi` in
 * base64url), a certificate code's with `c` (core/proof.ts, qr/jws.ts sign the members in order).
 */
const isProofToken = (token: string) => (token.split('.')[1] ?? '').startsWith('eyJyIjoi')

export default function ScanPage() {
  return <StaffGate need='verifier'>{() => <Scan />}</StaffGate>
}

function Scan() {
  const [answer, setAnswer] = useState<VerifyAnswer | undefined>()
  const [offline, setOffline] = useState<(OfflineVerdict & { at: number }) | undefined>()
  const [kept, setKept] = useState<KeptList | null>(() => keptList())
  const [proof, setProof] = useState<ProofAnswer | undefined>()
  const [failure, setFailure] = useState('')
  const [pasted, setPasted] = useState('')
  const [pasteError, setPasteError] = useState('')
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)

  // The revocation list for scanning with no signal: fetched now if online and old, and again when
  // the network comes back (revocations.ts).
  useEffect(() => {
    const refresh = () => {
      if (isOnline() && isStale(keptList(), Date.now())) void refreshList(Date.now()).then(setKept)
    }
    refresh()
    return onNetworkChange((online) => {
      if (online) refresh()
    })
  }, [])

  /** No answer from the cloud: the kept list and keys answer instead (shared/offline-verify.ts). */
  const verifyHere = (token: string) => {
    const at = Date.now()
    const verdict = verifyOffline(token, keptList(), at)
    if (verdict.kind === 'undecided') setFailure(`当前无法联网，${verdict.text}`)
    else setOffline({ ...verdict, at })
  }

  const verify = async (raw: string) => {
    const token = raw.trim()
    if (busyRef.current || !token) return
    busyRef.current = true
    setBusy(true)
    setFailure('')
    setAnswer(undefined)
    setProof(undefined)
    setOffline(undefined)
    const done = () => {
      busyRef.current = false
      setBusy(false)
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
    }
    if (!isOnline()) {
      // A 登记证明 says what the registration is now: only the cloud knows that.
      if (isProofToken(token)) setFailure('当前无网络，登记证明需联网后核验')
      else verifyHere(token)
      return done()
    }
    if (isProofToken(token)) {
      const res = await call('verifyProof', { token })
      busyRef.current = false
      setBusy(false)
      if (res.ok) setProof(res.data)
      else setFailure(res.error.message)
      return
    }
    const res = await call('verifyCertificate', { token })
    busyRef.current = false
    setBusy(false)
    if (!res.ok && isNoAnswer(res)) {
      verifyHere(token)
      done()
    } else if (res.ok) {
      setAnswer(res.data)
      // the result is at the top: bring it into view after a scan further down the page
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
    } else {
      setFailure(res.error.message)
    }
  }

  return (
    <Screen className='staff scan'>
      <Text className='page__title'>扫码核验</Text>
      {answer ? <Result answer={answer} /> : null}
      {proof ? <ProofResult answer={proof} /> : null}
      {offline ? <OfflineResult verdict={offline} /> : null}
      {failure ? (
        <Notice id='verify-error' kind='error' title='未能完成核验'>
          <Text>{failure}</Text>
        </Notice>
      ) : null}
      <View className='card'>
        <Text className='section-title'>{answer ? '核验下一张' : '扫描电子证'}</Text>
        <Scanner busy={busy} onToken={(t) => void verify(t)} onFailure={(m) => { setAnswer(undefined); setOffline(undefined); setFailure(m) }} />
        <Text id='offline-list' className='staff__muted'>
          {kept && Date.now() / 1000 <= kept.expiresAt
            ? `无网络时可离线核验（吊销列表截至 ${listTimeText(kept.issuedAt)}）`
            : '联网时将自动保存吊销列表，供无网络时离线核验'}
        </Text>
      </View>
      <View className='card'>
        <Text className='section-title'>或粘贴二维码内容</Text>
        <Text className='ff__hint'>扫码枪或其他设备读出的内容，可粘贴在这里核验</Text>
          <Textarea
            id='scan-paste'
            className={`ta${pasteError ? ' ta--error' : ''}`}
            value={pasted}
            maxlength={2048}
            placeholder='粘贴二维码内容'
            nativeProps={process.env.TARO_ENV === 'h5' ? { 'aria-label': '二维码内容' } : undefined}
            onInput={(e) => {
              setPasted(e.detail.value)
              setPasteError('')
            }}
          />
        {pasteError ? (
          <View id='scan-paste-error' className='ff__error' role='alert'>
            <Text className='ff__error-icon' aria-hidden='true'>
              !
            </Text>
            <Text className='ff__error-text'>{pasteError}</Text>
          </View>
        ) : null}
        <View className='scan__gap' />
        <Button
          id='scan-submit'
          variant='secondary'
          loading={busy}
          loadingText='正在核验…'
          onClick={() => {
            if (!pasted.trim()) return setPasteError('请先粘贴二维码内容')
            void verify(pasted)
          }}
        >
          核验
        </Button>
      </View>
    </Screen>
  )
}

type Row = { id: string; k: string; v: string }

/** One verdict block for every kind of answer: the word and an icon (not colour alone), the reason, the rows. */
function Verdict({ valid, word, reason, rows, offline, children }: { valid: boolean; word: string; reason: string; rows: Row[]; offline?: boolean; children?: ReactNode }) {
  return (
    <View id='verify-result' className={`verdict ${valid ? 'verdict--valid' : 'verdict--invalid'}`} role='alert' aria-live='assertive' data-valid={valid ? 'true' : 'false'} data-offline={offline ? 'true' : undefined}>
      <View className='verdict__head'>
        <Text className='verdict__icon' aria-hidden='true'>
          {valid ? '✓' : '✗'}
        </Text>
        <Text className='verdict__word'>{word}</Text>
      </View>
      <Text id='verify-reason' className='verdict__reason'>
        {reason}
      </Text>
      <View className='verdict__rows'>
        {rows.map((r) => (
          <View key={r.id} className='kv'>
            <Text className='kv__k'>{r.k}</Text>
            <Text id={r.id} className='kv__v'>
              {r.v}
            </Text>
          </View>
        ))}
      </View>
      {children}
    </View>
  )
}

/** ✓ 有效 / ✗ 无效 in words and an icon, not colour alone; the masked minimum and nothing more. */
function Result({ answer }: { answer: VerifyAnswer }) {
  const rows: Row[] = []
  if (answer.holderName) rows.push({ id: 'verify-holder', k: '持证人', v: answer.holderName })
  if (answer.certificateNo) rows.push({ id: 'verify-cert-no', k: '证书编号', v: answer.certificateNo })
  if (answer.valid && answer.registrationStatus) rows.push({ id: 'verify-registration', k: '登记状态', v: registrationStatusText({ status: answer.registrationStatus, kind: answer.registrationKind }) })
  rows.push({ id: 'verify-time', k: '核验时间', v: timeText(answer.validAsOf, true) })
  return (
    <Verdict valid={answer.valid} word={answer.valid ? '有效' : '无效'} reason={answer.valid ? '电子证真实有效，为当前版本' : answer.reasonText ?? '该二维码未通过核验'} rows={rows} />
  )
}

/**
 * The offline answer: genuine and not voided as of the kept list, or why not. Nothing personal but
 * what the token carries — the certificate number, masked; name and registration need the cloud.
 */
function OfflineResult({ verdict }: { verdict: OfflineVerdict & { at: number } }) {
  const valid = verdict.kind === 'valid'
  const rows: Row[] = []
  if (verdict.certificateNoMasked) rows.push({ id: 'verify-cert-no', k: '证书编号', v: verdict.certificateNoMasked })
  rows.push({ id: 'verify-mode', k: '核验方式', v: '离线核验（本机保存的公钥和吊销列表）' })
  rows.push({ id: 'verify-time', k: '核验时间', v: timeText(verdict.at, true) })
  return (
    <Verdict valid={valid} word={valid ? '有效' : '无效'} reason={verdict.text} rows={rows} offline>
      {valid ? <Text className='staff__muted'>持证人姓名和登记状态需联网后核验查看</Text> : null}
    </Verdict>
  )
}

/** A 登记证明: genuine or not, and the registration as it is now (a proof says what was true when issued). */
function ProofResult({ answer }: { answer: ProofAnswer }) {
  const rows: Row[] = []
  if (answer.title) rows.push({ id: 'proof-title', k: '证明', v: answer.title })
  if (answer.holderName) rows.push({ id: 'proof-holder', k: '持证人', v: answer.holderName })
  if (answer.regionName) rows.push({ id: 'proof-region', k: '登记地区', v: answer.regionName })
  if (answer.registrationStatusText) rows.push({ id: 'proof-registration', k: '登记现状', v: answer.registrationStatusText })
  if (answer.issuedOn) rows.push({ id: 'proof-issued', k: '开具日期', v: `${answer.issuedOn}（${answer.validUntil ?? ''} 前有效）` })
  rows.push({ id: 'verify-time', k: '核验时间', v: timeText(answer.validAsOf, true) })
  return (
    <Verdict valid={answer.valid} word={answer.valid ? '真实' : '无效'} reason={answer.valid ? '登记证明真实，由本系统开具' : answer.reasonText ?? '该二维码未通过核验'} rows={rows} />
  )
}
