/** After 提交: the registration's outcome, or the notice that it is kept on the phone until the network is back. */
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ApplicationView } from '@shared/api'
import { Button } from '../Button'
import { Notice } from '../Notice'
import { Screen } from '../Screen'
import { CheckList, DueDate, NextStep, StatusHeadline } from '../ApplicationView'
import { OfficeCard, WhatToDo } from '../CaseExtras'

const goHome = () => Taro.reLaunch({ url: '/pages/index/index' })

export function RegistrationResult({ outcome }: { outcome: ApplicationView }) {
  return (
    <Screen className='wiz' id='result'>
      <StatusHeadline app={outcome} />
      {outcome.status === 'approved' ? (
        <Notice kind='success' title='系统比对全部通过，已为您办结'>
          <Text>无需到窗口办理，也无需提交任何材料。</Text>
        </Notice>
      ) : outcome.status === 'pending_review' ? (
        <Notice kind='info' title='有的信息需要工作人员核实'>
          <Text>下面标着“需核实”的项目会由工作人员核实。您不需要补交材料，有结果会通知您。</Text>
        </Notice>
      ) : null}
      <DueDate app={outcome} />
      <WhatToDo app={outcome} />
      <OfficeCard office={outcome.office} />
      <CheckList checks={outcome.checks} />
      {outcome.certificate ? (
        <View className='card'>
          <Text className='section-title'>电子《就业创业证》</Text>
          <Text className='wiz__line'>证书编号：{outcome.certificate.certificateNo}</Text>
        </View>
      ) : null}
      <NextStep app={outcome} />
      <Button id='go-progress' onClick={() => Taro.redirectTo({ url: `/packageMine/progress/index?id=${encodeURIComponent(outcome.applicationId)}` })}>
        查看办理进度
      </Button>
      <Button id='go-home' variant='secondary' onClick={goHome}>
        返回首页
      </Button>
    </Screen>
  )
}

/** No answer came: the submission is kept on the phone and sent by the outbox (services/outbox.ts) when the network is back. */
export function KeptView({ className, what }: { className: string; what: string }) {
  return (
    <Screen className={className} id='result-kept'>
      <Notice id='kept-notice' kind='info' title='已保存，联网后自动提交'>
        <Text>现在网络不通。您的{what}已保存在本机，联网后会自动提交，不用重填，也不会重复提交。提交后可以在“进度查询”里查看结果。</Text>
      </Notice>
      <Button id='go-home' onClick={goHome}>
        返回首页
      </Button>
    </Screen>
  )
}
