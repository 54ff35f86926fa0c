import { describe, expect, it } from 'vitest';
import { createTestApp, logInAs } from '../../../tests/helpers/index.js';
import { PERSONAL_DATA } from '../personal-data.js';
import { stageTransitions } from '../schema/index.js';
import { listLeadTransitionRows } from './lead-history.js';
import { readPersonalRows } from './personal-data.js';

/**
 * The moves one signal causes share its time: a fit change makes a lead TGT and its score MQL at
 * the same instant. The history lists them as the machine made them, whatever their ordinals.
 */
describe('a lead’s stage history at one instant', () => {
  it('keeps the recorded order in the lead page and in the export', async () => {
    const t = await createTestApp();
    const me = await logInAs(t, 'same-instant');
    const at = new Date('2026-03-02T02:00:00.000Z');
    const move = (toStage: string, ordinal: number) => ({
      leadId: me.leadId,
      model: 'lifecycle' as const,
      fromStage: null,
      toStage,
      ordinal,
      at,
    });
    // Second time at target, first at MQL: ordinals and ids say nothing about which came first.
    await t.db.insert(stageTransitions).values([move('engaged', 1), move('target', 2), move('mql', 1)]);

    const page = (await listLeadTransitionRows(t.db, me.leadId)).filter((r) => r.at.getTime() === at.getTime());
    expect(page.map((r) => r.toStage)).toEqual(['engaged', 'target', 'mql']);
    const exported = await readPersonalRows(t.db, PERSONAL_DATA.stageTransitions, [me.leadId]);
    expect(exported.map((r) => r.toStage).slice(-3)).toEqual(['engaged', 'target', 'mql']);
  });
});
