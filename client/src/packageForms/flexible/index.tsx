/**
 * 灵活就业登记 with the 承诺书 (吉人社函字〔2018〕175号 二(三), §三(一)3; 大人社规发〔2025〕2号 二(二) online declaration),
 * in five short steps. What is asked is the form's definition (shared/flexible.form.ts); its rules are the schema's.
 * Lives in the `packageForms` subpackage.
 */
import { FLEXIBLE_FORM } from '@shared/flexible.form'
import { makeFlexibleSchema } from '@shared/flexible.schema'
import { RegistrationWizard } from '../../components/RegistrationWizard'
import './index.css'

const makeSchema = (today: string) => makeFlexibleSchema({ today })

export default function Flexible() {
  return <RegistrationWizard form={FLEXIBLE_FORM} makeSchema={makeSchema} />
}
