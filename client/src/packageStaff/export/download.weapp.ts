import Taro from '@tarojs/taro'

declare const wx: { env: { USER_DATA_PATH: string } }

/**
 * A mini-program cannot save into the phone's downloads: the file goes to the user data folder,
 * then WeChat's file sharing sends it to a chat (or 文件传输助手) from where it reaches a computer.
 * openDocument does not open .csv, so sharing is the way out.
 */
export async function saveCsv(fileName: string, csv: string): Promise<string> {
  const filePath = `${wx.env.USER_DATA_PATH}/${fileName}`
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({ filePath, data: csv, encoding: 'utf8', success: () => resolve(), fail: reject }),
  )
  try {
    await (Taro as unknown as { shareFileMessage(o: { filePath: string; fileName: string }): Promise<unknown> }).shareFileMessage({ filePath, fileName })
    return `文件已生成并发送：${fileName}`
  } catch {
    return `文件已保存在小程序目录：${filePath}。可在电脑端微信打开本小程序后重新导出下载。`
  }
}
