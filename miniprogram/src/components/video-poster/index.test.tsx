import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { VideoPoster } from '.';

afterEach(cleanup);

describe('VideoPoster', () => {
  it('shows the poster with a play button, and says the clip is not there yet when tapped without one', () => {
    const { container } = render(<VideoPoster poster="/api/contents/x/cover.png" />);
    expect(screen.getByRole('button').getAttribute('aria-label')).toBe('播放视频');
    fireEvent.click(container.querySelector('.video-poster') as Element);
    expect(screen.queryByRole('button')).toBeNull();
    expect(container.textContent).toContain('视频将在正式上线后播放');
  });
});
