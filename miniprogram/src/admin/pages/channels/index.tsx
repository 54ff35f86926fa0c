import { CHANNEL_KIND_LABELS, type ChannelView } from '@scrm/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { PageStatus } from '../../../components/page-status';
import { ChannelForm } from '../../components/channel-form';
import { StaffGate } from '../../components/staff-gate';
import { useChannels } from '../../hooks/use-channels';
import { CHANNEL_TEXT as T } from './text';
import '../../workbench.css';
import './index.css';

const openChannel = (id: string) => Taro.navigateTo({ url: `/admin/pages/channel/index?id=${id}` });

function ChannelRow({ channel }: { channel: ChannelView }) {
  return (
    <View className="card channel-row" onClick={() => void openChannel(channel.id)}>
      <View className="channel-row__head">
        <Text className="channel-row__name">{channel.name}</Text>
        <Text className="tag tag--stage">{CHANNEL_KIND_LABELS[channel.kind]}</Text>
      </View>
      <Text className="muted">{T.meta(channel.campusName, channel.advisorName)}</Text>
      {channel.campaignId && <Text className="muted">{T.campaignTag(channel.campaignId)}</Text>}
    </View>
  );
}

function ChannelsView({ isManager }: { isManager: boolean }) {
  const { list, create } = useChannels();
  const [isFormOpen, setFormOpen] = useState(false);
  usePullDownRefresh(() => {
    list.reload();
    Taro.stopPullDownRefresh();
  });
  // Back from a channel's page (archived there): the list shows what is current.
  useDidShow(() => {
    if (list.status === 'ready') list.reload();
  });

  const channels = list.data?.channels;
  return (
    <View className="workbench-page channels">
      <Text className="muted">{T.intro}</Text>
      {isManager && (
        <Button className="channels__toggle" onClick={() => setFormOpen(!isFormOpen)}>
          {isFormOpen ? T.cancel : T.create}
        </Button>
      )}
      {isFormOpen && (
        <ChannelForm
          onCreate={create}
          onCreated={(channel) => {
            setFormOpen(false);
            void Taro.showToast({ title: T.created, icon: 'success' });
            void openChannel(channel.id);
          }}
        />
      )}
      {list.status === 'error' && !channels && (
        <PageStatus kind="error" message={list.userMessage} onRetry={list.reload} />
      )}
      {!channels && list.status !== 'error' && <PageStatus kind="loading" />}
      {channels?.length === 0 && !isFormOpen && (
        <PageStatus kind="empty" message={isManager ? T.empty : T.emptyAdvisor} />
      )}
      {channels?.map((c) => (
        <ChannelRow key={c.id} channel={c} />
      ))}
    </View>
  );
}

/** 渠道码 (issue 13 §4): a manager's channels and a new one's form; an advisor's own cards. */
export default function ChannelsPage() {
  return <StaffGate>{(staff) => <ChannelsView isManager={staff.role === 'manager'} />}</StaffGate>;
}
