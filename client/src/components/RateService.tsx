import { useRef, useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import type { RatingView } from '@shared/api'
import type { AppProps } from './ApplicationView'
import { call } from '../services/cloud'
import { uuid } from '../services/ids'
import { Button } from './Button'
import { Notice } from './Notice'
import './components.css'

const STARS = [1, 2, 3, 4, 5] as const
const STAR_WORDS = ['', '非常不满意', '不满意', '一般', '满意', '非常满意']

/** 政务服务"好差评" after 办结: 1–5 and a comment, once per application (rateService). */
export function RateService({ app }: AppProps) {
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [given, setGiven] = useState<RatingView | undefined>(app.rating)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState('')
  const requestId = useRef(uuid())
  if (app.status !== 'approved' && app.status !== 'rejected') return null
  if (given) {
    return (
      <View className='card' id='rating-given'>
        <Text className='section-title'>您的评价</Text>
        <Text className='rate__given'>
          {'★'.repeat(given.score)}
          {'☆'.repeat(5 - given.score)} {given.score}星，{STAR_WORDS[given.score]}
        </Text>
        {given.comment ? <Text className='rate__comment'>“{given.comment}”</Text> : null}
        <Text className='todo__note'>谢谢您的评价，它会转给办理机构。</Text>
      </View>
    )
  }
  const submit = async () => {
    if (score === 0) return setFailure('请先选择几颗星')
    setBusy(true)
    setFailure('')
    const res = await call('rateService', { requestId: requestId.current, applicationId: app.applicationId, score, comment })
    setBusy(false)
    if (res.ok) setGiven(res.data.rating)
    else setFailure(res.error.fields ? Object.values(res.error.fields)[0] : res.error.message)
  }
  return (
    <View className='card' id='rate'>
      <Text className='section-title'>评价这次办理（好差评）</Text>
      <Text className='todo__note'>您的评价会转给办理机构，帮助他们改进。每件事评价一次。</Text>
      <View className='rate__stars' role='radiogroup' aria-label='满意程度'>
        {STARS.map((n) => (
          <View
            key={n}
            id={`rate-star-${n}`}
            className={`rate__star${score >= n ? ' rate__star--on' : ''}`}
            role='radio'
            aria-checked={score === n ? 'true' : 'false'}
            aria-label={`${n}星，${STAR_WORDS[n]}`}
            hoverClass='rate__star--hover'
            onClick={() => setScore(n)}
          >
            {score >= n ? '★' : '☆'}
          </View>
        ))}
      </View>
      <Text className='rate__word'>{score ? `${score}星：${STAR_WORDS[score]}` : '点星星打分'}</Text>
      <Textarea
        id='rate-comment'
        className='ta__input rate__text'
        value={comment}
        maxlength={200}
        placeholder='想说的话（选填，不超过200个字）'
        nativeProps={process.env.TARO_ENV === 'h5' ? { 'aria-label': '评价内容（选填）' } : undefined}
        onInput={(e) => setComment(e.detail.value)}
      />
      {failure ? (
        <Notice id='rate-error' kind='error' title='没有提交成功'>
          <Text>{failure}</Text>
        </Notice>
      ) : null}
      <Button id='rate-submit' loading={busy} loadingText='正在提交…' onClick={() => void submit()}>
        提交评价
      </Button>
    </View>
  )
}
