/** Chinese texts the API client shows when the server could not supply its own `userMessage`. */
export const API_MESSAGES = {
  network: '网络连接失败，请检查网络后重试',
  invalidResponse: '服务器返回了无法识别的数据，请稍后重试',
  loginFailed: '登录失败，请稍后重试',
  notStaff: '当前微信未绑定员工账号，请联系主管邀请加入',
  unknown: '出了点问题，请稍后重试',
} as const;
