/** After 提交 of a 申领: the certificate issued, the review it waits for, or the application accepted. */
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ApplicationView } from '@shared/api'
import { Button, Notice } from '../../components'
import { Screen } from '../../components/Screen'
import { CheckList } from '../../components/ApplicationView'

export type Outcome = { kind: 'issued'; app: ApplicationView } | { kind: 'pending'; app: ApplicationView } | { kind: 'other'; app: ApplicationView }

/** Which result a submitted 申领 shows. */
export function outcomeOf(app: ApplicationView): Outcome {
  const kind = app.status === 'approved' && app.certificate ? 'issued' : app.status === 'pending_review' ? 'pending' : 'other'
  return { kind, app }
}

export function Result({ outcome, onAgain, clear }: { outcome: Outcome; onAgain: () => void; clear: () => void }) {
  const { app } = outcome
  const goCertificate = () => Taro.redirectTo({ url: '/packageMine/certificate/index' })
  const goHome = () => {
    clear()
    onAgain()
    Taro.reLaunch({ url: '/pages/index/index' })
  }
  // 查看我的电子证, then 返回首页
  const twoWays = (
    <>
      <Button id='go-certificate' onClick={goCertificate}>
        查看我的电子证
      </Button>
      <Button id='go-home' variant='secondary' onClick={goHome}>
        返回首页
      </Button>
    </>
  )
  if (outcome.kind === 'issued') {
    return (
      <Screen className='apply' id='result-issued'>
        <Notice kind='success' title='电子证已签发'>
          <Text>您的电子《就业创业证》已签发，可在“我的电子证”中随时查看。</Text>
        </Notice>
        <View className='card'>
          <Text className='result__label'>证书编号</Text>
          <Text id='cert-no' className='result__number' userSelect>
            {app.certificate?.certificateNo}
          </Text>
        </View>
        {twoWays}
      </Screen>
    )
  }
  if (outcome.kind === 'pending') {
    return (
      <Screen className='apply' id='result-pending'>
        <Notice kind='info' title='申请已提交，需要工作人员核实'>
          <Text>系统自动核验时，有的信息需要工作人员进一步核实。您不需要补交材料，核实后会通知您结果。</Text>
        </Notice>
        <CheckList checks={app.checks} />
        {app.dueDate ? (
          <View className='card'>
            <Text className='result__label'>预计办结日期</Text>
            <Text id='due-date' className='result__number'>
              {app.dueDate}
            </Text>
            <Text className='result__hint'>
              {app.dueDateUncertain ? '（按工作日推算，节假日安排公布后可能调整）' : '（按工作日计算）'}
            </Text>
          </View>
        ) : null}
        {app.nextStep ? <Text className='page__lead'>{app.nextStep}</Text> : null}
        <Button id='go-home' onClick={goHome}>
          返回首页
        </Button>
      </Screen>
    )
  }
  return (
    <Screen className='apply' id='result-other'>
      <Notice kind='info' title='申请已受理'>
        <Text>{app.nextStep || '请在“我的电子证”中查看办理情况。'}</Text>
      </Notice>
      {twoWays}
    </Screen>
  )
}
