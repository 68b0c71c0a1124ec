/** The browser's own download of a Blob; the CSV already starts with a BOM (shared/export.rules.ts toCsv). */
export async function saveCsv(fileName: string, csv: string): Promise<string> {
  const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return `已开始下载：${fileName}`
}
