import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Checkbox, ChoiceChips, FormField, FormSummary } from '.';

function Consent() {
  const [isChecked, setChecked] = useState(false);
  return (
    <Checkbox isChecked={isChecked} onChange={setChecked}>
      同意
    </Checkbox>
  );
}

afterEach(cleanup);

describe('form kit', () => {
  it('a checkbox is a checkbox: role, state, and a tap toggles it', () => {
    render(<Consent />);
    const box = screen.getByRole('checkbox');
    expect(box.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(box);
    expect(screen.getByRole('checkbox').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByRole('checkbox'));
    expect(screen.getByRole('checkbox').getAttribute('aria-checked')).toBe('false');
  });

  it('a field shows its error under itself, and nothing without one', () => {
    const { rerender, container } = render(
      <FormField name="phone" label="手机号">
        <span>input</span>
      </FormField>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(
      <FormField name="phone" label="手机号" error="请输入以 1 开头的 11 位手机号">
        <span>input</span>
      </FormField>,
    );
    expect(screen.getByRole('alert').textContent).toBe('请输入以 1 开头的 11 位手机号');
    expect(container.querySelector('#field-phone')?.className).toContain('form-field--invalid');
  });

  it('chips are a radio group that reports the pick', () => {
    const picks: string[] = [];
    render(<ChoiceChips<'a' | 'b'> options={{ a: '家长', b: '学生' }} selected="a" onPick={(v) => picks.push(v)} />);
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('aria-checked'))).toEqual(['true', 'false']);
    fireEvent.click(screen.getByText('学生'));
    expect(picks).toEqual(['b']);
  });

  it('the summary renders only with a message', () => {
    const { container, rerender } = render(<FormSummary />);
    expect(container.innerHTML).toBe('');
    rerender(<FormSummary message="还有 2 项需要完善" />);
    expect(screen.getByRole('alert').textContent).toBe('还有 2 项需要完善');
  });
});
