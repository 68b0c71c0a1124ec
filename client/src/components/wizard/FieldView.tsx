/**
 * A field of a form's definition (shared/registration.form.ts FieldDef) on the page, by its kind, and a
 * card of them (GroupView). What is asked, its label, hint and whether it is required are the definition's;
 * the binding (error, visit) is the form's.
 */
import { View, Text } from '@tarojs/components'
import type { FieldContext, FieldDef, GroupDef } from '@shared/registration.form'
import { ChoiceField } from '../ChoiceField'
import { DateField } from '../DateField'
import { PickerField } from '../PickerField'
import { RegionPicker } from '../RegionPicker'
import { TextAreaField } from '../TextAreaField'
import { TextField } from '../TextField'
import type { FieldBinding } from '../PersonFields'
import { CATEGORY_PLAIN } from '../plainWords'

/** The plain-words explanations of a field's codes (`plain: true`), by field key. */
const PLAIN: Record<string, Record<string, string>> = { personCategories: CATEGORY_PLAIN }

export interface FieldViewProps {
  def: FieldDef
  ctx: FieldContext
  field: (path: string) => FieldBinding
  change: (path: string, value: unknown) => void
  touch: (path: string) => void
  /** YYYY-MM-DD, Beijing: the latest date offered */
  today: string
}

const resolve = <T,>(x: T | ((c: FieldContext) => T) | undefined, c: FieldContext): T | undefined =>
  typeof x === 'function' ? (x as (c: FieldContext) => T)(c) : x

const str = (x: unknown) => (typeof x === 'string' ? x : '')
const list = (x: unknown) => (Array.isArray(x) ? (x as string[]) : [])

export function FieldView({ def: f, ctx, field, change, touch, today }: FieldViewProps) {
  if (f.when && !f.when(ctx)) return null
  const key = f.key
  const value = ctx.answers[key]
  const label = resolve(f.label, ctx)
  const common = { ...field(key), ...(label !== undefined ? { label } : {}), required: resolve(f.required, ctx), hint: resolve(f.hint, ctx) }
  const set = (x: unknown) => change(key, x)
  switch (f.kind) {
    case 'text':
      return <TextField {...common} value={str(value)} onChange={set} maxlength={f.maxlength} />
    case 'textarea':
      return <TextAreaField {...common} value={str(value)} onChange={set} maxlength={f.maxlength} />
    case 'month':
      return <DateField {...common} fields='month' value={str(value)} end={today} onChange={(x) => set(x.slice(0, 7))} />
    case 'date':
      return <DateField {...common} value={str(value)} end={today} start='1950-01-01' initialValue={today} onChange={set} />
    case 'choice':
      // a tap on a radio list is a visit
      return (
        <ChoiceField
          {...common}
          items={f.options ?? []}
          value={str(value)}
          onChange={(x) => {
            set(x)
            touch(key)
          }}
        />
      )
    case 'choices':
      return <ChoiceField {...common} multiple items={f.options ?? []} plain={f.plain ? PLAIN[key] : undefined} value={list(value)} onChange={set} />
    case 'picker':
      return <PickerField {...common} items={f.options ?? []} value={str(value)} onChange={set} />
    case 'region':
      return <RegionPicker {...common} path={key} codePath={key} label={common.label} value={str(value)} onChange={set} />
    case 'rows': {
      const rows = f.rows ?? { count: 0, label: String, a11yLabel: String }
      const values = list(value)
      return (
        <>
          {Array.from({ length: rows.count }, (_, i) => (
            <TextField
              key={i}
              {...field(`${key}.${i}`)}
              label={rows.label(i)}
              a11yLabel={rows.a11yLabel(i)}
              value={values[i] ?? ''}
              onChange={(x) => change(`${key}.${i}`, x)}
              maxlength={f.maxlength}
              hint={i === 0 ? rows.firstHint : undefined}
            />
          ))}
        </>
      )
    }
  }
}

/** A card of the form's own fields, with its title. */
export function GroupView({ group, ...rest }: Omit<FieldViewProps, 'def'> & { group: GroupDef }) {
  return (
    <View className='card'>
      {group.title ? <Text className='section-title'>{group.title}</Text> : null}
      {(group.fields ?? []).map((f) => (
        <FieldView key={f.key} def={f} {...rest} />
      ))}
    </View>
  )
}

/** The situation step: its cards; in 长辈模式 only the one on screen. */
export function GroupsView({ groups, part, ...rest }: Omit<FieldViewProps, 'def'> & { groups: GroupDef[]; part?: number }) {
  if (groups.length === 1) return <GroupView group={groups[0]} {...rest} />
  return (
    <View>
      {groups.map((g, i) => (part === undefined || part === i ? <GroupView key={g.title ?? i} group={g} {...rest} /> : null))}
    </View>
  )
}
