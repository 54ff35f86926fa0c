import {
  type AudiencePredicate,
  type CampaignOptionsResponse,
  JOURNEY_STAGE_LABELS,
  JOURNEY_STAGES,
  LIFECYCLE_STAGE_LABELS,
  LIFECYCLE_STAGES,
} from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import {
  type AudienceDraft,
  type AudienceEventKind,
  type AudienceSlot,
  fromAudienceDraft,
  toAudienceDraft,
} from '../../campaign-audience-draft';
import { CAMPAIGN_TEXT as T } from '../../campaign-text';
import { formatSource } from '../../format';
import type { AudienceCount } from '../../hooks/use-audience-count';
import { ChoiceChips, FieldError, MultiChips, NumberInput } from './inputs';

const asOptions = (values: readonly string[], labels: Record<string, string>) =>
  values.map((value) => ({ value, label: labels[value] ?? value }));

function LiveCount({ count }: { count: AudienceCount }) {
  if (count.status === 'error') return <Text className="form-error">{count.userMessage}</Text>;
  if (count.status === 'counting')
    return (
      <Text className="campaign-editor__count muted">{count.last === null ? T.counting : T.liveCount(count.last)}</Text>
    );
  return <Text className="campaign-editor__count">{T.liveCount(count.audienceSize)}</Text>;
}

/** A kept condition in words (`不满足：生命周期 客户、推荐者`): shown, not edited. */
function describePredicate(p: AudiencePredicate): string {
  if ('not' in p) return `不满足（${describePredicate(p.not)}）`;
  if ('all' in p) return p.all.map(describePredicate).join(' 且 ') || '全部';
  if ('any' in p) return p.any.map(describePredicate).join(' 或 ') || '无';
  const label = (values: readonly string[], labels: Record<string, string>) =>
    values.map((v) => labels[v] ?? v).join('、');
  switch (p.kind) {
    case 'lifecycle_stage':
      return `生命周期为 ${label(p.in, LIFECYCLE_STAGE_LABELS)}`;
    case 'journey_stage':
      return `购买阶段为 ${label(p.in, JOURNEY_STAGE_LABELS)}`;
    case 'trial_status':
      return `试听${label(p.in, T.trialStatuses)}`;
    case 'tags':
      return `标签 ${p.anyOf.join('、')}`;
    case 'score':
      return `分数 ${p.min ?? ''}～${p.max ?? ''}`;
    case 'inactive':
      return `至少 ${p.minDays} 天未互动`;
    default:
      return `${KIND_LABELS[p.kind] ?? p.kind}条件`;
  }
}

const KIND_LABELS: Record<string, string> = {
  campus: '校区',
  course_interest: '意向课程',
  role: '身份',
  source: '来源',
  has_grant: '订阅授权',
  occurred_within: '最近事件',
};

const WITHIN_EVENTS: readonly AudienceEventKind[] = ['registered', 'trial_booked', 'enrolled'];

/**
 * 受众 (issue 13 §1): one field per condition kind, all required together, with the live count
 * above them. Options the server knows (campuses, courses, sources, tags) come from the API with
 * how many leads carry each; server refusals show under their field (`errors['audience.<slot>']`).
 */
export function AudienceEditor(props: {
  audience: AudiencePredicate;
  onChange: (audience: AudiencePredicate) => void;
  count: AudienceCount;
  options: CampaignOptionsResponse | undefined;
  errors: Record<string, string>;
}) {
  const draft = toAudienceDraft(props.audience);
  const set = (change: Partial<AudienceDraft>) => props.onChange(fromAudienceDraft({ ...draft, ...change }));
  const options = props.options;
  const section = (slot: AudienceSlot, body: JSX.Element) => (
    <View className="campaign-editor__slot" key={slot}>
      <Text className="field-label">{T.slots[slot]}</Text>
      {body}
      <FieldError message={props.errors[`audience.${slot}`]} />
    </View>
  );
  return (
    <View className="card campaign-editor__audience">
      <LiveCount count={props.count} />
      <Text className="muted campaign-editor__hint">{T.audienceHint}</Text>
      <FieldError message={props.errors.audience} />
      {section(
        'lifecycle',
        <MultiChips
          options={asOptions(LIFECYCLE_STAGES, LIFECYCLE_STAGE_LABELS)}
          selected={draft.lifecycle}
          onChange={(v) => set({ lifecycle: v as AudienceDraft['lifecycle'] })}
        />,
      )}
      {section(
        'journey',
        <MultiChips
          options={asOptions(JOURNEY_STAGES, JOURNEY_STAGE_LABELS)}
          selected={draft.journey}
          onChange={(v) => set({ journey: v as AudienceDraft['journey'] })}
        />,
      )}
      {section(
        'score',
        <View className="campaign-editor__range">
          <Text className="muted">{T.scoreFrom}</Text>
          <NumberInput
            className="campaign-editor__score-min"
            value={draft.score?.min}
            onChange={(min) => set({ score: bounds({ ...draft.score, min }) })}
          />
          <Text className="muted">{T.scoreTo}</Text>
          <NumberInput
            className="campaign-editor__score-max"
            value={draft.score?.max}
            onChange={(max) => set({ score: bounds({ ...draft.score, max }) })}
          />
        </View>,
      )}
      {section(
        'campuses',
        <MultiChips
          options={options?.campuses ?? []}
          selected={draft.campuses}
          onChange={(v) => set({ campuses: v })}
        />,
      )}
      {section(
        'courses',
        <MultiChips options={options?.courses ?? []} selected={draft.courses} onChange={(v) => set({ courses: v })} />,
      )}
      {section(
        'roles',
        <MultiChips
          options={asOptions(Object.keys(T.roles), T.roles)}
          selected={draft.roles}
          onChange={(v) => set({ roles: v as AudienceDraft['roles'] })}
        />,
      )}
      {section(
        'sources',
        <MultiChips
          options={(options?.sources ?? []).map((o) => ({ ...o, label: formatSource(o.value) }))}
          selected={draft.sources}
          onChange={(v) => set({ sources: v })}
        />,
      )}
      {section(
        'tags',
        <MultiChips options={options?.tags ?? []} selected={draft.tags} onChange={(v) => set({ tags: v })} />,
      )}
      {section(
        'inactive',
        <View className="campaign-editor__range">
          <Text className="muted">{T.inactiveFrom}</Text>
          <NumberInput
            value={draft.inactive?.minDays}
            onChange={(minDays) =>
              set({ inactive: minDays === undefined ? null : { ...draft.inactive, minDays: Math.round(minDays) } })
            }
          />
          <Text className="muted">{T.inactiveTo}</Text>
          <NumberInput
            value={draft.inactive?.maxDays}
            onChange={(maxDays) => {
              const { maxDays: _old, ...rest } = draft.inactive ?? { minDays: 0 };
              set({ inactive: maxDays === undefined ? rest : { ...rest, maxDays: Math.round(maxDays) } });
            }}
          />
          <Text className="muted">{T.days}</Text>
        </View>,
      )}
      {WITHIN_EVENTS.map((event) =>
        section(
          `within.${event}` as AudienceSlot,
          <View className="campaign-editor__range">
            <NumberInput
              value={draft.within[event]}
              onChange={(days) => {
                const { [event]: _old, ...rest } = draft.within;
                set({ within: days === undefined ? rest : { ...rest, [event]: Math.round(days) } });
              }}
            />
            <Text className="muted">{T.withinDays}</Text>
          </View>,
        ),
      )}
      {section(
        'trialStatuses',
        <MultiChips
          options={asOptions(Object.keys(T.trialStatuses), T.trialStatuses)}
          selected={draft.trialStatuses}
          onChange={(v) => set({ trialStatuses: v as AudienceDraft['trialStatuses'] })}
        />,
      )}
      {section(
        'hasGrant',
        <ChoiceChips
          choices={['none', 'step', ...(options?.templates ?? []).map((t) => t.key)]}
          labels={{ ...T.grantChoices, ...Object.fromEntries((options?.templates ?? []).map((t) => [t.key, t.title])) }}
          selected={draft.hasGrant === null ? 'none' : (draft.hasGrant.template ?? 'step')}
          onPick={(choice) =>
            set({
              hasGrant:
                choice === 'none'
                  ? null
                  : choice === 'step'
                    ? {}
                    : { template: choice as NonNullable<AudienceDraft['hasGrant']>['template'] },
            })
          }
        />,
      )}
      {draft.kept.length > 0 && (
        <View className="campaign-editor__slot">
          <Text className="field-label">{T.kept}</Text>
          {draft.kept.map((p) => (
            <Text key={JSON.stringify(p)} className="muted campaign-editor__kept">
              {describePredicate(p)}
            </Text>
          ))}
          <FieldError message={props.errors['audience.kept']} />
        </View>
      )}
    </View>
  );
}

/** A score condition with the bounds given; none given is no condition. */
function bounds(score: { min?: number; max?: number }): AudienceDraft['score'] {
  const next: { min?: number; max?: number } = {};
  if (score.min !== undefined) next.min = score.min;
  if (score.max !== undefined) next.max = score.max;
  return next.min === undefined && next.max === undefined ? null : next;
}
