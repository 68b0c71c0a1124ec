/**
 * 补发 as a page of the forms subpackage: it needs the statement rules (zod), which the main package
 * does not carry (the 我的电子证 page opens this one). After 补发 it stays, with 返回我的电子证: the person
 * reads the result in their own time (issue 17).
 */
import { Screen } from '../../components/Screen'
import { Reissue } from './Reissue'

export default function ReissuePage() {
  return (
    <Screen className='page'>
      <Reissue startOpen onDone={() => undefined} />
    </Screen>
  )
}
