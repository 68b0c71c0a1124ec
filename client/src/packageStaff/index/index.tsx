import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { roleAtLeast, type Role } from '../../../../shared/api'
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
