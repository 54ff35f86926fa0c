/**
 * Chinese texts of the privacy consent popup. What it lists is what docs/privacy-declarations.md
 * declares in the admin console's privacy guide; change both together.
 */
export const PRIVACY_CONSENT_TEXT = {
  title: '用户隐私保护提示',
  body: '在你使用以下功能前，请阅读并同意我们的隐私保护指引：登记时填写的姓名和手机号、微信手机号快捷填写，以及把你导出的数据复制到剪切板。',
  guideBefore: '详见',
  guideLink: '《用户隐私保护指引》',
  disagree: '拒绝',
  agree: '同意',
} as const;
