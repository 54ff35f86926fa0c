import { cancelBookingResponseSchema, type TrialSession } from '@scrm/shared';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, api } from '../api';
import { API_MESSAGES } from '../api/messages';
import { SESSION_TEXT } from '../components/session-card/text';
import { requestSubscriptions, SUBSCRIBE_TEMPLATES } from '../subscribe';
import { bookTrial } from './use-book-trial';

export type BookingSheetState =
  | { step: 'confirm'; session: TrialSession; isSending: boolean }
  | { step: 'booked'; session: TrialSession; canRemind: boolean };

/**
 * Booking a trial from any page (issue 14): 预约 opens a sheet with time and address, 确认预约
 * books, and the booked sheet offers the class reminder at that moment (the tap WeChat needs for
 * its dialog). `returnUrl` is where registration sends the prospect back; `onChanged` reloads the
 * page's sessions so the card shows its new state.
 */
export function useBookingFlow(options: { returnUrl: string; onChanged: () => void }) {
  const [sheet, setSheet] = useState<BookingSheetState | null>(null);
  const toast = (title: string) => Taro.showToast({ title, icon: 'none' });

  const confirm = async () => {
    if (sheet?.step !== 'confirm' || sheet.isSending) return;
    const { session } = sheet;
    setSheet({ ...sheet, isSending: true });
    const outcome = await bookTrial(api, session.id);
    if (outcome.kind === 'needs_registration') {
      setSheet(null);
      const query = `courseId=${session.course.id}&campusId=${session.campus.id}`;
      await Taro.navigateTo({
        url: `/pages/register/index?${query}&redirect=${encodeURIComponent(options.returnUrl)}`,
      });
      return;
    }
    if (outcome.kind === 'refused') {
      setSheet(null);
      await toast(outcome.userMessage);
    } else {
      setSheet({ step: 'booked', session, canRemind: Taro.getEnv() === Taro.ENV_TYPE.WEAPP });
    }
    options.onChanged();
  };

  /** Synchronously from the tap: WeChat shows the subscription dialog only from one. */
  const remind = () => {
    void requestSubscriptions([SUBSCRIBE_TEMPLATES.trialReminder, SUBSCRIBE_TEMPLATES.bookingConfirmed], 'booking');
    setSheet(null);
  };

  const cancel = async (bookingId: string) => {
    const { confirm: isSure } = await Taro.showModal({ title: '', content: SESSION_TEXT.cancelConfirm });
    if (!isSure) return;
    try {
      await api.request(`/api/bookings/${bookingId}`, { method: 'DELETE', schema: cancelBookingResponseSchema });
      await toast(SESSION_TEXT.cancelled);
    } catch (e) {
      await toast(e instanceof ApiError ? e.userMessage : API_MESSAGES.unknown);
    }
    options.onChanged();
  };

  return {
    sheet,
    ask: (session: TrialSession) => setSheet({ step: 'confirm', session, isSending: false }),
    close: () => setSheet(null),
    confirm,
    remind,
    cancel,
  };
}
