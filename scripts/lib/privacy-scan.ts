/**
 * WeChat's privacy-scoped APIs and components, and a scan of the mini-program's source for them
 * (issue 11 item 2). WeChat disables every one that the privacy guide set in the admin console
 * (用户隐私保护指引) does not declare, and review compares the guide with the code; the list
 * follows WeChat's 小程序用户隐私保护指引内容介绍 (the API ↔ information table) and the
 * `privacy_key` values of its setprivacysetting API.
 *
 * Each API is written the way docs/privacy-declarations.md names it: `wx.<name>`,
 * `open-type="<type>"`, `scope.<name>` (wx.authorize) or `<component>`.
 */

export interface PrivacyScope {
  /** WeChat's key of the information type. */
  privacyKey: string;
  /** The information type as the admin console words it. */
  label: string;
  apis: readonly string[];
}

export const WECHAT_PRIVACY_SCOPES: readonly PrivacyScope[] = [
  {
    privacyKey: 'UserInfo',
    label: '收集你的昵称、头像',
    apis: [
      'wx.getUserInfo',
      'wx.getUserProfile',
      'open-type="chooseAvatar"',
      'open-type="getUserInfo"',
      '<input type="nickname">',
    ],
  },
  {
    privacyKey: 'Location',
    label: '收集你的位置信息',
    apis: [
      'wx.getLocation',
      'wx.getFuzzyLocation',
      'wx.startLocationUpdate',
      'wx.startLocationUpdateBackground',
      'wx.onLocationChange',
      'scope.userLocation',
      'scope.userLocationBackground',
      'scope.userFuzzyLocation',
    ],
  },
  { privacyKey: 'ChooseLocation', label: '收集你选择的位置信息', apis: ['wx.chooseLocation', 'wx.choosePoi'] },
  { privacyKey: 'Address', label: '收集你的地址', apis: ['wx.chooseAddress', 'scope.address'] },
  {
    privacyKey: 'Invoice',
    label: '收集你的发票信息',
    apis: ['wx.chooseInvoice', 'wx.chooseInvoiceTitle', 'scope.invoice', 'scope.invoiceTitle'],
  },
  { privacyKey: 'RunData', label: '收集你的微信运动步数', apis: ['wx.getWeRunData', 'scope.werun'] },
  {
    privacyKey: 'PhoneNumber',
    label: '收集你的手机号',
    apis: ['open-type="getPhoneNumber"', 'open-type="getRealtimePhoneNumber"'],
  },
  { privacyKey: 'LicensePlate', label: '收集你的车牌号', apis: ['wx.chooseLicensePlate'] },
  {
    privacyKey: 'Album',
    label: '收集你选中的照片或视频信息',
    apis: ['wx.chooseImage', 'wx.chooseMedia', 'wx.chooseVideo'],
  },
  { privacyKey: 'MessageFile', label: '收集你选中的文件', apis: ['wx.chooseMessageFile'] },
  {
    privacyKey: 'Record',
    label: '访问你的麦克风',
    apis: ['wx.startRecord', 'wx.getRecorderManager', 'wx.joinVoIPChat', 'scope.record', '<live-pusher>'],
  },
  {
    privacyKey: 'Camera',
    label: '访问你的摄像头',
    apis: ['wx.createVKSession', 'scope.camera', '<camera>', '<voip-room>'],
  },
  {
    privacyKey: 'BlueTooth',
    label: '访问你的蓝牙',
    apis: ['wx.openBluetoothAdapter', 'wx.createBLEPeripheralServer', 'scope.bluetooth'],
  },
  {
    privacyKey: 'AlbumWriteOnly',
    label: '使用你的相册（仅写入）权限',
    apis: ['wx.saveImageToPhotosAlbum', 'wx.saveVideoToPhotosAlbum', 'scope.writePhotosAlbum'],
  },
  {
    privacyKey: 'AddPhoneContact',
    label: '使用你的通讯录（仅写入）权限',
    apis: ['wx.addPhoneContact', 'scope.addPhoneContact'],
  },
  {
    privacyKey: 'AddPhoneCalendar',
    label: '使用你的日历（仅写入）权限',
    apis: ['wx.addPhoneCalendar', 'wx.addPhoneRepeatCalendar', 'scope.addPhoneCalendar'],
  },
  { privacyKey: 'Accelerometer', label: '调用你的加速传感器', apis: ['wx.startAccelerometer'] },
  { privacyKey: 'Compass', label: '调用你的磁场传感器', apis: ['wx.startCompass'] },
  { privacyKey: 'DeviceMotion', label: '调用你的方向传感器', apis: ['wx.startDeviceMotionListening'] },
  { privacyKey: 'Gyroscope', label: '调用你的陀螺仪传感器', apis: ['wx.startGyroscope'] },
  { privacyKey: 'Clipboard', label: '读取你的剪切板', apis: ['wx.setClipboardData', 'wx.getClipboardData'] },
];

const SCOPE_OF_API = new Map(WECHAT_PRIVACY_SCOPES.flatMap((scope) => scope.apis.map((api) => [api, scope])));

/** Taro components whose WeChat counterparts are private (`<Camera>` is `<camera>`). */
const PRIVATE_COMPONENTS: Record<string, string> = {
  Camera: '<camera>',
  LivePusher: '<live-pusher>',
  VoipRoom: '<voip-room>',
};

export interface PrivateApiUse {
  api: string;
  privacyKey: string;
  file: string;
  line: number;
}

/**
 * The private APIs one source file uses: `Taro.x`/`wx.x` calls, `openType` values (including
 * combined ones like `getPhoneNumber|agreePrivacyAuthorization`), authorize scopes, private
 * components and nickname inputs. Text-based on purpose: it also finds uses in code no test runs.
 */
export function findPrivateApiUses(file: string, source: string): PrivateApiUse[] {
  const uses: PrivateApiUse[] = [];
  const lineAt = (offset: number) => source.slice(0, offset).split('\n').length;
  const add = (api: string, offset: number) => {
    const scope = SCOPE_OF_API.get(api);
    if (scope) uses.push({ api, privacyKey: scope.privacyKey, file, line: lineAt(offset) });
  };
  for (const match of source.matchAll(/\b(?:Taro|wx)\.(\w+)/g)) add(`wx.${match[1]}`, match.index);
  for (const match of source.matchAll(/\bopenType\s*=\s*\{?\s*["'`]([\w|]+)["'`]/g)) {
    for (const type of (match[1] ?? '').split('|')) add(`open-type="${type}"`, match.index);
  }
  for (const match of source.matchAll(/["'`]scope\.(\w+)["'`]/g)) add(`scope.${match[1]}`, match.index);
  for (const match of source.matchAll(/<(Camera|LivePusher|VoipRoom)\b/g)) {
    add(PRIVATE_COMPONENTS[match[1] ?? ''] ?? '', match.index);
  }
  for (const match of source.matchAll(/<Input\b[^>]*\btype\s*=\s*\{?\s*["']nickname["']/g)) {
    add('<input type="nickname">', match.index);
  }
  return uses;
}

/**
 * The private APIs a markdown section declares: every backticked name of the list above in the
 * section under `heading` (up to the next `## ` heading).
 */
export function findDeclaredApis(markdown: string, heading: string): Set<string> {
  const start = markdown.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 3);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  const declared = new Set<string>();
  for (const match of section.matchAll(/`([^`]+)`/g)) {
    if (SCOPE_OF_API.has(match[1] ?? '')) declared.add(match[1] ?? '');
  }
  return declared;
}
