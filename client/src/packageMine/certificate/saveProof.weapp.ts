import Taro from '@tarojs/taro'

declare const wx: { env: { USER_DATA_PATH: string } }

/**
 * A mini-program cannot write to the phone's downloads: the PDF goes to the user data folder and
 * opens in WeChat's document viewer, whose menu (showMenu) forwards it to a chat, saves or prints it.
 */
export async function saveProof(fileName: string, pdfBase64: string): Promise<string> {
  const filePath = `${wx.env.USER_DATA_PATH}/${fileName}`
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({ filePath, data: pdfBase64, encoding: 'base64', success: () => resolve(), fail: reject }),
  )
  try {
    await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true })
    return `已打开${fileName.replace(/-\d+\.pdf$/, '')}，可点右上角“…”转发、保存或打印`
  } catch {
    return `证明已保存在小程序目录：${fileName}`
  }
}
