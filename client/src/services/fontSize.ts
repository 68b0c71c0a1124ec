/** When WeChat's (or the browser's) own font setting asks for 长辈模式 (services/elder.ts). No platform imports. */

/**
 * WeChat's 适老化 guide: a user font of 22 px and more (its "+4" on a 375 pt phone; 关怀模式 is 23.8)
 * asks for the large layout. Below it, and when unknown, the normal one.
 */
export function followsLargeText(fontSizeSetting: number | undefined): boolean {
  return typeof fontSizeSetting === 'number' && fontSizeSetting >= 22
}
