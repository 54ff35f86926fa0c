import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { ApiError, api } from '../../api';
import { PageStatus } from '../../components/page-status';
import { PrivacyConsent } from '../../components/privacy-consent';
import { ReferralCard } from '../../components/referral-card';
import { formatDateTime } from '../../format/date';
import { useMyAccount } from '../../hooks/use-my-account';
import { useMyMessages } from '../../hooks/use-my-messages';
import { usePageView } from '../../hooks/use-page-view';
import { privacyConsent } from '../../privacy';
import { SUBSCRIBE_TEMPLATES } from '../../subscribe';
import { DownloadsSection } from './downloads-section';
import { MessagesSection } from './messages-section';
import { SubscriptionsSection } from './subscriptions-section';
import { TEXT } from './text';
import './index.css';

const isWeapp = Taro.getEnv() === Taro.ENV_TYPE.WEAPP;
const toastError = (e: unknown) =>
  Taro.showToast({ title: e instanceof ApiError ? e.userMessage : '操作失败', icon: 'none' });

/**
 * Me (issue 5 item 1): profile, in-app messages (issue 13), bookings (cancel), downloads, message
 * subscriptions, and my data (export, delete). E2E texts: 我的预约 and the booked course's name. No stage or score: that is
 * the institution's sales language about the prospect (SPEC §4, issue 9 §6); the export lists it.
 */
export default function MePage() {
  usePageView();
  const { account, cancel, subscribe, subscribeToReferrals, exportData, erase, bindPhone } = useMyAccount();
  const messages = useMyMessages();
  useDidShow(() => {
    if (account.status !== 'loading') account.reload();
    if (messages.loaded.status !== 'loading') messages.loaded.reload();
  });
  if (account.status === 'error')
    return <PageStatus kind="error" message={account.userMessage} onRetry={account.reload} />;
  if (!account.data) return <PageStatus kind="loading" />;
  const { lead, bookings, downloads, subscriptions } = account.data;
  // Loading the account logged in, so the session is there: staff see their workbench (issue 9 §1).
  const staff = api.findSession()?.staff ?? null;

  const confirm = async (content: string) => (await Taro.showModal({ title: '', content })).confirm;
  const onCancel = async (id: string) => (await confirm(TEXT.cancelConfirm)) && cancel(id).catch(toastError);
  const onExport = async () => {
    const data = await exportData().catch(toastError);
    if (!data) return;
    try {
      await Taro.setClipboardData({ data: JSON.stringify(data, null, 2) });
    } catch (e) {
      // e.g. the user refused the privacy consent (errMsg `privacy permission is not authorized`).
      return toastError(e);
    }
    await Taro.showToast({ title: TEXT.exported, icon: 'none' });
  };
  const onPhone = async (code: string | undefined) => {
    if (!code) return;
    await bindPhone(code).then(() => Taro.showToast({ title: TEXT.phoneBound, icon: 'success' }), toastError);
  };
  const onDelete = async () => (await confirm(TEXT.deleteConfirm)) && erase().catch(toastError);

  return (
    <View className="me">
      <View className="card">
        <Text className="me__name">{lead.name ?? TEXT.guest}</Text>
        {lead.phoneMasked && <Text className="muted">{lead.phoneMasked}</Text>}
        {lead.isRegistered && isWeapp && (
          // WeChat verifies the number; the server stores it only after consent (it already has it).
          <Button
            className="me__mini-button"
            size="mini"
            openType="getPhoneNumber"
            onGetPhoneNumber={(e) => onPhone(e.detail.code)}
          >
            {TEXT.bindPhone}
          </Button>
        )}
        {!lead.isRegistered && (
          <Button className="primary-button" onClick={() => Taro.navigateTo({ url: '/pages/register/index' })}>
            {TEXT.registerButton}
          </Button>
        )}
      </View>
      {staff && (
        <View className="card me__workbench" onClick={() => Taro.navigateTo({ url: '/admin/pages/leads/index' })}>
          <Text className="content-card__title">{TEXT.workbench}</Text>
          <Text className="muted">{TEXT.workbenchNote(staff.name)}</Text>
        </View>
      )}
      <MessagesSection messages={messages} />
      {lead.isEnrolled && (
        // The referral track's prompt, at the moment it is useful: after enrolment (issue 13 §3).
        <ReferralCard
          remaining={subscriptions.find((s) => s.templateId === SUBSCRIBE_TEMPLATES.referralInvite)?.remaining ?? 0}
          canAsk={isWeapp}
          onAsk={() => subscribeToReferrals().catch(toastError)}
        />
      )}
      <Text className="me__section">{TEXT.bookings}</Text>
      {bookings.length === 0 && <PageStatus kind="empty" message={TEXT.noBookings} />}
      {bookings.map((b) => (
        <View key={b.id} className="card">
          <Text className="content-card__title">{b.session.course.name}</Text>
          <Text className="muted">{`${formatDateTime(b.session.startsAt, b.session.endsAt)} · ${b.session.campus.name}`}</Text>
          <View className="me__row">
            <Text className="tag">{TEXT.statuses[b.status]}</Text>
            {b.status === 'booked' && (
              <Text className="me__action" onClick={() => onCancel(b.id)}>
                {TEXT.cancel}
              </Text>
            )}
          </View>
        </View>
      ))}
      <DownloadsSection downloads={downloads} />
      <SubscriptionsSection subscriptions={subscriptions} onSubscribe={() => subscribe().catch(toastError)} />
      <Text className="me__section">{TEXT.myData}</Text>
      <View className="card">
        <Text className="me__action" onClick={onExport}>
          {TEXT.exportData}
        </Text>
        <Text className="me__action me__action--danger" onClick={onDelete}>
          {TEXT.deleteData}
        </Text>
      </View>
      {!staff && (
        <Text className="me__staff-link muted" onClick={() => Taro.navigateTo({ url: '/admin/pages/leads/index' })}>
          {TEXT.staffJoin}
        </Text>
      )}
      <PrivacyConsent consent={privacyConsent} />
    </View>
  );
}
