import { useEffect, useState } from 'react'
import type { WorkbenchCounts as Workbench } from '@shared/answers'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { call } from '../../services/cloud'
import { roleAtLeast, type Role } from '@shared/api'
import { StaffGate, staffLine } from '../common/StaffGate'
import './index.css'
import { Screen } from '../../components/Screen'

interface Entry {
  id: string
  title: string
  desc: string
  url: string
  icon: string
  need: Role
}

/** What each role may do (docs/api.md `role`): verifier ⊂ reviewer ⊂ admin. */
const ENTRIES: Entry[] = [
  { id: 'staff-menu-scan', title: '扫码核验', desc: '核验电子《就业创业证》是否真实有效', url: '/packageStaff/scan/index', icon: '验', need: 'verifier' },
  { id: 'staff-menu-counter', title: '窗口核验身份', desc: '刷脸未通过或港澳台证件：看证件确认本人', url: '/packageStaff/counter/index', icon: '证', need: 'verifier' },
  { id: 'staff-menu-queue', title: '待审核', desc: '按办理期限排序，先到期的在前', url: '/packageStaff/queue/index', icon: '审', need: 'reviewer' },
  { id: 'staff-menu-tasks', title: '联系任务', desc: '登记后5个工作日内联系登记人', url: '/packageStaff/tasks/index', icon: '联', need: 'reviewer' },
  { id: 'staff-menu-deregister', title: '注销登记', desc: '注销失业登记，选择注销原因', url: '/packageStaff/deregister/index', icon: '销', need: 'reviewer' },
  { id: 'staff-menu-export', title: '数据上报', desc: '导出失业登记注销数据，检查校验问题', url: '/packageStaff/export/index', icon: '报', need: 'admin' },
  { id: 'staff-menu-stats', title: '月度统计', desc: '登记、注销及期末登记失业人员统计', url: '/packageStaff/stats/index', icon: '统', need: 'admin' },
]

export default function StaffHome() {
  return (
    <StaffGate need='verifier'>
      {(me) => (
        <Screen className='staff'>
          <Text className='page__title'>经办人员工作台</Text>
          <Text id='staff-who' className='staff__who'>
            {staffLine(me)}
          </Text>
          {roleAtLeast(me.role, 'reviewer') ? <Counts /> : null}
          <View>
            {ENTRIES.filter((e) => roleAtLeast(me.role, e.need)).map((e) => (
              <View key={e.id} id={e.id} className='tile' role='link' hoverClass='tile--hover' aria-label={`${e.title}：${e.desc}`} onClick={() => Taro.navigateTo({ url: e.url })}>
                <Text className='tile__icon' aria-hidden='true'>
                  {e.icon}
                </Text>
                <View className='tile__body'>
                  <Text className='tile__title'>{e.title}</Text>
                  <Text className='tile__desc'>{e.desc}</Text>
                </View>
                <Text className='tile__chevron' aria-hidden='true'>
                  ›
                </Text>
              </View>
            ))}
          </View>
        </Screen>
      )}
    </StaffGate>
  )
}

/** 今日待办 (issue 20): what is due today and what is late, reviews and contact tasks, for the region. */
function Counts() {
  const [w, setW] = useState<Workbench | null>(null)
  const [failed, setFailed] = useState('')
  useEffect(() => {
    let gone = false
    void call('getWorkbench').then((res) => {
      if (gone) return
      if (res.ok) setW(res.data)
      else setFailed(res.error.message)
    })
    return () => {
      gone = true
    }
  }, [])
  if (failed) return <Text className='staff__who'>待办数量暂时查不到：{failed}</Text>
  if (!w) return <Text className='staff__who'>正在统计待办…</Text>
  const cell = (id: string, label: string, n: number, late = false, url?: string) => (
    <View id={id} className={`staff__count${late && n > 0 ? ' staff__count--late' : ''}`} role={url ? 'link' : undefined} onClick={url ? () => void Taro.navigateTo({ url }) : undefined}>
      <Text className='staff__count-n'>{n}</Text>
      <Text className='staff__count-label'>{label}</Text>
    </View>
  )
  return (
    <View id='workbench' className='card'>
      <Text className='section-title'>今日待办（{w.today}）</Text>
      <View className='staff__counts'>
        {cell('wb-reviews-today', '审核今日到期', w.reviews.dueToday, false, '/packageStaff/queue/index')}
        {cell('wb-reviews-overdue', '审核已超期', w.reviews.overdue, true, '/packageStaff/queue/index')}
        {cell('wb-reviews-reminded', '群众已催办', w.reviews.reminded, true, '/packageStaff/queue/index')}
        {cell('wb-tasks-today', '联系今日到期', w.tasks.dueToday, false, '/packageStaff/tasks/index')}
        {cell('wb-tasks-overdue', '联系已超期', w.tasks.overdue, true, '/packageStaff/tasks/index')}
      </View>
      <Text className='staff__who'>待审核共 {w.reviews.open} 件，联系任务共 {w.tasks.open} 件</Text>
    </View>
  )
}
