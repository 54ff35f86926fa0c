import Taro from '@tarojs/taro';

/**
 * Saves a channel's code for print: a download in the browser, the photo album in WeChat (a
 * private API, 相册（仅写入）, declared in docs/privacy-declarations.md; the page renders the
 * consent popup WeChat waits on).
 */
export async function saveChannelCode(src: string, fileName: string): Promise<void> {
  if (Taro.getEnv() === Taro.ENV_TYPE.WEB) {
    const link = document.createElement('a');
    link.href = src;
    link.download = fileName;
    link.click();
    return;
  }
  await Taro.saveImageToPhotosAlbum({ filePath: src });
}
