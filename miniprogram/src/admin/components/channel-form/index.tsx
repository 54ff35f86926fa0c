import {
  CHANNEL_KIND_LABELS,
  CHANNEL_KINDS,
  CHANNEL_LANDING_PAGES,
  type ChannelKind,
  type ChannelView,
  type CreateChannelRequest,
  listCampusesResponseSchema,
  listTeamResponseSchema,
} from '@scrm/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ApiError, api } from '../../../api';
import { PageStatus } from '../../../components/page-status';
import { useApiData } from '../../../hooks/use-api-data';
import { CHANNEL_TEXT as T } from '../../pages/channels/text';
import { ChoiceChips } from '../choice-chips';
import './index.css';

type LandingPage = (typeof CHANNEL_LANDING_PAGES)[number];

export interface ChannelFormProps {
  onCreate: (request: CreateChannelRequest) => Promise<ChannelView>;
  onCreated: (channel: ChannelView) => void;
}

/** What is missing before the form may be sent, in form order; `null` when it may. */
export function findMissing(r: {
  name: string;
  campusId?: string;
  kind: ChannelKind;
  advisorId?: string;
}): string | null {
  if (!r.name.trim()) return T.nameRequired;
  if (!r.campusId) return T.campusRequired;
  if (r.kind === 'advisor_card' && !r.advisorId) return T.advisorRequired;
  return null;
}

/** 新建渠道: name, kind, campus, the advisor of a business card, campaign and landing page. */
export function ChannelForm({ onCreate, onCreated }: ChannelFormProps) {
  const options = useApiData(async () => {
    const [campuses, team] = await Promise.all([
      api.request('/api/campuses', { schema: listCampusesResponseSchema, isAuthenticated: false }),
      api.request('/api/staff/team', { as: 'staff', schema: listTeamResponseSchema }),
    ]);
    return { campuses: campuses.campuses, advisors: team.advisors.filter((a) => a.isActive) };
  });
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ChannelKind>('fair');
  const [campusId, setCampusId] = useState<string>();
  const [advisorId, setAdvisorId] = useState<string>();
  const [campaignId, setCampaignId] = useState('');
  const [landingPage, setLandingPage] = useState<LandingPage>('pages/index/index');
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);

  if (options.status === 'error' && !options.data)
    return <PageStatus kind="error" message={options.userMessage} onRetry={options.reload} />;
  if (!options.data) return <PageStatus kind="loading" />;
  const campuses = options.data.campuses;
  const advisors = options.data.advisors.filter(
    (a) => campusId !== undefined && (a.isAllCampuses || a.campusIds.includes(campusId)),
  );

  const submit = async () => {
    const missing = findMissing({ name, campusId, kind, advisorId });
    if (missing || !campusId) return setError(missing);
    setError(null);
    setSending(true);
    try {
      const channel = await onCreate({
        name: name.trim(),
        kind,
        campusId,
        landingPage,
        ...(kind === 'advisor_card' && advisorId ? { advisorId } : {}),
        ...(campaignId.trim() ? { campaignId: campaignId.trim() } : {}),
      });
      onCreated(channel);
    } catch (e) {
      setError(e instanceof ApiError ? e.userMessage : T.createFailed);
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="card channel-form">
      <Text className="field-label">{T.name}</Text>
      <Input
        className="field-input"
        placeholder={T.namePlaceholder}
        value={name}
        maxlength={30}
        onInput={(e) => {
          setName(e.detail.value);
          setError(null);
        }}
      />
      <Text className="field-label">{T.kind}</Text>
      <ChoiceChips options={CHANNEL_KINDS} labels={CHANNEL_KIND_LABELS} value={kind} onChange={setKind} />
      <Text className="field-label">{T.campus}</Text>
      <ChoiceChips
        options={campuses.map((c) => c.id)}
        labels={Object.fromEntries(campuses.map((c) => [c.id, c.name]))}
        value={campusId}
        onChange={(id) => {
          setCampusId(id);
          setAdvisorId(undefined);
        }}
      />
      {kind === 'advisor_card' && (
        <>
          <Text className="field-label">{T.advisor}</Text>
          {campusId && advisors.length === 0 && <Text className="muted">{T.noAdvisors}</Text>}
          <ChoiceChips
            options={advisors.map((a) => a.id)}
            labels={Object.fromEntries(advisors.map((a) => [a.id, a.name]))}
            value={advisorId}
            onChange={setAdvisorId}
          />
        </>
      )}
      <Text className="field-label">{T.landing}</Text>
      <ChoiceChips
        options={CHANNEL_LANDING_PAGES}
        labels={T.landingPages as Record<LandingPage, string>}
        value={landingPage}
        onChange={setLandingPage}
      />
      <Text className="field-label">{T.campaign}</Text>
      <Input
        className="field-input"
        placeholder={T.campaignPlaceholder}
        value={campaignId}
        maxlength={64}
        onInput={(e) => setCampaignId(e.detail.value)}
      />
      {error && <Text className="form-error">{error}</Text>}
      <Button
        className="primary-button channel-form__submit"
        disabled={isSending || undefined}
        onClick={() => void submit()}
      >
        {isSending ? T.submitting : T.submit}
      </Button>
    </View>
  );
}
