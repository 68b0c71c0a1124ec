/**
 * 个人信息保护 (个人信息保护法 十七条: tell, before collecting, who processes what, why, how and for how
 * long, and how to exercise one's rights; 二十九、三十条 for the sensitive items). Plain words; the full
 * 用户隐私保护指引 as configured for the mini-program is one tap away (services/privacy.ts).
 */
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '../../components/Button'
import { Screen } from '../../components/Screen'
import { openPrivacyContract } from '../../services/privacy'

const SECTIONS: Array<{ id: string; title: string; lines: string[] }> = [
  {
    id: 'privacy-who',
    title: '谁处理您的信息',
    lines: ['您所在地的公共就业服务机构，依法办理就业登记、失业登记和《就业创业证》（个人信息保护法第十三条：为履行法定职责所必需）。'],
  },
  {
    id: 'privacy-what',
    title: '处理哪些信息，用来做什么',
    lines: [
      '姓名、证件号码、性别、民族、学历、健康状况、户籍和常住地址、联系电话：填写申请、与社会保险等信息比对、联系您提供就业服务。',
      '人脸信息：在线办理时核实是您本人，由微信人脸核身完成，本服务只保存核验结果，不保存人脸图像。',
      '证件号码和人脸信息属于敏感个人信息，只在您办理业务时处理，处理前会单独征得您的同意。',
    ],
  },
  {
    // 个人信息保护法 第十七条 (保存期限), 第十九条 (the shortest time the purpose needs)
    id: 'privacy-keep',
    title: '保存多久',
    lines: [
      '填写中的内容只暂存在您的手机上，提交后即删除；您在“设置”中撤回对证件号码的同意时，未提交的填写内容也一并删除。',
      '提交的申请和登记由办理机构作为业务档案，按档案管理规定的期限保存。',
      '您的同意记录只保存在您的手机上，可以在“设置”或“我的数据”中随时撤回。',
    ],
  },
  {
    id: 'privacy-how',
    title: '怎样保护',
    lines: [
      '证件号码和电话加密保存；列表、日志和工作人员页面中都只显示部分号码。',
      '工作人员只能查看本辖区的业务，不能办理与本人有关的业务；每一次查看都会记录，您可以在“我的数据”中看到谁在什么时候为什么查看过。',
    ],
  },
  {
    id: 'privacy-rights',
    title: '您的权利',
    lines: [
      '您可以查阅、复制您的信息（“我的数据”），更正有误的信息（“我的登记”或办理机构），撤回已提交的申请。',
      '不同意处理人脸信息的，可以携带身份证件到就业服务窗口，由工作人员核实身份后办理。',
      '有疑问或投诉，可拨打 12333 或联系办理机构。',
    ],
  },
]

export default function Privacy() {
  return (
    <Screen className='page' id='privacy'>
      <Text className='page__title'>个人信息保护</Text>
      {SECTIONS.map((s) => (
        <View key={s.id} id={s.id} className='card'>
          <View className='section-title' role='heading' aria-level={2}>
            {s.title}
          </View>
          {s.lines.map((l) => (
            <Text key={l} className='page__lead'>
              {l}
            </Text>
          ))}
        </View>
      ))}
      <Button id='privacy-contract' variant='secondary' onClick={openPrivacyContract}>
        查看《用户隐私保护指引》
      </Button>
      <Button id='privacy-home' variant='secondary' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
        返回首页
      </Button>
    </Screen>
  )
}
