import type { StaffLeadDetail } from '@scrm/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { formatDateTime, formatSlaDue, formatSource } from '../../format';
import '../../workbench.css';
import './index.css';

/**
 * The lead page's header: name, phone, score and stage. The list shows the number masked; here
 * the API sends it whole (and logs the view, SPEC §4), but it is still shown masked until the
 * advisor asks, so it is not read over a shoulder. A tap on it calls (`makePhoneCall`).
 */
export function LeadHeader({ detail }: { detail: StaffLeadDetail }) {
  const { lead, score } = detail;
  const [isRevealed, setRevealed] = useState(false);
  const call = () => {
    if (lead.phone) void Taro.makePhoneCall({ phoneNumber: lead.phone }).catch(() => undefined);
  };
  return (
    <View className="card lead-header">
      <View className="lead-header__row">
        <View className="lead-header__who">
          <Text className="lead-header__name">{lead.name ?? '未留名'}</Text>
          {lead.phone ? (
            <View className="lead-header__phone-row">
              <Text className="lead-header__phone" onClick={call}>
                {isRevealed ? lead.phone : (lead.phoneMasked ?? '')}
              </Text>
              <Text className="lead-header__call" onClick={call}>
                拨打
              </Text>
              {!isRevealed && (
                <Text className="lead-header__reveal" onClick={() => setRevealed(true)}>
                  显示号码
                </Text>
              )}
            </View>
          ) : (
            <Text className="muted">无手机号</Text>
          )}
        </View>
        <View className="lead-header__score">
          <Text className="lead-header__score-value">{score.total.toFixed(1)}</Text>
          <Text className="muted">{`匹配 ${score.fit.toFixed(0)} · 互动 ${score.engagement.toFixed(0)}`}</Text>
        </View>
      </View>
      <View className="tags">
        <Text className="tag tag--stage">{`${lead.stageCode} ${lead.stageLabel}`}</Text>
        <Text className="tag">{lead.journeyLabel}</Text>
        <Text className="tag">{formatSource(lead.source)}</Text>
      </View>
      <Text className="muted">
        {[lead.campus?.name, lead.course?.name, lead.city].filter(Boolean).join(' · ') || '校区、课程未知'}
      </Text>
      <Text className="muted">
        {lead.owner
          ? `顾问 ${lead.owner.name}${lead.acceptedAt ? ` · ${formatDateTime(lead.acceptedAt)} 接受` : ''}`
          : '公海线索'}
      </Text>
      {lead.owner && !lead.acceptedAt && lead.slaDueAt && (
        <Text className={lead.isOverdue ? 'lead-header__overdue' : 'lead-header__due'}>
          {`待接受 · ${formatSlaDue(lead.slaDueAt)}（${formatDateTime(lead.slaDueAt)} 前）`}
        </Text>
      )}
      {lead.nextFollowUpAt && <Text className="muted">{`下次跟进 ${formatDateTime(lead.nextFollowUpAt)}`}</Text>}
    </View>
  );
}
