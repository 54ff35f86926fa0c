import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, listCampusesResponseSchema } from '@scrm/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../../api';
import { PageStatus } from '../../../components/page-status';
import { PrivacyConsent } from '../../../components/privacy-consent';
import { useApiData } from '../../../hooks/use-api-data';
import { privacyConsent } from '../../../privacy';
import { ChoiceChips } from '../../components/choice-chips';
import { ImportResult } from '../../components/import-result';
import { StaffGate } from '../../components/staff-gate';
import { useImport } from '../../hooks/use-import';
import { chooseCsvFile } from './choose-csv';
import '../../workbench.css';
import './index.css';

const FORMAT_NOTE = `CSV 文件（UTF-8 或 Excel 保存的 GBK 均可），第一行为列名，可识别：${IMPORT_FIELDS.map(
  (f) => IMPORT_FIELD_LABELS[f],
).join('、')}。手机号必填；同一手机号不会重复导入。导入的线索进入公海。`;

function ImportView() {
  const campuses = useApiData(() =>
    api.request('/api/campuses', { schema: listCampusesResponseSchema, isAuthenticated: false }),
  );
  const { file, result, error, isPending, choose, preview, commit } = useImport(chooseCsvFile);
  const [listName, setListName] = useState('');
  const [campusId, setCampusId] = useState<string>();
  const [isConsentConfirmed, setConsent] = useState(false);
  const options = { listName, campusId, isConsentConfirmed };
  const campusList = campuses.data?.campuses ?? [];
  const busy = isPending || undefined;

  return (
    <View className="workbench-page import">
      <Text className="muted">{FORMAT_NOTE}</Text>
      <Text className="field-label">名单名称</Text>
      <Input
        className="field-input"
        placeholder="例如 2026 春季教育展"
        value={listName}
        maxlength={60}
        onInput={(e) => setListName(e.detail.value)}
      />
      <Text className="field-label">默认校区（文件中未写校区的行）</Text>
      {campuses.status === 'error' && (
        <PageStatus kind="error" message={campuses.userMessage} onRetry={campuses.reload} />
      )}
      <ChoiceChips
        options={campusList.map((c) => c.id)}
        labels={Object.fromEntries(campusList.map((c) => [c.id, c.name]))}
        value={campusId}
        onChange={setCampusId}
      />
      <View className="import__consent" onClick={() => setConsent(!isConsentConfirmed)}>
        <Text className={`import__box ${isConsentConfirmed ? 'import__box--on' : ''}`}>
          {isConsentConfirmed ? '✓' : ''}
        </Text>
        <Text>名单中的人已同意机构与其联系</Text>
      </View>
      <View className="import__file">
        <Text className="link" onClick={() => void choose()}>
          {file ? '重新选择文件' : '选择 CSV 文件'}
        </Text>
        {file && <Text className="muted">{`${file.name} · ${(file.bytes / 1024).toFixed(1)} KB`}</Text>}
      </View>
      {error && <Text className="form-error">{error}</Text>}
      <View className="import__buttons">
        <Button className="import__button" disabled={busy || !file || undefined} onClick={() => void preview(options)}>
          {isPending ? '处理中…' : '预览'}
        </Button>
        <Button
          className="primary-button import__button"
          disabled={busy || !result?.dryRun || undefined}
          onClick={() => void commit(options)}
        >
          确认导入
        </Button>
      </View>
      {result && <ImportResult result={result} />}
      <PrivacyConsent consent={privacyConsent} />
    </View>
  );
}

/**
 * 导入名单 (issue 9 §5, managers): a fair's or seminar's list as CSV, previewed row by row
 * (a dry run writes nothing), then imported into the pool.
 */
export default function ImportPage() {
  return <StaffGate>{() => <ImportView />}</StaffGate>;
}
