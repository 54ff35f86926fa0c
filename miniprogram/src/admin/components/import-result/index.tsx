import type { ImportLeadsResponse } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import '../../workbench.css';
import './index.css';

const STATUS_LABELS = { new: '新线索', duplicate: '重复', error: '错误' } as const;

/** A dry run's preview or an import's outcome: the counts, then the rows (errors first). */
export function ImportResult({ result }: { result: ImportLeadsResponse }) {
  const counts = [
    ['总行数', result.rows],
    [result.dryRun ? '将新建' : '已新建', result.created],
    ['重复', result.duplicates],
    ['错误', result.errors],
  ] as const;
  return (
    <View className="card import-result">
      <Text className="import-result__title">
        {result.dryRun ? '预览结果（尚未导入）' : result.isReplay ? '已导入（重复提交）' : '导入完成'}
      </Text>
      <View className="import-result__counts">
        {counts.map(([label, n]) => (
          <View key={label} className="import-result__count">
            <Text className="import-result__n">{n}</Text>
            <Text className="muted">{label}</Text>
          </View>
        ))}
      </View>
      <Text className="muted">{`编码 ${result.encoding.toUpperCase()} · 列：${Object.entries(result.mapping)
        .map(([field, header]) => `${field}←${header}`)
        .join('，')}`}</Text>
      {result.results.map((row) => (
        <View key={row.line} className="import-result__row">
          <Text className="import-result__line">{`第 ${row.line} 行`}</Text>
          <Text className="import-result__who">{`${row.name ?? '—'} ${row.phoneMasked ?? ''}`}</Text>
          <Text className={`tag ${row.status === 'error' ? 'tag--danger' : row.status === 'new' ? 'tag--stage' : ''}`}>
            {STATUS_LABELS[row.status]}
          </Text>
          {row.message && <Text className="import-result__message">{row.message}</Text>}
        </View>
      ))}
    </View>
  );
}
