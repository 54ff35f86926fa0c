import { describe, expect, it } from 'vitest';
import { API_MESSAGES } from '../api/messages';
import { createRecordingLogger } from '../testing/recording-logger';
import {
  DOWNLOAD_TEXT,
  type DownloadPlatform,
  type DownloadTarget,
  downloadContent,
  resolveDownloadUrl,
} from './download-content';

const SIGNED = '/api/downloads/6f1c2b9e-3d4a-4c8b-9f0e-1a2b3c4d5e6f?expires=1795000000&sig=abc';
const API_BASE = 'https://api.example.com';

/** wx.downloadFile / wx.openDocument at the edge: answers with `statusCode`, or no reply at all. */
function createPlatform(options: { statusCode?: number; isOffline?: boolean; canOpen?: boolean; isWeb?: boolean }) {
  const calls: string[] = [];
  const platform: DownloadPlatform = {
    isWeb: options.isWeb ?? false,
    openInBrowser: (url) => calls.push(`open-tab ${url}`),
    downloadFile: async (url) => {
      calls.push(`download ${url}`);
      if (options.isOffline) throw { errMsg: 'downloadFile:fail timeout' };
      return { statusCode: options.statusCode ?? 200, tempFilePath: 'wxfile://tmp_1' };
    },
    openDocument: async ({ filePath, fileType }) => {
      calls.push(`open-document ${filePath} ${fileType ?? '-'}`);
      if (options.canOpen === false) throw { errMsg: 'openDocument:fail filetype not supported' };
    },
  };
  return { platform, calls };
}

async function download(platform: DownloadPlatform, target: Partial<DownloadTarget> = {}) {
  const logger = createRecordingLogger();
  const outcome = await downloadContent(platform, {
    apiBase: API_BASE,
    target: { url: SIGNED, fileType: 'pdf', ...target },
    logger,
  });
  return { outcome, logger };
}

describe('downloadContent', () => {
  it('fetches the signed link from the API origin and opens it with its file type', async () => {
    const { platform, calls } = createPlatform({ statusCode: 200 });
    const { outcome } = await download(platform, { fileType: 'docx' });
    expect(outcome).toEqual({ kind: 'opened' });
    expect(calls).toEqual([`download ${API_BASE}${SIGNED}`, 'open-document wxfile://tmp_1 docx']);
  });

  it.each([
    [404, DOWNLOAD_TEXT.notFound],
    [403, DOWNLOAD_TEXT.expired],
    [410, DOWNLOAD_TEXT.expired],
    [500, DOWNLOAD_TEXT.failed],
  ])('does not open what a %i reply saved, and says why in Chinese', async (statusCode, userMessage) => {
    const { platform, calls } = createPlatform({ statusCode });
    const { outcome, logger } = await download(platform);
    expect(outcome).toEqual({ kind: 'failed', userMessage });
    expect(calls).toHaveLength(1);
    expect(logger.warnings[0]?.details).toMatchObject({ statusCode });
    // The signature stays out of the log.
    expect(JSON.stringify(logger.warnings)).not.toContain('sig=');
  });

  it('tells the user when nothing arrived, or when the viewer cannot open the file', async () => {
    expect((await download(createPlatform({ isOffline: true }).platform)).outcome).toEqual({
      kind: 'failed',
      userMessage: API_MESSAGES.network,
    });
    expect((await download(createPlatform({ canOpen: false }).platform)).outcome).toEqual({
      kind: 'failed',
      userMessage: DOWNLOAD_TEXT.cannotOpen,
    });
  });

  it('lets the viewer guess when the type is unknown', async () => {
    const { platform, calls } = createPlatform({});
    await download(platform, { fileType: null });
    expect(calls.at(-1)).toBe('open-document wxfile://tmp_1 -');
  });

  it('opens a new tab in H5 before returning, while the tap still allows a window', () => {
    const { platform, calls } = createPlatform({ isWeb: true });
    void downloadContent(platform, {
      apiBase: '',
      target: { url: SIGNED, fileType: 'pdf' },
      logger: createRecordingLogger(),
    });
    expect(calls).toEqual([`open-tab ${SIGNED}`]);
  });
});

describe('resolveDownloadUrl', () => {
  it('puts a root-relative path on the API origin and keeps an absolute URL', () => {
    expect(resolveDownloadUrl(API_BASE, '/api/downloads/x')).toBe(`${API_BASE}/api/downloads/x`);
    expect(resolveDownloadUrl(API_BASE, 'api/downloads/x')).toBe(`${API_BASE}/api/downloads/x`);
    expect(resolveDownloadUrl(API_BASE, 'https://cdn.example.com/a.pdf')).toBe('https://cdn.example.com/a.pdf');
    expect(resolveDownloadUrl('', '/downloads/a.pdf')).toBe('/downloads/a.pdf');
  });
});
