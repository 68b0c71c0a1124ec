/**
 * Text with telephone numbers that can be tapped to call and never break across lines (issue 17:
 * "0411-8xxxxxxx" wrapped mid-number and could not be tapped). A number is a landline with its area
 * code (0411-12345678), a mobile (11 digits from 1) or a service line (12333, 95xxx).
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { splitPhones } from '../services/phones'
import './components.css'

export { splitPhones }

export function call(phone: string) {
  void Taro.makePhoneCall({ phoneNumber: phone.replace(/-/g, '') }).catch(() => undefined)
}

/** One phone number as a link: tap to call, kept on one line. */
export function PhoneLink({ phone, id }: { /** as published, dashes kept (0411-12345678); called without them */ phone: string; id?: string }) {
  return (
    <View id={id} className='phone' role='link' aria-label={`拨打电话 ${phone}`} hoverClass='phone--hover' onClick={() => call(phone)}>
      {phone}
    </View>
  )
}

/** A message, its phone numbers as PhoneLinks and the rest as text. */
export function PhoneText({ text, className }: { /** the message, Chinese, as the cloud or a notice gives it */ text: string; className?: string }) {
  return (
    <View className={className}>
      {splitPhones(text).map((p, i) => (p.phone ? <PhoneLink key={i} phone={p.phone} /> : <Text key={i}>{p.text}</Text>))}
    </View>
  )
}
