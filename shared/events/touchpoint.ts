/**
 * Touchpoint events (SPEC §2.1): one zod schema per event type, discriminated by `type`.
 * These schemas are the wire contract of `POST /api/touchpoints` and of the mini-program's
 * tracking client. Every event carries a client-generated `id` (the idempotency key), the time it
 * happened on the device (`occurredAt`), optional attribution and small typed `props`.
 */
import { z } from 'zod';
import {
  campaignIdSchema,
  channelSchema,
  entityIdSchema,
  eventIdSchema,
  isoDateTimeSchema,
  referrerSchema,
} from '../fields.js';

/** Wire names of every touchpoint type; fixed, never renamed (stored in the database). */
export const TOUCHPOINT_TYPES = [
  'page_view',
  'content_view',
  'content_download',
  'registration',
  'subscribe_accept',
  'subscribe_reject',
  'trial_booked',
  'trial_cancelled',
  'trial_attended',
  'trial_no_show',
  'share',
  'referral_signup',
  'message_sent',
  'message_clicked',
  'consultation_request',
  'advisor_note',
  'advisor_call',
  'enrolled',
  'unsubscribe',
] as const;
export type TouchpointType = (typeof TOUCHPOINT_TYPES)[number];

/**
 * The types a prospect's device may report. The others are recorded by the server itself
 * (a booking, a registration, a message sent, an advisor's call, an enrolment), so a client
 * cannot claim them.
 */
export const CLIENT_TOUCHPOINT_TYPES = [
  'page_view',
  'content_view',
  'content_download',
  'subscribe_accept',
  'subscribe_reject',
  'share',
  'message_clicked',
  'consultation_request',
  'unsubscribe',
] as const satisfies readonly TouchpointType[];
export type ClientTouchpointType = (typeof CLIENT_TOUCHPOINT_TYPES)[number];

const commonFields = {
  id: eventIdSchema,
  occurredAt: isoDateTimeSchema,
  channel: channelSchema.optional(),
  campaignId: campaignIdSchema.optional(),
  contentId: entityIdSchema.optional(),
  referrer: referrerSchema.optional(),
};

const durationMsSchema = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600 * 1000);
const templateIdSchema = z.string().trim().min(1).max(128);
const pagePathSchema = z.string().trim().min(1).max(200);
const advisorIdSchema = entityIdSchema;

function event<T extends TouchpointType, P extends z.ZodType>(type: T, props: P) {
  return z.strictObject({ ...commonFields, type: z.literal(type), props });
}

/** Events about one content item require its id. */
function contentEvent<T extends TouchpointType, P extends z.ZodType>(type: T, props: P) {
  return z.strictObject({ ...commonFields, contentId: entityIdSchema, type: z.literal(type), props });
}

export const pageViewEventSchema = event(
  'page_view',
  z.strictObject({ page: pagePathSchema, durationMs: durationMsSchema.optional() }),
);
export const contentViewEventSchema = contentEvent(
  'content_view',
  z
    .strictObject({ durationMs: durationMsSchema.optional(), progress: z.number().min(0).max(1).optional() })
    .default({}),
);
export const contentDownloadEventSchema = contentEvent(
  'content_download',
  z.strictObject({ format: z.enum(['pdf', 'video', 'audio', 'image', 'other']).optional() }).default({}),
);
export const registrationEventSchema = event(
  'registration',
  z.strictObject({ referrerLeadId: entityIdSchema.optional() }).default({}),
);
const subscribeProps = z.strictObject({
  templateId: templateIdSchema,
  /** `referral`: the 推荐好友 card a customer sees on Me (the referral track's prompt, issue 13). */
  scene: z.enum(['registration', 'booking', 'content', 'me', 'referral']).optional(),
});
export const subscribeAcceptEventSchema = event('subscribe_accept', subscribeProps);
export const subscribeRejectEventSchema = event('subscribe_reject', subscribeProps);
const trialProps = z.strictObject({ sessionId: entityIdSchema, bookingId: entityIdSchema.optional() });
export const trialBookedEventSchema = event('trial_booked', trialProps);
export const trialCancelledEventSchema = event('trial_cancelled', trialProps);
export const trialAttendedEventSchema = event('trial_attended', trialProps);
export const trialNoShowEventSchema = event('trial_no_show', trialProps);
export const shareEventSchema = event(
  'share',
  z.strictObject({ page: pagePathSchema, target: z.enum(['friend', 'timeline']).default('friend') }),
);
export const referralSignupEventSchema = event('referral_signup', z.strictObject({ referrerLeadId: entityIdSchema }));
export const messageSentEventSchema = event(
  'message_sent',
  z.strictObject({
    templateId: templateIdSchema,
    /** `bounced`: WeChat refused the send (e.g. errcode 43101, no grant); scored negatively (SPEC §2.3). */
    status: z.enum(['ok', 'bounced']),
    errcode: z.number().int().optional(),
  }),
);
/**
 * A message was opened. A subscribe message's page carries its campaign step and variant (see
 * campaigns/page-link.ts), which the opened page reports as `stepId` and `variant` so the click
 * counts on that step's funnel and variant, not only on the campaign.
 */
export const messageClickedEventSchema = event(
  'message_clicked',
  z
    .strictObject({
      templateId: templateIdSchema.optional(),
      messageId: entityIdSchema.optional(),
      stepId: z.string().trim().min(1).max(64).optional(),
      variant: z.string().trim().min(1).max(16).optional(),
    })
    .default({}),
);
export const consultationRequestEventSchema = event(
  'consultation_request',
  z.strictObject({ topic: z.string().trim().max(200).optional(), courseId: entityIdSchema.optional() }).default({}),
);
export const advisorNoteEventSchema = event(
  'advisor_note',
  z.strictObject({ advisorId: advisorIdSchema, note: z.string().trim().min(1).max(2000) }),
);
/**
 * An advisor reached (or tried to reach) the lead (SPEC §2.1 "advisor call or note"): by phone,
 * in a WeChat chat or at a visit to the campus (issue 9 §4), with the outcome, an optional note
 * and when to follow up next.
 */
export const advisorCallEventSchema = event(
  'advisor_call',
  z.strictObject({
    advisorId: advisorIdSchema,
    outcome: z.enum(['connected', 'no_answer', 'busy', 'wrong_number']),
    /** Absent: a phone call (the only medium before the workbench). */
    medium: z.enum(['phone', 'wechat', 'visit']).optional(),
    note: z.string().trim().min(1).max(500).optional(),
    nextFollowUpAt: isoDateTimeSchema.optional(),
    durationSec: z
      .number()
      .int()
      .min(0)
      .max(6 * 3600)
      .optional(),
  }),
);
export const enrolledEventSchema = event(
  'enrolled',
  z.strictObject({
    courseId: entityIdSchema,
    /** Enrolment value in fen (CNY cents), an integer so that sums never drift. */
    amountFen: z.number().int().positive().max(100_000_000),
  }),
);
export const unsubscribeEventSchema = event(
  'unsubscribe',
  z
    .strictObject({ templateId: templateIdSchema.optional(), reason: z.string().trim().max(200).optional() })
    .default({}),
);

/** Any touchpoint, discriminated by `type`. */
export const touchpointEventSchema = z.discriminatedUnion('type', [
  pageViewEventSchema,
  contentViewEventSchema,
  contentDownloadEventSchema,
  registrationEventSchema,
  subscribeAcceptEventSchema,
  subscribeRejectEventSchema,
  trialBookedEventSchema,
  trialCancelledEventSchema,
  trialAttendedEventSchema,
  trialNoShowEventSchema,
  shareEventSchema,
  referralSignupEventSchema,
  messageSentEventSchema,
  messageClickedEventSchema,
  consultationRequestEventSchema,
  advisorNoteEventSchema,
  advisorCallEventSchema,
  enrolledEventSchema,
  unsubscribeEventSchema,
]);
export type TouchpointEvent = z.infer<typeof touchpointEventSchema>;
/** The input shape (before defaults are applied), as a client builds it. */
export type TouchpointEventInput = z.input<typeof touchpointEventSchema>;
export type TouchpointEventOf<T extends TouchpointType> = Extract<TouchpointEvent, { type: T }>;

/**
 * A touchpoint a prospect's device may send (see {@link CLIENT_TOUCHPOINT_TYPES}): a union of the
 * client types only, so that the OpenAPI document of `POST /api/touchpoints` lists exactly what a
 * client may send (issue 8 item 8); a server-only type is refused with its own message.
 */
export const clientTouchpointEventSchema = z.discriminatedUnion(
  'type',
  [
    pageViewEventSchema,
    contentViewEventSchema,
    contentDownloadEventSchema,
    subscribeAcceptEventSchema,
    subscribeRejectEventSchema,
    shareEventSchema,
    messageClickedEventSchema,
    consultationRequestEventSchema,
    unsubscribeEventSchema,
  ],
  {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const type = (issue.input as { type?: unknown } | undefined)?.type;
      return (TOUCHPOINT_TYPES as readonly unknown[]).includes(type) ? '该事件类型只能由服务端记录' : '未知的事件类型';
    },
  },
);
export type ClientTouchpointEvent = z.infer<typeof clientTouchpointEventSchema>;

// The union above and the list of client types must name the same types.
type UnionTypes = ClientTouchpointEvent['type'];
const sameClientTypes: [UnionTypes] extends [ClientTouchpointType]
  ? [ClientTouchpointType] extends [UnionTypes]
    ? true
    : false
  : false = true;
void sameClientTypes;

/** Narrowing helper: `isTouchpointOf(e, 'page_view')`. */
export function isTouchpointOf<T extends TouchpointType>(
  event: TouchpointEvent,
  type: T,
): event is TouchpointEventOf<T> {
  return event.type === type;
}
