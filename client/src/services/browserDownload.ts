/**
 * The browser's own download of a Blob (H5 only: the `.h5.ts` savers call it; a mini-program has no
 * downloads folder and uses its file system instead). Answers the line shown to the person.
 */
export function browserDownload(fileName: string, blob: Blob): string {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
  return `已开始下载：${fileName}`
}
