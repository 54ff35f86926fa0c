import type { StaffLeadDetail } from '@scrm/shared';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LeadActionName } from '../../hooks/use-lead-action';
import { LeadActions } from '.';

const ID = '00000000-0000-4000-8000-000000000001';

function detailWith(allowedActions: StaffLeadDetail['allowedActions'], role: 'advisor' | 'manager' = 'advisor') {
  return {
    lead: {
      id: ID,
      lifecycleStage: 'mql',
      owner: { id: ID, name: '王老师' },
      course: null,
      bant: { budgetBand: 'unknown', decisionMaker: 'unknown', need: 'unknown', timeline: 'unknown' },
    },
    allowedActions,
    viewer: { id: ID, role },
  } as unknown as StaffLeadDetail;
}

/** The lead page's `run`: records each call and answers with the refusal it is given, or done. */
function recordingRun(refusal: string | null = null) {
  const calls: { name: LeadActionName; body?: Record<string, unknown> }[] = [];
  const run = async (name: LeadActionName, body?: Record<string, unknown>) => {
    calls.push({ name, body });
    return refusal;
  };
  return { calls, run };
}

// An async act: the form's submit awaits `run`, and its state changes come a microtask later.
const click = (text: string) =>
  act(async () => {
    fireEvent.click(screen.getByText(text, { exact: true }));
  });

afterEach(cleanup);

describe('LeadActions', () => {
  it('offers only the actions the API allows now', () => {
    const { run } = recordingRun();
    render(
      <LeadActions
        detail={detailWith(['accept', 'return', 'follow_up'])}
        pending={null}
        run={run}
        onChanged={() => {}}
      />,
    );
    expect(screen.queryByText('接受')).not.toBeNull();
    expect(screen.queryByText('退回')).not.toBeNull();
    expect(screen.queryByText('记录跟进')).not.toBeNull();
    for (const absent of ['领取', '放回公海', '记录报名', '编辑 BANT', '改派'])
      expect(screen.queryByText(absent)).toBeNull();
  });

  it('says so when nothing is allowed, and offers a manager 改派', () => {
    const { run } = recordingRun();
    const view = render(<LeadActions detail={detailWith([])} pending={null} run={run} onChanged={() => {}} />);
    expect(screen.queryByText('当前没有可执行的操作')).not.toBeNull();
    view.unmount();
    render(<LeadActions detail={detailWith([], 'manager')} pending={null} run={run} onChanged={() => {}} />);
    expect(screen.queryByText('改派')).not.toBeNull();
  });

  it('accepts with one tap', async () => {
    const { calls, run } = recordingRun();
    render(<LeadActions detail={detailWith(['accept'])} pending={null} run={run} onChanged={() => {}} />);
    await click('接受');
    expect(calls).toEqual([{ name: 'accept', body: undefined }]);
  });

  it("keeps the API's refusal on the return form, with the reason and note it sent", async () => {
    const { calls, run } = recordingRun('该线索不在你名下，可能已超时收回或被重新分配');
    const view = render(<LeadActions detail={detailWith(['return'])} pending={null} run={run} onChanged={() => {}} />);
    await click('退回');
    await click('提交');
    expect(screen.queryByText('请选择退回原因')).not.toBeNull();
    expect(calls).toEqual([]);

    await click('其他');
    const note = view.container.querySelector('textarea');
    if (!note) throw new Error('no note field');
    await act(async () => {
      fireEvent.input(note, { target: { value: ' 家长说明年再考虑 ' } });
    });
    await click('提交');
    expect(calls).toEqual([{ name: 'return', body: { reason: 'other', note: '家长说明年再考虑' } }]);
    expect(screen.queryByText('该线索不在你名下，可能已超时收回或被重新分配')).not.toBeNull();
  });

  it('closes the follow-up form once the call is logged', async () => {
    const { calls, run } = recordingRun(null);
    render(<LeadActions detail={detailWith(['follow_up'])} pending={null} run={run} onChanged={() => {}} />);
    await click('记录跟进');
    await click('未接通/未回复');
    await click('提交');
    expect(calls).toEqual([
      { name: 'followUp', body: { kind: 'call', outcome: 'no_answer', note: undefined, nextFollowUpAt: undefined } },
    ]);
    expect(screen.queryByText('跟进方式')).toBeNull();
  });
});
