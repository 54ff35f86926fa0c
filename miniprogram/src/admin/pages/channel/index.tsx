import { CHANNEL_KIND_LABELS, type ChannelCounts, type ChannelView } from '@scrm/shared';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ApiError } from '../../../api';
import { PageStatus } from '../../../components/page-status';
import { PrivacyConsent } from '../../../components/privacy-consent';
import { privacyConsent } from '../../../privacy';
import { StaffGate } from '../../components/staff-gate';
import { useChannelCode } from '../../hooks/use-channel-code';
import { useChannel } from '../../hooks/use-channels';
import { CHANNEL_TEXT as T } from '../channels/text';
import { saveChannelCode } from './save-code';
import '../../workbench.css';
import './index.css';

const COUNT_KEYS = ['scans', 'newLeads', 'registrations', 'bookings'] as const;

function Counts({ counts }: { counts: ChannelCounts }) {
  return (
    <View className="card channel__counts">
      {COUNT_KEYS.map((key) => (
        <View key={key} className="channel__count" id={`count-${key}`}>
          <Text className="channel__count-value">{counts[key]}</Text>
          <Text className="muted">{T.counts[key]}</Text>
        </View>
      ))}
    </View>
  );
}

function CodeCard({ channel }: { channel: ChannelView }) {
  const image = useChannelCode(channel.codeUrl);
  const onSave = async (src: string) => {
    try {
      await saveChannelCode(src, `渠道码-${channel.name}.png`);
      void Taro.showToast({ title: T.saved, icon: 'success' });
    } catch {
      void Taro.showToast({ title: T.saveFailed, icon: 'none' });
    }
  };
  return (
    <View className="card channel__code">
      <Text className="section-title">{T.codeTitle}</Text>
      {image.status === 'error' && <PageStatus kind="error" message={T.codeFailed} onRetry={image.reload} />}
      {image.status === 'loading' && <PageStatus kind="loading" message={T.codeLoading} />}
      {image.status === 'ready' && (
        <>
          <Image className="channel__image" src={image.data} mode="aspectFit" showMenuByLongpress />
          <Button className="primary-button" onClick={() => void onSave(image.data)}>
            {T.save}
          </Button>
          <Text className="muted">{T.codeNote}</Text>
        </>
      )}
    </View>
  );
}

function ChannelDetail({ id, isManager }: { id: string; isManager: boolean }) {
  const { detail, archive } = useChannel(id);
  if (detail.status === 'error' && !detail.data)
    return <PageStatus kind="error" message={detail.userMessage} onRetry={detail.reload} />;
  if (!detail.data) return <PageStatus kind="loading" />;
  const { channel, counts } = detail.data;
  const onArchive = async () => {
    if (!(await Taro.showModal({ title: T.archive, content: T.archiveConfirm })).confirm) return;
    try {
      await archive();
      void Taro.showToast({ title: T.archived, icon: 'success' });
    } catch (error) {
      void Taro.showToast({ title: error instanceof ApiError ? error.userMessage : T.actionFailed, icon: 'none' });
    }
  };
  return (
    <View className="workbench-page channel">
      <View className="card">
        <View className="channel__head">
          <Text className="channel__name">{channel.name}</Text>
          <Text className="tag tag--stage">{CHANNEL_KIND_LABELS[channel.kind]}</Text>
          {channel.archivedAt && <Text className="tag tag--danger">{T.archivedTag}</Text>}
        </View>
        <Text className="muted">{T.meta(channel.campusName, channel.advisorName)}</Text>
        <Text className="muted">{`${T.landing}：${T.landingPages[channel.landingPage] ?? channel.landingPage}`}</Text>
        {channel.campaignId && <Text className="muted">{T.campaignTag(channel.campaignId)}</Text>}
      </View>
      <Counts counts={counts} />
      <CodeCard channel={channel} />
      {isManager && !channel.archivedAt && (
        <Text className="link channel__archive" onClick={() => void onArchive()}>
          {T.archive}
        </Text>
      )}
      <PrivacyConsent consent={privacyConsent} />
    </View>
  );
}

/** 渠道详情: what the channel brought, its code to print, and archiving it (managers). */
export default function ChannelPage() {
  const { params } = useRouter();
  return (
    <StaffGate>{(staff) => <ChannelDetail id={params.id ?? ''} isManager={staff.role === 'manager'} />}</StaffGate>
  );
}
