/** Stable element ids from a field path (`hukouAddress.regionCode` → `hukouAddress-regionCode`). */
export const fieldKey = (path: string) => path.replace(/\./g, '-')
export const fieldId = (path: string) => `field-${fieldKey(path)}`
export const wrapId = (path: string) => `wrap-${fieldKey(path)}`
export const errorId = (path: string) => `error-${fieldKey(path)}`
