/**
 * The stand-in's record of one-time subscriptions (SPEC §2.5: one accepted request allows exactly
 * one message of its template), kept as WeChat's servers keep it: per (openid, template), counted
 * up when the user accepts, down by each message accepted for delivery, and emptied when the user
 * turns the template off in WeChat's settings. Our own grant accounting is tested against it.
 */

export interface GrantBalance {
  accepted: number;
  spent: number;
  /** Grants the user took back (turned the template off), never sent. */
  withdrawn: number;
  remaining: number;
}

export function createGrantLedger() {
  const balances = new Map<string, Omit<GrantBalance, 'remaining'>>();
  const keyOf = (openid: string, templateId: string) => `${openid}|${templateId}`;
  const read = (key: string) => balances.get(key) ?? { accepted: 0, spent: 0, withdrawn: 0 };
  const withRemaining = (b: Omit<GrantBalance, 'remaining'>): GrantBalance => ({
    ...b,
    remaining: b.accepted - b.spent - b.withdrawn,
  });

  return {
    /** The user accepted `count` subscription requests for the template. */
    accept(openid: string, templateId: string, count: number): GrantBalance {
      const b = read(keyOf(openid, templateId));
      const next = { ...b, accepted: b.accepted + count };
      balances.set(keyOf(openid, templateId), next);
      return withRemaining(next);
    },
    /** The user turned the template off: every unspent grant is gone (sends answer 43101). */
    withdraw(openid: string, templateId: string): GrantBalance {
      const b = withRemaining(read(keyOf(openid, templateId)));
      const next = { accepted: b.accepted, spent: b.spent, withdrawn: b.withdrawn + b.remaining };
      balances.set(keyOf(openid, templateId), next);
      return withRemaining(next);
    },
    /** Spends one grant if there is one; false means WeChat answers 43101. */
    trySpend(openid: string, templateId: string): boolean {
      const b = read(keyOf(openid, templateId));
      if (withRemaining(b).remaining <= 0) return false;
      balances.set(keyOf(openid, templateId), { ...b, spent: b.spent + 1 });
      return true;
    },
    get(openid: string, templateId: string): GrantBalance {
      return withRemaining(read(keyOf(openid, templateId)));
    },
  };
}
