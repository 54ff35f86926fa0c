import {
  type ImportLeadsRequestInput,
  type ImportLeadsResponse,
  importLeadsResponseSchema,
  MAX_IMPORT_BASE64_CHARS,
} from '@scrm/shared';
import { useState } from 'react';
import { ApiError, api } from '../../api';
import { API_MESSAGES } from '../../api/messages';
import { createUuidV4, getPlatformRandomBytes } from '../../tracking/uuid';

export interface ChosenFile {
  name: string;
  /** The file's bytes, base64 (the import API takes them so, to keep GBK intact). */
  base64: string;
  bytes: number;
}

export interface ImportOptions {
  listName: string;
  campusId?: string;
  isConsentConfirmed: boolean;
}

/**
 * An offline list into the pool (`POST /api/staff/imports`): pick the file, preview it (a dry
 * run: every row's error, nothing written), then import. Importing the same file again creates
 * nothing new (the API dedupes by phone). `chooseFile` is the page's picker: a WeChat private
 * API, which the privacy rules want called from the page that shows the consent popup.
 */
export function useImport(chooseFile: () => Promise<ChosenFile | null>) {
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [result, setResult] = useState<ImportLeadsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const choose = async () => {
    setError(null);
    try {
      const chosen = await chooseFile();
      if (!chosen) return;
      if (chosen.base64.length > MAX_IMPORT_BASE64_CHARS) {
        setError('文件过大，请使用命令行导入（npm run leads:import）');
        return;
      }
      setFile(chosen);
      setResult(null);
    } catch {
      setError('文件读取失败，请重新选择');
    }
  };

  const send = async (options: ImportOptions, isDryRun: boolean) => {
    if (!file) return setError('请选择文件');
    if (!options.listName.trim()) return setError('请填写名单名称');
    if (!options.isConsentConfirmed) return setError('请确认名单已获得本人同意');
    const body: ImportLeadsRequestInput = {
      requestId: createUuidV4(getPlatformRandomBytes()),
      fileBase64: file.base64,
      listName: options.listName.trim(),
      campusId: options.campusId,
      dryRun: isDryRun,
      consentConfirmed: true,
    };
    setPending(true);
    setError(null);
    try {
      setResult(
        await api.request('/api/staff/imports', {
          as: 'staff',
          method: 'POST',
          body,
          schema: importLeadsResponseSchema,
        }),
      );
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.userMessage : API_MESSAGES.unknown);
    } finally {
      setPending(false);
    }
  };

  return {
    file,
    result,
    error,
    isPending,
    choose,
    preview: (o: ImportOptions) => send(o, true),
    commit: (o: ImportOptions) => send(o, false),
  };
}
