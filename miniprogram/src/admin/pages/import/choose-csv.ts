import Taro from '@tarojs/taro';
import type { ChosenFile } from '../../hooks/use-import';

/**
 * Lets the manager pick a CSV: in WeChat from a chat (`wx.chooseMessageFile`, where lists sent
 * by colleagues arrive), in the browser build through a file input. `null` when cancelled.
 */
export async function chooseCsvFile(): Promise<ChosenFile | null> {
  if (Taro.getEnv() === Taro.ENV_TYPE.WEB) return chooseInBrowser();
  let picked: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] });
  } catch {
    return null; // errMsg "chooseMessageFile:fail cancel"
  }
  const file = picked.tempFiles[0];
  if (!file) return null;
  const read = Taro.getFileSystemManager().readFileSync(file.path, 'base64');
  return { name: file.name, base64: String(read), bytes: file.size };
}

function chooseInBrowser(): Promise<ChosenFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,text/csv,text/plain';
    input.onchange = () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      const reader = new FileReader();
      reader.onload = () => {
        const url = String(reader.result);
        resolve({ name: file.name, base64: url.slice(url.indexOf(',') + 1), bytes: file.size });
      };
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    };
    input.click();
  });
}
