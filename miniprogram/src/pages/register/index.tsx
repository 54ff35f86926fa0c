import {
  type ListCampusesResponse,
  type ListCoursesResponse,
  listCampusesResponseSchema,
  listCoursesResponseSchema,
} from '@scrm/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { api } from '../../api';
import { Checkbox, ChoiceChips, FormField, FormInput, FormSummary } from '../../components/form';
import { PageStatus } from '../../components/page-status';
import { SubPage } from '../../components/sub-page';
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
 * Every wrong input has its message under its field (on blur, on pick, on submit); the submit stays
 * enabled and explains. E2E: placeholders 请输入姓名 / 请输入手机号, option chips by their Chinese
 * labels, 我已阅读并同意, 提交登记, and the messages of REGISTRATION_ERRORS.
 */
export default function RegisterPage() {
  usePageView();
  const { params } = useRouter();
  // A friend's share link carried their lead id as `referrer`: the registration credits them.
  const { referrer, channel, campaignId } = tracker.getAttribution();
  const form = useRegistrationForm(api, {
    referrerLeadId: isUuid(referrer) ? referrer : undefined,
    // A channel code scanned in this visit (渠道码) is where the registration came from.
    attribution: { channel, campaignId },
    now: () => new Date(),
    // From a course page: that course (and campus) are already chosen.
    initial: {
      ...(isUuid(params.courseId) ? { courseId: params.courseId } : {}),
      ...(isUuid(params.campusId) ? { campusId: params.campusId } : {}),
    },
  });
  const options = useApiData<Options>(async () => {
    const [c, k] = await Promise.all([
      api.request('/api/courses', { schema: listCoursesResponseSchema, isAuthenticated: false }),
      api.request('/api/campuses', { schema: listCampusesResponseSchema, isAuthenticated: false }),
    ]);
    return { courses: c.courses, campuses: k.campuses };
  });

  const onSubmit = async () => {
    // First, while the tap is still on the stack: WeChat shows the dialog only from a tap. Only
    // for a form that will be sent: a dialog over a form with errors would hide them.
    const isSendable = form.fieldErrors.count === 0;
    const subscribed = isSendable
      ? requestSubscriptions([SUBSCRIBE_TEMPLATES.nurture, SUBSCRIBE_TEMPLATES.trialReminder], 'registration')
      : Promise.resolve(null);
    const reply = await form.submit();
    if (!isSendable && form.fieldErrors.firstInvalid) {
      Taro.pageScrollTo({ selector: `#field-${form.fieldErrors.firstInvalid}`, offsetTop: -60, duration: 200 }).catch(
        () => undefined,
      );
    }
    // Leave the page only once the dialog is answered, or navigating away would close it.
    await subscribed;
    if (!reply) return;
    await Taro.showToast({ title: TEXT.done, icon: 'success' });
    if (params.redirect) await Taro.navigateBack();
    else await Taro.switchTab({ url: '/pages/me/index' });
  };

  if (options.status === 'error' || !options.data)
    return (
      <SubPage title={TEXT.title}>
        {options.status === 'error' ? (
          <PageStatus kind="error" message={options.userMessage} onRetry={options.reload} />
        ) : (
          <PageStatus kind="loading" />
        )}
      </SubPage>
    );
  const { draft, update, fieldErrors } = form;
  const { errorOf } = fieldErrors;
  // A loop, not Object.fromEntries: our own code stays within ES2017 built-ins (ADR 013).
  const byId = (items: { id: string; name: string }[]) => {
    const names: Record<string, string> = {};
    for (const item of items) names[item.id] = item.name;
    return names;
  };

  return (
    <SubPage title={TEXT.title}>
      <View className="register">
        <Text className="muted">{TEXT.intro}</Text>
        <FormField name="name" label={TEXT.name} error={errorOf('name')}>
          <FormInput
            placeholder={TEXT.namePlaceholder}
            value={draft.name}
            isInvalid={errorOf('name') !== undefined}
            onInput={(name) => update({ name })}
            onBlur={() => fieldErrors.touch('name')}
          />
        </FormField>
        <FormField name="phone" label={TEXT.phone} error={errorOf('phone')}>
          <FormInput
            kind="phone"
            placeholder={TEXT.phonePlaceholder}
            value={draft.phone}
            isInvalid={errorOf('phone') !== undefined}
            onInput={(phone) => update({ phone })}
            onBlur={() => fieldErrors.touch('phone')}
          />
        </FormField>
        <FormField name="role" label={TEXT.role} error={errorOf('role')}>
          <ChoiceChips options={TEXT.roles} selected={draft.role} onPick={(role) => update({ role })} />
        </FormField>
        <FormField name="grade" label={TEXT.grade} error={errorOf('grade')}>
          <ChoiceChips options={TEXT.grades} selected={draft.grade} onPick={(grade) => update({ grade })} />
        </FormField>
        <FormField name="courseId" label={TEXT.course} error={errorOf('courseId')}>
          <ChoiceChips
            options={byId(options.data.courses)}
            selected={draft.courseId}
            onPick={(courseId) => update({ courseId })}
          />
        </FormField>
        <FormField name="timeline" label={TEXT.timeline} error={errorOf('timeline')}>
          <ChoiceChips options={TEXT.timelines} selected={draft.timeline} onPick={(timeline) => update({ timeline })} />
        </FormField>
        <FormField name="campusId" label={TEXT.campus} error={errorOf('campusId')}>
          <ChoiceChips
            options={byId(options.data.campuses)}
            selected={draft.campusId}
            onPick={(campusId) => update({ campusId })}
          />
        </FormField>
        <View id="field-hasConsent">
          <Checkbox
            isChecked={draft.hasConsent}
            isInvalid={errorOf('hasConsent') !== undefined}
            onChange={(hasConsent) => update({ hasConsent })}
          >
            <Text onClick={() => update({ hasConsent: !draft.hasConsent })}>{TEXT.consentBefore}</Text>
            <Text className="register__link" onClick={() => Taro.navigateTo({ url: '/pages/privacy/index' })}>
              {TEXT.consentLink}
            </Text>
          </Checkbox>
          {errorOf('hasConsent') && (
            <View className="form-field__error" role="alert">
              {errorOf('hasConsent')}
            </View>
          )}
        </View>
        <FormSummary
          message={fieldErrors.hasTriedSubmit && fieldErrors.count > 0 ? TEXT.fixFirst(fieldErrors.count) : undefined}
        />
        {form.error && <FormSummary message={form.error} />}
        <Button className="primary-button" loading={form.status === 'sending'} onClick={onSubmit}>
          {form.status === 'sending' ? TEXT.submitting : TEXT.submit}
        </Button>
      </View>
    </SubPage>
  );
}
