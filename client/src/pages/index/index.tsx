/**
 * Home (issue "Citizen experience" §1): where the person stands, at the top (registration in force
 * since …, the next monthly follow-up, an application waiting with its due date); the 电子证 one
 * tap away; the four services as large tiles, each saying in one line what it is and what to have
 * ready; the 长辈模式 switch. A first-time user finds every service from here without help.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { MyStatus } from '@shared/api'
import { call, currentIdentity, switchIdentity } from '../../services/cloud'
import { dateText } from '../../services/format'
import { useElder } from '../../services/elder'
import { isStaff, whoAmI } from '../../services/role'
import { KIND_LABELS } from '../../components/ApplicationView'
import { ElderOffer, ElderSwitch } from '../../components/ElderSwitch'
import { Screen } from '../../components/Screen'
import { unreadCount } from '../../services/unread'
import { clearOpening, openPage, useOpening } from '../../services/navigate'
import { prefetchNextPages } from '../../services/prefetch'
import './index.css'

interface Tile {
  id: string
  title: string
  /** what it is */
  desc: string
  /** what to have ready */
  ready: string
  /** the same, in fewer and plainer words (长辈模式) */
  plain: string
  url: string
  icon: string
}

/** The four services; a new flow adds one entry here. */
const TILES: Tile[] = [
  {
    id: 'tile-certificate-apply',
    title: '申领就业创业证',
    desc: '电子证，办理就业创业补贴、服务时出示。核验通过当场出证。',
    ready: '准备：身份证、户籍地址、手机号',
    plain: '办一张电子证。要用：身份证、手机号',
    url: '/packageForms/certificate-apply/index',
    icon: '证',
  },
  {
    id: 'tile-unemployment',
    title: '失业登记',
    desc: '没有工作、想找工作的，登记后可享受就业服务和政策。',
    ready: '准备：身份证、失业的年月和原因',
    plain: '没工作了来登记。要用：身份证、什么时候没的工作',
    url: '/packageForms/unemployment/index',
    icon: '失',
  },
  {
    id: 'tile-flexible',
    title: '灵活就业登记',
    desc: '打零工、平台接单、自由职业的，凭本人承诺登记。',
    ready: '准备：身份证、开始干的日期、在哪个区县干',
    plain: '打零工、跑外卖来登记。要用：身份证、哪天开始干的',
    url: '/packageForms/flexible/index',
    icon: '灵',
  },
  {
    id: 'tile-progress',
    title: '进度查询',
    desc: '看申请办到哪一步、什么时候办完、还需要做什么。',
    ready: '不用准备任何东西',
    plain: '看看申请办得怎么样了',
    url: '/packageMine/progress/index',
    icon: '查',
  },
]

/** Shown only when the cloud says the caller is staff; the staff pages check again, and so does the cloud. */
const STAFF_TILE: Tile = {
  id: 'tile-staff',
  title: '经办人员入口',
  desc: '扫码核验、审核、注销登记、数据上报和统计',
  ready: '仅限公共就业服务机构工作人员',
  plain: '工作人员使用',
  url: '/packageStaff/index/index',
  icon: '办',
}

const go = (url: string) => void openPage(url)

type StatusState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'shown'; status: MyStatus }

export default function Index() {
  const elder = useElder()
  const opening = useOpening()
  const [identity, setIdentity] = useState(() => currentIdentity())
  const [staff, setStaff] = useState(false)
  const [status, setStatus] = useState<StatusState>({ kind: 'loading' })
  const loading = useRef(false)
  const [unread, setUnread] = useState(0)

  // A load asked for while one runs (the identity settled, or the page was shown again) runs after
  // it: skipping it would leave home showing what the earlier identity saw.
  const again = useRef(false)
  const load = useCallback(async () => {
    if (loading.current) {
      again.current = true
      return
    }
    loading.current = true
    try {
      do {
        again.current = false
        const res = await call('getMyStatus')
        setStatus((s) => (res.ok ? { kind: 'shown', status: res.data } : s.kind === 'shown' ? s : { kind: 'error', message: res.error.message }))
        const msgs = await call('listMyMessages')
        if (msgs.ok) setUnread(unreadCount(msgs.data.messages))
      } while (again.current)
    } finally {
      loading.current = false
    }
  }, [])

  useEffect(() => {
    let live = true
    setStaff(false)
    void whoAmI().then((r) => live && setStaff(r.ok && isStaff(r.me)))
    return () => {
      live = false
    }
  }, [identity])
  // Back from a form: the status shows the new application.
  useDidShow(() => {
    clearOpening()
    void load()
  })
  useDidHide(() => clearOpening())
  useEffect(() => {
    void load()
  }, [identity, load])
  // H5: home is on the screen, so the forms behind the tiles can now use the network (services/prefetch.ts)
  useEffect(() => prefetchNextPages(), [])

  const hasCertificate = status.kind === 'shown' && status.status.certificate?.status === 'valid'

  return (
    <Screen className='home'>
      <Text className='page__title'>就业登记自助服务</Text>
      <Text className='page__lead'>{elder ? '在手机上办，不用跑窗口。点下面的大按钮开始。' : '足不出户办理就业登记业务，不用上传材料。请选择要办理的事项：'}</Text>

      <ElderOffer />

      <StatusCard state={status} onRetry={() => void load()} />

      {hasCertificate ? (
        <View id='home-certificate' className='home__cert' role='link' hoverClass='tile--hover' onClick={() => go('/packageMine/certificate/index')}>
          <Text className='home__cert-icon' aria-hidden='true'>
            证
          </Text>
          <View className='home__cert-body'>
            <Text className='home__cert-title'>出示我的电子证</Text>
            <Text className='home__cert-desc'>给工作人员扫码核验</Text>
          </View>
          <Text className='tile__chevron' aria-hidden='true'>
            ›
          </Text>
        </View>
      ) : null}

      <View className='section-title home__section' role='heading' aria-level={2}>
        办理业务
      </View>
      <View className='home__tiles' role='list'>
        {(staff ? [...TILES, STAFF_TILE] : TILES).map((t) => (
          <View key={t.id} role='listitem'>
            <View
              id={t.id}
              className={`tile${opening === t.url ? ' tile--opening' : ''}`}
              role='link'
              aria-busy={opening === t.url ? 'true' : 'false'}
              hoverClass='tile--hover'
              hoverStartTime={0}
              hoverStayTime={200}
              onClick={() => go(t.url)}
            >
              <Text className='tile__icon' aria-hidden='true'>
                {t.icon}
              </Text>
              <View className='tile__body'>
                <Text className='tile__title'>{t.title}</Text>
                {elder ? (
                  <Text className='tile__desc'>{t.plain}</Text>
                ) : (
                  <View>
                    <Text className='tile__desc'>{t.desc}</Text>
                    <Text className='tile__ready'>{t.ready}</Text>
                  </View>
                )}
              </View>
              <Text className='tile__chevron' aria-hidden='true'>
                {opening === t.url ? '…' : '›'}
              </Text>
            </View>
          </View>
        ))}
      </View>

      <View className='home__more' role='navigation' aria-label='更多'>
        {!hasCertificate ? (
          <View id='tile-certificate' className='home__link' role='link' onClick={() => go('/packageMine/certificate/index')}>
            我的电子证
          </View>
        ) : null}
        <View id='tile-messages' className='home__link' role='link' aria-label={unread > 0 ? `我的消息，${unread}条未读` : '我的消息'} onClick={() => go('/packageMine/messages/index')}>
          我的消息
          {unread > 0 ? (
            <Text id='home-unread' className='home__badge' aria-hidden='true'>
              {unread > 99 ? '99+' : unread}
            </Text>
          ) : null}
        </View>
        <View id='tile-settings' className='home__link' role='link' onClick={() => go('/packageMine/settings/index')}>
          设置
        </View>
        {/* 办事指南 (issue 17): 依据, 条件, 时限, 收费, 咨询电话 of each service */}
        <View id='tile-guide' className='home__link' role='link' onClick={() => go('/packageForms/guide/index?kind=unemployment')}>
          办事指南
        </View>
      </View>

      <ElderSwitch />

      {opening ? (
        // at once, before the page (or its subpackage on a slow network) has arrived
        <View id='opening' className='opening' role='status' aria-live='polite'>
          <View className='opening__box'>
            <Text className='opening__spinner' aria-hidden='true' />
            <Text className='opening__text'>正在打开“{[...TILES, STAFF_TILE].find((t) => t.url === opening)?.title ?? '页面'}”…</Text>
            <Text className='opening__hint'>网络慢时要多等一会儿，请不要重复点击</Text>
          </View>
        </View>
      ) : null}

      {process.env.TARO_ENV === 'h5' ? (
        // Local demo only: the gateway takes the citizen's identity from X-Dev-Openid.
        <View className='home__demo' id='demo-identity'>
          <Text className='home__demo-text'>演示身份：{identity}</Text>
          <View id='demo-identity-switch' className='home__demo-link' role='button' onClick={() => setIdentity(switchIdentity())}>
            换一个演示身份
          </View>
        </View>
      ) : null}
    </Screen>
  )
}

/** Where the person stands, in sentences; nothing at all while the first answer is on its way. */
function StatusCard({ state, onRetry }: { state: StatusState; onRetry: () => void }) {
  if (state.kind === 'loading') return null
  if (state.kind === 'error') {
    return (
      <View id='home-status' className='card home__status' role='status'>
        <Text className='home__status-line'>暂时查不到您的办理情况。</Text>
        <View className='home__link' role='button' onClick={onRetry}>
          再查一次
        </View>
      </View>
    )
  }
  const s = state.status
  const lines: { id: string; text: string; url?: string; linkText?: string }[] = []
  for (const r of s.registrations) {
    // 我的登记: change details, report a job (issue 20)
    lines.push({ id: `status-registration-${r.kind}`, text: `✓ ${KIND_LABELS[r.kind]}有效，自${dateText(r.since)}起`, url: '/packageForms/my-registration/index', linkText: '修改信息或申报就业' })
  }
  if (s.nextFollowUp) lines.push({ id: 'status-followup', text: `下次就业状况回访：${dateText(s.nextFollowUp)}，届时会发消息提醒您` })
  for (const p of s.pending) {
    lines.push({
      id: `status-pending-${p.applicationId}`,
      text: `… ${KIND_LABELS[p.kind]}待工作人员审核${p.dueDate ? `，${dateText(p.dueDate)}前办结` : ''}`,
      url: `/packageMine/progress/index?id=${encodeURIComponent(p.applicationId)}`,
    })
  }
  if (lines.length === 0) return null
  return (
    <View id='home-status' className='card home__status'>
      <View className='section-title' role='heading' aria-level={2}>
        我的办理情况
      </View>
      {lines.map((l) =>
        l.url ? (
          <View key={l.id} id={l.id} className='home__status-line home__status-line--link' role='link' onClick={() => go(l.url!)}>
            {l.text}（{l.linkText ?? '查看进度'}）
          </View>
        ) : (
          <Text key={l.id} id={l.id} className='home__status-line'>
            {l.text}
          </Text>
        ),
      )}
    </View>
  )
}
