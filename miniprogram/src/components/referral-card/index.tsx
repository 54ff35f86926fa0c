import { Button, Text, View } from '@tarojs/components';
import { REFERRAL_CARD_TEXT as TEXT } from './text';

export interface ReferralCardProps {
  /** How many referral_invite messages the lead has allowed and not yet received. */
  remaining: number;
  /** WeChat's dialog exists only in the mini-program; the H5 build explains instead. */
  canAsk: boolean;
  /** Asks for the referral_invite grant: call it first in the tap handler (WeChat needs the tap). */
  onAsk: () => void;
}

/**
 * The referral track's prompt (issue 13 §3 "ask for the grant at the moment it is useful"): an
 * enrolled family sees it on Me and allows the 邀请有礼 message with one tap. The caller shows it
 * only to enrolled leads.
 */
export function ReferralCard({ remaining, canAsk, onAsk }: ReferralCardProps) {
  return (
    <View className="card">
      <Text className="content-card__title">{TEXT.title}</Text>
      <Text className="muted">{TEXT.body}</Text>
      {remaining > 0 && <Text className="tag tag--accent">{TEXT.granted(remaining)}</Text>}
      {canAsk ? (
        <Button className="me__mini-button" size="mini" onClick={onAsk}>
          {TEXT.ask}
        </Button>
      ) : (
        <Text className="muted me__note">{TEXT.inWechat}</Text>
      )}
    </View>
  );
}
