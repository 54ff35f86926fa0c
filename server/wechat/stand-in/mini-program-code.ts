/**
 * The stand-in's wxacode.getUnlimited (issue 13 §4): WeChat draws a round "sun code" only its app
 * can read; the stand-in draws a standard QR code (the `qrcode` package) of what a scan opens, the
 * page with its `scene` query as the mini-program receives it, so the demo and tests can scan and
 * decode it without WeChat.
 */
import QRCode from 'qrcode';

/** What the code encodes: `pages/index/index?scene=<URL-encoded scene>`. */
export function getMiniProgramCodeText(page: string, scene: string): string {
  return `${page}?scene=${encodeURIComponent(scene)}`;
}

/** A PNG of `width` px (WeChat's 280–1280, clamped as WeChat does). */
export async function drawMiniProgramCode(input: { page: string; scene: string; width: number }): Promise<Buffer> {
  const width = Math.min(1280, Math.max(280, Math.round(input.width)));
  return QRCode.toBuffer(getMiniProgramCodeText(input.page, input.scene), {
    type: 'png',
    width,
    margin: 2,
    errorCorrectionLevel: 'M',
  });
}
