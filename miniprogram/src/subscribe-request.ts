import type { TouchpointEventOf } from '@scrm/shared';
import type { Logger } from './platform/logger';
import {
  isGrantingAnswer,
  MAX_TEMPLATES_PER_REQUEST,
  readSubscribeFailure,
  type SubscribeAnswer,
  type SubscribeFailure,
  toSubscribeAnswers,
} from './subscribe-answers';

/** Where the request was made, so grant rates can be compared by scene. */
export type SubscribeScene = NonNullable<TouchpointEventOf<'subscribe_accept'>['props']['scene']>;

export type SubscribeOutcome =
  /** Outside WeChat (the H5 build): there is no dialog to show. */
  | { kind: 'unsupported' }
  | { kind: 'answered'; grantedTemplateIds: string[] }
  | { kind: 'failed'; failure: SubscribeFailure; userMessage: string };

export interface SubscribeDeps {
  isSupported: () => boolean;
  /** `wx.requestSubscribeMessage({ tmplIds })`: resolves with the reply, rejects with `{ errCode, errMsg }`. */
  ask: (templateIds: string[]) => Promise<Record<string, unknown>>;
  /** Reports one answer as its touchpoint (the server counts the grants, SPEC §2.5). */
  track: (answer: SubscribeAnswer, scene: SubscribeScene) => void;
  logger: Logger;
}

/** Chinese texts of a failed request, for the one place that shows them (Me → 订阅消息提醒). */
export const SUBSCRIBE_TEXT = {
  switchedOff: '你已关闭本小程序的消息通知，可在右上角「···」→「设置」中打开',
  failed: '订阅未成功，请稍后再试',
} as const;

/**
 * Asks for one-time subscriptions and reports each answer. WeChat shows the dialog only when the
 * call comes from a tap (base library 2.8.2+), so `ask` is called synchronously, before this
 * function returns: call it first thing in a tap handler, before any `await`. A failure is logged
 * with its errCode and returned, never swallowed.
 */
export function createSubscriptionRequester(deps: SubscribeDeps) {
  return function requestSubscriptions(
    templateIds: readonly string[],
    scene: SubscribeScene,
  ): Promise<SubscribeOutcome> {
    if (!deps.isSupported()) return Promise.resolve({ kind: 'unsupported' });
    const asked = templateIds.slice(0, MAX_TEMPLATES_PER_REQUEST);
    return deps.ask(asked).then(
      (reply): SubscribeOutcome => {
        const answers = toSubscribeAnswers(asked, reply);
        for (const answer of answers) deps.track(answer, scene);
        return {
          kind: 'answered',
          grantedTemplateIds: asked.filter((templateId) => isGrantingAnswer(reply[templateId])),
        };
      },
      (error: unknown): SubscribeOutcome => {
        const failure = readSubscribeFailure(error);
        deps.logger.warn('subscribe request failed', { ...failure, scene, templateIds: asked });
        const userMessage = failure.errCode === 20004 ? SUBSCRIBE_TEXT.switchedOff : SUBSCRIBE_TEXT.failed;
        return { kind: 'failed', failure, userMessage };
      },
    );
  };
}
