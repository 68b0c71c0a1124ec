/**
 * 失业人员登记 (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件 失业人员登记表, 人社厅发〔2020〕79号 一) in five short steps, with the
 * written commitment shown in full. No proof documents are asked for (人社厅发〔2020〕79号 一(二)). What is asked is the
 * form's definition (shared/unemployment.form.ts); its rules are the schema's.
 * Lives in the `packageForms` subpackage: the long forms stay out of the weapp main package.
 */
import { UNEMPLOYMENT_FORM } from '@shared/unemployment.form'
import { makeUnemploymentSchema } from '@shared/unemployment.schema'
import { RegistrationWizard } from '../../components/RegistrationWizard'
import './index.css'

const makeSchema = (today: string) => makeUnemploymentSchema({ today })

export default function Unemployment() {
  return <RegistrationWizard form={UNEMPLOYMENT_FORM} makeSchema={makeSchema} />
}
