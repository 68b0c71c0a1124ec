import type { ReactNode } from 'react'
import { Button as TaroButton } from '@tarojs/components'
import './components.css'

export interface ButtonProps {
  /** for tests and labels; fixed per page (e.g. `submit`) */
  id?: string
  /** primary: the one main action of a screen, filled; secondary: outlined (default primary) */
  variant?: 'primary' | 'secondary'
  /** busy: taps are refused and loadingText is shown */
  loading?: boolean
  /** what the button says while busy, e.g. 正在提交… (a spinner alone tells nothing) */
  loadingText?: string
  /** taps are refused; the button is greyed and marked aria-disabled */
  disabled?: boolean
  /** a tap, only while neither loading nor disabled */
  onClick?: () => void
  /** what the button says, Chinese, a verb (提交申请, 撤回同意) */
  children: ReactNode
}

/** 88rpx (44pt) tall at least, full width: older users on small phones hit it first time. */
export function Button({ id, variant = 'primary', loading, loadingText, disabled, onClick, children }: ButtonProps) {
  const inactive = !!(disabled || loading)
  return (
    <TaroButton
      id={id}
      className={`btn btn--${variant}${inactive ? ' btn--inactive' : ''}`}
      // `undefined`, not `false`: on H5 a false value still writes disabled="false", and the
      // component's CSS matches [disabled] (greyed-out text on an active button).
      disabled={inactive || undefined}
      // H5: taro-button-core inserts its spinner before children React is replacing at the same
      // moment (NotFoundError: insertBefore); there the busy state is the loadingText alone.
      loading={process.env.TARO_ENV === 'h5' ? undefined : loading || undefined}
      onClick={() => {
        if (!inactive) onClick?.()
      }}
      // taro-button-core has no button role on H5; Button's types do not list `role`, hence the spread.
      {...{ role: 'button' }}
      aria-disabled={inactive ? 'true' : 'false'}
      aria-busy={loading ? 'true' : 'false'}
    >
      {loading && loadingText ? loadingText : children}
    </TaroButton>
  )
}
