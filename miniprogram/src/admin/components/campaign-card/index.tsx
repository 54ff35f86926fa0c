import type { CampaignSummary } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import { CAMPAIGN_TEXT as T } from '../../campaign-text';
import './index.css';

const STATUS_CLASS: Record<CampaignSummary['status'], string> = {
  draft: 'tag',
  active: 'tag tag--accent',
  paused: 'tag tag--danger',
  archived: 'tag',
};

/** The counts of a campaign as a row of figures (list and detail). */
export function CampaignCounts({ counts }: { counts: CampaignSummary['counts'] }) {
  const shown = ['audienceSize', 'sent', 'clicked', 'converted'] as const;
  return (
    <View className="campaign-counts">
      {shown.map((key) => (
        <View key={key} className="campaign-counts__item">
          <Text className="campaign-counts__value">{counts[key]}</Text>
          <Text className="campaign-counts__label">{T.counts[key]}</Text>
        </View>
      ))}
    </View>
  );
}

/** One campaign in the 营销活动 list: name, status, version, and its counts. */
export function CampaignCard({ campaign, onOpen }: { campaign: CampaignSummary; onOpen: () => void }) {
  return (
    <View className="card campaign-card" onClick={onOpen}>
      <View className="campaign-card__head">
        <Text className="campaign-card__name">{campaign.name}</Text>
        <Text className={STATUS_CLASS[campaign.status]}>{T.statuses[campaign.status]}</Text>
      </View>
      <Text className="muted campaign-card__meta">{T.version(campaign.version)}</Text>
      <CampaignCounts counts={campaign.counts} />
    </View>
  );
}
