/**
 * The privacy guide, shown when WeChat asks for the person's answer (services/privacy.ts): what is
 * collected and why, in plain words, the full guide one tap away, and 同意 / 不同意. Rendered by
 * Screen on every page, so it appears wherever the privacy API was called.
 */
import { View, Text, Button as TaroButton } from '@tarojs/components'
import { AGREE_BUTTON_ID, answerPrivacy, openPrivacyContract, usePrivacyRequest } from '../services/privacy'

export function PrivacyDialog() {
  const open = usePrivacyRequest()
  if (!open) return null
  return (
    <View id='privacy-dialog' className='privacy' role='dialog' aria-modal='true' aria-labelledby='privacy-title'>
      <View className='privacy__box'>
        <Text id='privacy-title' className='privacy__title'>个人信息保护提示</Text>
        <Text className='privacy__text'>
          为办理就业创业证、失业登记和灵活就业登记，需要处理您的姓名、证件号码、联系方式和地址；核实是您本人时还需要人脸信息。证件号码和人脸信息属于敏感个人信息，只用于办理您申请的业务，不用于其他目的。
        </Text>
        <View id='privacy-open' className='privacy__link' role='link' onClick={openPrivacyContract}>
          查看《用户隐私保护指引》
        </View>
        <TaroButton id={AGREE_BUTTON_ID} className='btn btn--primary privacy__btn' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => answerPrivacy(true)}>
          同意并继续
        </TaroButton>
        <TaroButton id='privacy-disagree' className='btn btn--secondary privacy__btn' onClick={() => answerPrivacy(false)}>
          不同意
        </TaroButton>
      </View>
    </View>
  )
}
