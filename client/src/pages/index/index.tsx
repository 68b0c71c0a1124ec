import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { currentIdentity, switchIdentity } from '../../services/cloud'
import { isStaff, whoAmI } from '../../services/role'
import './index.css'

interface Tile {
  id: string
  title: string
  desc: string
  url: string
  icon: string
}

/** The services on the home page; a new flow adds one entry here. */
const TILES: Tile[] = [
  {
    id: 'tile-certificate-apply',
    title: '申领《就业创业证》',
    desc: '只需填写基本信息，无需上传材料，核验通过即时出证',
    url: '/pages/certificate-apply/index',
    icon: '证',
  },
  {
    id: 'tile-unemployment',
    title: '失业登记',
    desc: '填写失业人员登记表并作出承诺，系统比对通过当场办结',
    url: '/packageForms/unemployment/index',
    icon: '失',
  },
  {
    id: 'tile-flexible',
    title: '灵活就业登记',
    desc: '非全日制、平台接单、自由职业等，凭本人承诺登记',
    url: '/packageForms/flexible/index',
    icon: '灵',
  },
  {
    id: 'tile-progress',
    title: '进度查询',
    desc: '查看已提交申请的办理进度和预计办结日期',
    url: '/pages/progress/index',
    icon: '查',
  },
  {
    id: 'tile-certificate',
    title: '我的电子证',
    desc: '查看电子《就业创业证》和登记状态',
    url: '/pages/certificate/index',
    icon: '我',
  },
  {
    id: 'tile-messages',
    title: '我的消息',
    desc: '办理结果、期限提醒和政策服务信息',
    url: '/pages/messages/index',
    icon: '信',
  },
]

/** Shown only when the cloud says the caller is staff; the staff pages check again, and so does the cloud. */
const STAFF_TILE: Tile = {
  id: 'tile-staff',
  title: '经办人员入口',
  desc: '扫码核验、审核、注销登记、数据上报和统计',
  url: '/packageStaff/index/index',
  icon: '办',
}

export default function Index() {
  const [identity, setIdentity] = useState(() => currentIdentity())
  const [staff, setStaff] = useState(false)
  useEffect(() => {
    let live = true
    setStaff(false)
    void whoAmI().then((r) => live && setStaff(r.ok && isStaff(r.me)))
    return () => {
      live = false
    }
  }, [identity])
  return (
    <View className='page home'>
      <Text className='page__title'>就业登记自助服务</Text>
      <Text className='page__lead'>足不出户办理就业登记业务。请选择要办理的事项：</Text>
      <View className='home__tiles' role='list'>
        {(staff ? [...TILES, STAFF_TILE] : TILES).map((t) => (
          <View
            key={t.id}
            id={t.id}
            className='tile'
            role='link'
            hoverClass='tile--hover'
            aria-label={`${t.title}：${t.desc}`}
            onClick={() => Taro.navigateTo({ url: t.url })}
          >
            <Text className='tile__icon' aria-hidden='true'>
              {t.icon}
            </Text>
            <View className='tile__body'>
              <Text className='tile__title'>{t.title}</Text>
              <Text className='tile__desc'>{t.desc}</Text>
            </View>
            <Text className='tile__chevron' aria-hidden='true'>
              ›
            </Text>
          </View>
        ))}
      </View>
      {process.env.TARO_ENV === 'h5' ? (
        // Local demo only: the gateway takes the citizen's identity from X-Dev-Openid.
        <View className='home__demo' id='demo-identity'>
          <Text className='home__demo-text'>演示身份：{identity}</Text>
          <View
            id='demo-identity-switch'
            className='home__demo-link'
            role='button'
            onClick={() => setIdentity(switchIdentity())}
          >
            换一个演示身份
          </View>
        </View>
      ) : null}
    </View>
  )
}
