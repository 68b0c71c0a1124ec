/**
 * Saving the 失业登记证明 / 就业登记证明 PDF. What TypeScript sees; the build takes `saveProof.h5.ts`
 * (a browser download) or `saveProof.weapp.ts` (a file in the user folder, opened with WeChat's
 * document viewer, from where it is forwarded or printed). Resolves to a sentence for the person.
 */
export async function saveProof(_fileName: string, _pdfBase64: string): Promise<string> {
  throw new Error('当前平台不支持保存文件')
}
