import { joinStaffResponseSchema } from '@scrm/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, api } from '../../../api';
import { API_MESSAGES } from '../../../api/messages';
import '../../workbench.css';

/**
 * 加入工作台: an invitee enters the code a manager (or `npm run staff:add`) gave them
 * (`POST /api/staff/join`, with their own prospect token). The next login then carries the staff
 * token, so `onJoined` signs in again.
 */
export function JoinForm({ onJoined }: { onJoined: () => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const submit = async () => {
    if (!code.trim()) return setError('请输入邀请码');
    setPending(true);
    setError(null);
    try {
      const { staff } = await api.request('/api/staff/join', {
        method: 'POST',
        body: { code: code.trim() },
        schema: joinStaffResponseSchema,
      });
      void Taro.showToast({ title: `欢迎，${staff.name}`, icon: 'success' });
      onJoined();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.userMessage : API_MESSAGES.unknown);
    } finally {
      setPending(false);
    }
  };

  return (
    <View className="join-form">
      <Text className="field-label">邀请码</Text>
      <Input
        className="field-input"
        placeholder="例如 ABCD-EFGH-JKMN"
        value={code}
        maxlength={14}
        onInput={(e) => setCode(e.detail.value)}
      />
      {error && <Text className="form-error">{error}</Text>}
      <Button className="primary-button" disabled={isPending || undefined} onClick={() => void submit()}>
        {isPending ? '提交中…' : '加入工作台'}
      </Button>
    </View>
  );
}
