/**
 * A registration form (失业登记, 灵活就业登记) from its definition (shared/unemployment.form.ts,
 * shared/flexible.form.ts): the notice and the separate consent for the ID number first
 * (components/IdNumberConsent.tsx), then the five steps (components/wizard/).
 */
import type { z } from 'zod'
import type { RegistrationForm } from '@shared/registration.form'
import './components.css'
import { IdNumberConsent } from './IdNumberConsent'
import { Wizard } from './wizard/Wizard'

export function RegistrationWizard({ form, makeSchema }: { form: RegistrationForm; makeSchema: (today: string) => z.ZodType }) {
  return (
    <IdNumberConsent service={form.title} guideKind={form.kind}>
      <Wizard form={form} makeSchema={makeSchema} />
    </IdNumberConsent>
  )
}
