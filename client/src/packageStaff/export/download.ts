/**
 * Saving the export CSV. What TypeScript sees; the build takes `download.h5.ts` (a browser
 * download) or `download.weapp.ts` (a file in the mini-program's user folder).
 * Resolves to a sentence for the staff member saying where the file went.
 */
export async function saveCsv(_fileName: string, _csv: string): Promise<string> {
  throw new Error('当前平台不支持下载')
}
