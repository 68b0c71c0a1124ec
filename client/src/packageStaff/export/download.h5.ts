import { browserDownload } from '../../services/browserDownload'

/** The browser's own download; the CSV already starts with a BOM (shared/export.rules.ts toCsv). */
export async function saveCsv(fileName: string, csv: string): Promise<string> {
  return browserDownload(fileName, new Blob([csv], { type: 'text/csv;charset=utf-8' }))
}
