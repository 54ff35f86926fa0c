import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import './index.css';

export interface VideoPosterProps {
  poster: string;
  /** The clip, when the item has one; without it a tap says so instead of playing nothing. */
  src?: string | null;
}

const TEXT = {
  play: '播放视频',
  unavailable: '视频将在正式上线后播放，可以先看下面的文字版',
} as const;

/**
 * A video item's player (issue 14): the poster with a play button, then the player's states.
 * The demo has no clip files (nothing is fetched from a network), so a tap without `src` shows
 * the unavailable state rather than an empty player.
 */
export function VideoPoster({ poster, src }: VideoPosterProps) {
  const [state, setState] = useState<'poster' | 'unavailable'>('poster');
  return (
    <View className={`video-poster video-poster--${state}`} onClick={() => !src && setState('unavailable')}>
      <Image className="video-poster__image" src={poster} mode="aspectFill" />
      {state === 'poster' && (
        <View className="video-poster__play" role="button" aria-label={TEXT.play}>
          <View className="video-poster__triangle" />
        </View>
      )}
      {state === 'unavailable' && <Text className="video-poster__note">{TEXT.unavailable}</Text>}
    </View>
  );
}
