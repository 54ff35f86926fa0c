import {
  type ListCampusesResponse,
  type ListCoursesResponse,
  listCampusesResponseSchema,
  listCoursesResponseSchema,
} from '@scrm/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { api } from '../../api';
import { PageStatus } from '../../components/page-status';
import { useApiData } from '../../hooks/use-api-data';
import { usePageView } from '../../hooks/use-page-view';
import { useRegistrationForm } from '../../hooks/use-registration-form';
import { requestSubscriptions, SUBSCRIBE_TEMPLATES } from '../../subscribe';
import { tracker } from '../../tracking';
import { TEXT } from './text';

const isUuid = (value: string | undefined): value is string =>
  value !== undefined && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

import './index.css';

type Options = { courses: ListCoursesResponse['courses']; campuses: ListCampusesResponse['campuses'] };

/**
 * Registration (issue 5 item 1): contact, profile and consent; nothing is sent before consent.
 * E2E: placeholders 请输入姓名 / 请输入手机号, option chips by their Chinese labels, 我已阅读并同意, 提交登记.
 */
export default function RegisterPage() {
  usePageView();
  const { params } = useRouter();
  // A friend's share link carried their lead id as `referrer`: the registration credits them.
  const referrer = tracker.getAttribution().referrer;
  const form = useRegistrationForm(api, {
    referrerLeadId: isUuid(referrer) ? referrer : undefined,
    now: () => new Date(),
  });
  const options = useApiData<Options>(async () => {
    const [c, k] = await Promise.all([
      api.request('/api/courses', { schema: listCoursesResponseSchema, isAuthenticated: false }),
      api.request('/api/campuses', { schema: listCampusesResponseSchema, isAuthenticated: false }),
    ]);
    return { courses: c.courses, campuses: k.campuses };
  });

  const onSubmit = async () => {
    // First, while the tap is still on the stack: WeChat shows the dialog only from a tap.
    const subscribed = requestSubscriptions(
      [SUBSCRIBE_TEMPLATES.nurture, SUBSCRIBE_TEMPLATES.trialReminder],
      'registration',
    );
    const reply = await form.submit();
    // Leave the page only once the dialog is answered, or navigating away would close it.
    await subscribed;
    if (!reply) return;
    await Taro.showToast({ title: TEXT.done, icon: 'success' });
    if (params.redirect) await Taro.navigateBack();
    else await Taro.switchTab({ url: '/pages/me/index' });
  };

  if (options.status === 'error')
    return <PageStatus kind="error" message={options.userMessage} onRetry={options.reload} />;
  if (!options.data) return <PageStatus kind="loading" />;
  const { draft, update } = form;
  const chips = <K extends string>(values: Record<K, string>, selected: K | undefined, pick: (v: K) => void) => (
    <View className="chips">
      {(Object.keys(values) as K[]).map((v) => (
        <Text key={v} className={`chip ${v === selected ? 'chip--active' : ''}`} onClick={() => pick(v)}>
          {values[v]}
        </Text>
      ))}
    </View>
  );
  // A loop, not Object.fromEntries: our own code stays within ES2017 built-ins (ADR 013).
  const byId = (items: { id: string; name: string }[]) => {
    const names: Record<string, string> = {};
    for (const item of items) names[item.id] = item.name;
    return names;
  };

  return (
    <View className="register">
      <Text className="muted">{TEXT.intro}</Text>
      <Text className="register__label">{TEXT.name}</Text>
      <Input
        className="register__input"
        placeholder={TEXT.namePlaceholder}
        value={draft.name}
        onInput={(e) => update({ name: e.detail.value })}
      />
      <Text className="register__label">{TEXT.phone}</Text>
      <Input
        className="register__input"
        type="number"
        maxlength={11}
        placeholder={TEXT.phonePlaceholder}
        value={draft.phone}
        onInput={(e) => update({ phone: e.detail.value })}
      />
      <Text className="register__label">{TEXT.role}</Text>
      {chips(TEXT.roles, draft.role, (role) => update({ role }))}
      <Text className="register__label">{TEXT.grade}</Text>
      {chips(TEXT.grades, draft.grade, (grade) => update({ grade }))}
      <Text className="register__label">{TEXT.course}</Text>
      {chips(byId(options.data.courses), draft.courseId, (courseId) => update({ courseId }))}
      <Text className="register__label">{TEXT.timeline}</Text>
      {chips(TEXT.timelines, draft.timeline, (timeline) => update({ timeline }))}
      <Text className="register__label">{TEXT.campus}</Text>
      {chips(byId(options.data.campuses), draft.campusId, (campusId) => update({ campusId }))}
      <View className="register__consent">
        <Text
          className={`register__check ${draft.hasConsent ? 'register__check--on' : ''}`}
          onClick={() => update({ hasConsent: !draft.hasConsent })}
        >
          {draft.hasConsent ? '☑' : '☐'} {TEXT.consentBefore}
        </Text>
        <Text className="register__link" onClick={() => Taro.navigateTo({ url: '/pages/privacy/index' })}>
          {TEXT.consentLink}
        </Text>
      </View>
      {form.error && <Text className="register__error">{form.error}</Text>}
      {!draft.hasConsent && <Text className="muted">{TEXT.needConsent}</Text>}
      <Button className="primary-button" disabled={!form.canSubmit} onClick={onSubmit}>
        {form.status === 'sending' ? TEXT.submitting : TEXT.submit}
      </Button>
    </View>
  );
}
