import {
  type CampaignAction,
  type CampaignDetailResponse,
  type CampaignDocument,
  campaignDetailResponseSchema,
  campaignOptionsResponseSchema,
  campaignPreviewResponseSchema,
  campaignTestSendResponseSchema,
  listCampaignsResponseSchema,
} from '@scrm/shared';
import { api } from '../../api';
import { useApiData } from '../../hooks/use-api-data';

const BASE = '/api/staff/campaigns';

/** A campaign's detail with its document typed: the contract describes it as a plain object. */
export type CampaignDetail = CampaignDetailResponse & { document: CampaignDocument };

/**
 * Parses the detail; its document is taken as the server stored it, parsed there by
 * `campaignDocumentSchema` before it was stored. Parsing it again here would add the whole
 * campaign schema (27 KiB measured) to the admin subpackage for a check the server has made.
 */
const campaignDetailSchema = {
  parse(data: unknown): CampaignDetail {
    const reply = campaignDetailResponseSchema.parse(data);
    return { ...reply, document: reply.campaign.document as CampaignDocument };
  },
};

/** 营销活动 (issue 13 §3): the campaigns with their counts, and creating a draft from a built-in track. */
export function useCampaignList() {
  const list = useApiData(() => api.request(BASE, { as: 'staff', schema: listCampaignsResponseSchema }));
  const create = (builtInKey: string): Promise<CampaignDetail> =>
    api.request(BASE, { as: 'staff', method: 'POST', body: { builtInKey }, schema: campaignDetailSchema });
  return { list, create };
}

/**
 * One campaign: its detail (document, funnels, A/B, unknown sends), status changes and saving an
 * edited document. Every change answers with the new detail, which replaces the shown one.
 */
export function useCampaign(id: string) {
  const detail = useApiData(() => api.request(`${BASE}/${id}`, { as: 'staff', schema: campaignDetailSchema }), id);
  const changeStatus = (action: CampaignAction) =>
    api.request(`${BASE}/${id}/status`, {
      as: 'staff',
      method: 'POST',
      body: { action },
      schema: campaignDetailSchema,
    });
  const save = (document: CampaignDocument) =>
    api.request(`${BASE}/${id}/document`, {
      as: 'staff',
      method: 'PUT',
      body: { document },
      schema: campaignDetailSchema,
    });
  return { detail, changeStatus, save };
}

/** Every step exactly as the manager (as a lead of their own login) would get it now. */
export function useCampaignPreview(id: string) {
  return useApiData(() => {
    const leadId = api.findSession()?.leadId;
    if (!leadId) return Promise.reject(new Error('no session'));
    return api.request(`${BASE}/${id}/preview`, {
      as: 'staff',
      query: { leadId },
      schema: campaignPreviewResponseSchema,
    });
  }, id);
}

/**
 * 发送测试: one step, rendered for the manager's own lead as the preview shows it, sent to the
 * manager's WeChat (`POST …/test-send`); the answer says whether WeChat took it.
 */
export function sendCampaignTest(id: string, stepId: string) {
  const leadId = api.findSession()?.leadId;
  return api.request(`${BASE}/${id}/test-send`, {
    as: 'staff',
    method: 'POST',
    body: leadId ? { stepId, leadId } : { stepId },
    schema: campaignTestSendResponseSchema,
  });
}

/** What the editor's pickers offer: campuses, courses, sources, tags and templates (`GET …/options`). */
export function useCampaignOptions() {
  return useApiData(() => api.request(`${BASE}/options`, { as: 'staff', schema: campaignOptionsResponseSchema }));
}

/** An unsaved document rendered for the manager's own lead, every A/B variant of a step in turn. */
export function previewCampaignDraft(id: string, document: CampaignDocument) {
  const leadId = api.findSession()?.leadId;
  if (!leadId) return Promise.reject(new Error('no session'));
  return api.request(`${BASE}/${id}/preview`, {
    as: 'staff',
    method: 'POST',
    body: { leadId, document },
    schema: campaignPreviewResponseSchema,
  });
}
