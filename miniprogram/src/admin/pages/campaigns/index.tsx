import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ApiError } from '../../../api';
import { PageStatus } from '../../../components/page-status';
import { CAMPAIGN_TEXT as T } from '../../campaign-text';
import { CampaignCard } from '../../components/campaign-card';
import { StaffGate } from '../../components/staff-gate';
import { useCampaignList } from '../../hooks/use-campaigns';
import '../../workbench.css';
import './index.css';

const openCampaign = (id: string) => Taro.navigateTo({ url: `/admin/pages/campaign/index?id=${id}` });

function CampaignsView() {
  const { list, create } = useCampaignList();
  const [creating, setCreating] = useState<string | null>(null);
  // The content mounts after the staff login, so its first show event may already have passed:
  // reload on a show that follows a hide, not on the second show.
  const wasHidden = useRef(false);
  useDidHide(() => {
    wasHidden.current = true;
  });
  // Back from a campaign: its status or counts may have changed.
  useDidShow(() => {
    if (wasHidden.current) list.reload();
    wasHidden.current = false;
  });
  usePullDownRefresh(() => {
    list.reload();
    void Taro.stopPullDownRefresh();
  });

  const onCreate = async (key: string) => {
    if (creating) return;
    setCreating(key);
    try {
      const created = await create(key);
      void Taro.showToast({ title: T.created, icon: 'success' });
      list.reload();
      void openCampaign(created.campaign.id);
    } catch (error) {
      void Taro.showToast({ title: error instanceof ApiError ? error.userMessage : '操作失败', icon: 'none' });
    } finally {
      setCreating(null);
    }
  };

  if (list.status === 'error' && !list.data)
    return <PageStatus kind="error" message={list.userMessage} onRetry={list.reload} />;
  if (!list.data) return <PageStatus kind="loading" />;
  const { campaigns, builtInTracks } = list.data;
  return (
    <View className="workbench-page campaigns">
      <Text className="muted campaigns__intro">{T.intro}</Text>
      {campaigns.length === 0 && <PageStatus kind="empty" message={T.empty} />}
      {campaigns.map((c) => (
        <CampaignCard key={c.id} campaign={c} onOpen={() => void openCampaign(c.id)} />
      ))}
      <Text className="section-title">{T.create}</Text>
      {builtInTracks.map((track) => (
        <View key={track.key} className="card campaigns__track" onClick={() => void onCreate(track.key)}>
          <View className="campaigns__track-head">
            <Text className="campaigns__track-name">{track.name}</Text>
            <Text className="link">{creating === track.key ? '…' : '+ 创建'}</Text>
          </View>
          {track.description && <Text className="muted campaigns__track-note">{track.description}</Text>}
        </View>
      ))}
    </View>
  );
}

/** 营销活动 (issue 13 §3, managers): every campaign with its counts; a new one from a built-in track. */
export default function CampaignsPage() {
  return <StaffGate>{() => <CampaignsView />}</StaffGate>;
}
