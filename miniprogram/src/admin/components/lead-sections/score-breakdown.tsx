import type { StaffLeadDetail } from '@scrm/shared';
import { Text, View } from '@tarojs/components';

/** 评分明细: every rule that moved the score, with its reason (SPEC §2.3 "every score is explainable"). */
export function ScoreBreakdown({ score }: { score: StaffLeadDetail['score'] }) {
  return (
    <View>
      <Text className="section-title">评分明细</Text>
      <View className="card lead-sections__list">
        {score.breakdown.length === 0 && <Text className="muted">暂无评分记录</Text>}
        {score.breakdown.map((line) => (
          <View key={line.ruleId} className="lead-sections__line">
            <Text className="lead-sections__label">{line.label}</Text>
            <Text className="tag">{line.dimension === 'fit' ? '匹配' : '互动'}</Text>
            <Text
              className={line.points < 0 ? 'lead-sections__minus' : line.points > 0 ? 'lead-sections__plus' : 'muted'}
            >
              {line.points > 0 ? `+${line.points}` : String(line.points)}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
