/**
 * 进度查询 (docs/product.md flow 4): the person's applications, newest first; one of them opened shows
 * its timeline, the checks with their reasons, the due date in working days, a rejection's
 * reason and what the person can do next. `?id=<applicationId>` opens one directly (result screens).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ApplicationView } from '@shared/api'
import { call } from '../../services/cloud'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import { Querying } from '../../components/Querying'
import { CheckList, Decision, DueDate, KIND_LABELS, NextStep, STATUS_LABELS, StatusHeadline, Timeline, isOverdue, shortTime } from '../../components/ApplicationView'
import { AfterAnswer, HardshipCard, InsuranceClaimCard, OfficeCard, Overdue, RateService, Receipt, Returned, WhatToDo } from '../../components/CaseExtras'
import './index.css'
import { Screen } from '../../components/Screen'

type Load<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T }

const SERVICES = [
  { id: 'empty-go-unemployment', title: '办理失业登记', url: '/packageForms/unemployment/index' },
  { id: 'empty-go-flexible', title: '办理灵活就业登记', url: '/packageForms/flexible/index' },
  { id: 'empty-go-certificate', title: '申领《就业创业证》', url: '/packageForms/certificate-apply/index' },
]

export default function Progress() {
  const router = useRouter()
  const [openId, setOpenId] = useState<string | undefined>(() => {
    const id = router.params?.id
    return id ? decodeURIComponent(id) : undefined
  })
  const [list, setList] = useState<Load<ApplicationView[]>>({ state: 'loading' })
  const [detail, setDetail] = useState<Load<ApplicationView>>({ state: 'loading' })

  const loadList = useCallback(async () => {
    setList({ state: 'loading' })
    const res = await call('listMyApplications')
    setList(res.ok ? { state: 'ready', data: res.data.applications } : { state: 'error', message: res.error.message })
  }, [])

  const loadDetail = useCallback(async (id: string) => {
    setDetail({ state: 'loading' })
    const res = await call('getProgress', { applicationId: id })
    setDetail(res.ok ? { state: 'ready', data: res.data } : { state: 'error', message: res.error.message })
  }, [])

  const openRef = useRef(openId)
  openRef.current = openId
  const reload = useCallback(() => {
    if (openRef.current) void loadDetail(openRef.current)
    else void loadList()
  }, [loadDetail, loadList])

  useEffect(reload, [reload])
  // Coming back to the page (e.g. from a message) shows what is current; the first show is the mount.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })

  const open = (id: string) => {
    setOpenId(id)
    void loadDetail(id)
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  if (openId) {
    return (
      <Screen className='progress' id='progress-detail'>
        <Text className='page__title'>办理进度</Text>
        {detail.state === 'loading' ? <Loading /> : null}
        {detail.state === 'error' ? <Failed message={detail.message} onRetry={() => void loadDetail(openId)} /> : null}
        {detail.state === 'ready' ? (
          <View>
            <StatusHeadline app={detail.data} />
            <Overdue app={detail.data} />
            <DueDate app={detail.data} />
            <Decision app={detail.data} />
            <Returned app={detail.data} />
            <AfterAnswer app={detail.data} onChanged={() => void loadDetail(openId)} />
            <WhatToDo app={detail.data} />
            <InsuranceClaimCard app={detail.data} />
            <HardshipCard app={detail.data} />
            <OfficeCard office={detail.data.office} />
            <Timeline app={detail.data} />
            <CheckList checks={detail.data.checks} />
            <NextStep app={detail.data} />
            <RateService app={detail.data} />
            <Receipt app={detail.data} />
          </View>
        ) : null}
        <Button id='back-to-list' variant='secondary' onClick={() => { setOpenId(undefined); void loadList() }}>
          查看我的全部申请
        </Button>
        <Button id='go-home' variant='secondary' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      </Screen>
    )
  }

  return (
    <Screen className='progress' id='progress-list'>
      <Text className='page__title'>进度查询</Text>
      <Text className='page__lead'>您提交过的申请都在这里，点一条可以查看详细进度。</Text>
      {list.state === 'loading' ? <Loading /> : null}
      {list.state === 'error' ? <Failed message={list.message} onRetry={() => void loadList()} /> : null}
      {list.state === 'ready' && list.data.length === 0 ? (
        <View id='progress-empty' className='card'>
          <Text className='section-title'>您还没有提交过申请</Text>
          <Text className='progress__empty-text'>可以先办理下面的事项，提交后在这里查看进度：</Text>
          {SERVICES.map((s) => (
            <View key={s.id} id={s.id} className='progress__service' role='link' hoverClass='progress__item--hover' onClick={() => Taro.navigateTo({ url: s.url })}>
              <Text>{s.title}</Text>
              <Text className='progress__chevron' aria-hidden='true'>
                ›
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {list.state === 'ready' && list.data.length > 0 ? (
        <View id='application-list'>
          {list.data.map((a) => (
            <View
              key={a.applicationId}
              id={`application-${a.applicationId}`}
              className='progress__item'
              role='link'
              hoverClass='progress__item--hover'
              aria-label={`${KIND_LABELS[a.kind]}，${STATUS_LABELS[a.status]}，查看进度`}
              onClick={() => open(a.applicationId)}
            >
              <View className='progress__body'>
                <Text className='progress__kind'>{KIND_LABELS[a.kind] ?? '申请'}</Text>
                <Text className={`progress__status progress__status--${a.status}`}>
                  {a.status === 'approved' ? '✓ ' : a.status === 'pending_review' ? '… ' : '! '}
                  {STATUS_LABELS[a.status] ?? ''}
                </Text>
                <Text className='progress__meta'>提交：{shortTime(a.submittedAt)}</Text>
                {a.status === 'pending_review' && a.dueDate ? (
                  isOverdue(a) ? (
                    <Text className='progress__meta progress__late'>已超期：应于 {a.dueDate} 前办结，可点开催办</Text>
                  ) : (
                    <Text className='progress__meta'>预计办结：{a.dueDate} 前</Text>
                  )
                ) : null}
              </View>
              <Text className='progress__chevron' aria-hidden='true'>
                ›
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      <Button id='go-home' variant='secondary' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
        返回首页
      </Button>
    </Screen>
  )
}

const Loading = () => <Querying id='progress-loading' className='progress__loading' />

function Failed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View>
      <Notice id='progress-error' kind='error' title='没有查到'>
        <Text>{message}</Text>
      </Notice>
      <Button id='retry' onClick={onRetry}>
        重试
      </Button>
      <View className='progress__gap' />
    </View>
  )
}
