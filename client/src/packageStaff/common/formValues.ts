/**
 * An application's stored form as label/value lines for staff: codes become their labels,
 * region codes their names, so a reviewer never has to know a code table by heart.
 */
import {
  DISABILITY_LEVELS, EDUCATIONS, ETHNICITIES, GENDERS, HEALTH_STATUSES, HOUSEHOLD_TYPES, ID_TYPES, POLITICAL_STATUSES,
  REGISTRATION_PLACES, labelOf, type CodeItem,
} from '@shared/codes'
import { regionName } from '@shared/regions'
import { FIELD_LABELS } from '@shared/field-labels'
import { timeText } from '../../services/format'

const TABLES: Record<string, readonly CodeItem[]> = {
  idType: ID_TYPES, gender: GENDERS, ethnicity: ETHNICITIES, politicalStatus: POLITICAL_STATUSES, education: EDUCATIONS,
  health: HEALTH_STATUSES, disabilityLevel: DISABILITY_LEVELS, registrationPlace: REGISTRATION_PLACES, householdType: HOUSEHOLD_TYPES,
}

/** Not for reading: the submission id and the 补发 block (shown elsewhere). */
const SKIP = new Set(['requestId', 'reissue'])

export function formLines(form: Record<string, unknown>): Array<{ key: string; label: string; value: string }> {
  const out: Array<{ key: string; label: string; value: string }> = []
  for (const [key, label] of Object.entries(FIELD_LABELS)) {
    if (SKIP.has(key) || !(key in form)) continue
    const value = valueText(key, form[key])
    if (value) out.push({ key, label, value })
  }
  return out
}

function valueText(key: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return ''
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'number') return String(v)
  if (typeof v === 'string') {
    const table = TABLES[key]
    if (table) return labelOf(table, v) ?? v
    if (/Region$/.test(key) && /^\d{6}$/.test(v)) return regionName(v) ?? v
    return v
  }
  if (Array.isArray(v)) return v.map((x) => valueText('', x)).filter(Boolean).join('、')
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    if (key === 'commitment') {
      if (o.accepted !== true) return '未承诺'
      return `已阅读并承诺${typeof o.acceptedAt === 'string' || typeof o.acceptedAt === 'number' ? `（${timeText(o.acceptedAt)}）` : ''}`
    }
    if (typeof o.regionCode === 'string') return [regionName(o.regionCode) ?? o.regionCode, o.detail].filter(Boolean).join(' ')
    return Object.values(o).map((x) => valueText('', x)).filter(Boolean).join(' ')
  }
  return ''
}
