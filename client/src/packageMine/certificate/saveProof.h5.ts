import { browserDownload } from '../../services/browserDownload'

/** The browser's own download of the PDF, built from the base64 the cloud answered. */
export async function saveProof(fileName: string, pdfBase64: string): Promise<string> {
  const bin = atob(pdfBase64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return browserDownload(fileName, new Blob([bytes], { type: 'application/pdf' }))
}
