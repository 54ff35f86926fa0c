/**
 * Every route of the API, in one list: `createApp` mounts them and the OpenAPI document is built
 * from them. Add a route by importing its definition here.
 */
import type { AnyRoute } from '../http/route.js';
import {
  deleteMarketingCostRoute,
  exportMarketingCostsRoute,
  listMarketingCostsRoute,
  postMarketingCostRoute,
  putMarketingCostRoute,
} from './analytics/costs.js';
import { analyticsMeasureRoutes } from './analytics/measures.js';
import { postLoginRoute } from './auth/login.js';
import { postPhoneRoute } from './auth/phone.js';
import { deleteBookingRoute } from './bookings/delete.js';
import { postBookingRoute } from './bookings/post.js';
import { listCampusesRoute } from './campuses/list.js';
import { archiveChannelRoute } from './channels/archive.js';
import { getChannelCodeRoute } from './channels/code.js';
import { createChannelRoute } from './channels/create.js';
import { getChannelRoute } from './channels/get.js';
import { listChannelsRoute } from './channels/list.js';
import { updateChannelRoute } from './channels/update.js';
import { getContentCoverRoute } from './contents/cover.js';
import { getContentRoute } from './contents/get.js';
import { listContentsRoute } from './contents/list.js';
import { getCourseRoute } from './courses/get.js';
import { listCoursesRoute } from './courses/list.js';
import { getAnalyticsCronRoute, postAnalyticsCronRoute } from './cron/analytics.js';
import { getCampaignsCronRoute, postCampaignsCronRoute } from './cron/campaigns.js';
import { getScoringCronRoute, postScoringCronRoute } from './cron/scoring.js';
import { getSlaCronRoute, postSlaCronRoute } from './cron/sla.js';
import { getDownloadRoute } from './downloads/get.js';
import { getHealthRoute } from './health/get.js';
import { listMyBookingsRoute } from './me/bookings.js';
import { deleteMeRoute } from './me/delete.js';
import { listMyDownloadsRoute } from './me/downloads.js';
import { exportMeRoute } from './me/export.js';
import { getMeRoute } from './me/get.js';
import { listMyMessagesRoute, readMyMessageRoute } from './me/messages.js';
import { listMySubscriptionsRoute } from './me/subscriptions.js';
import { postRegistrationRoute } from './registrations/post.js';
import { transferAdvisorRoute } from './staff/advisor-transfer.js';
import {
  campaignOptionsRoute,
  changeCampaignStatusRoute,
  countAudienceRoute,
  createCampaignRoute,
  getCampaignRoute,
  listCampaignsRoute,
  previewCampaignRoute,
  previewDraftCampaignRoute,
  putCampaignDocumentRoute,
  testSendCampaignRoute,
} from './staff/campaigns.js';
import { importLeadsRoute } from './staff/imports.js';
import { postStaffInvitationRoute } from './staff/invitations.js';
import { postStaffJoinRoute } from './staff/join.js';
import { acceptLeadRoute } from './staff/lead-accept.js';
import { markAttendanceRoute } from './staff/lead-attendance.js';
import { claimLeadRoute } from './staff/lead-claim.js';
import { recordEnrolmentRoute } from './staff/lead-enrolments.js';
import { logFollowUpRoute } from './staff/lead-follow-ups.js';
import { getStaffLeadRoute } from './staff/lead-get.js';
import { updateQualificationRoute } from './staff/lead-qualification.js';
import { releaseLeadRoute } from './staff/lead-release.js';
import { returnLeadRoute } from './staff/lead-return.js';
import { listLeadTimelineRoute } from './staff/lead-timeline.js';
import { exportStaffLeadsRoute } from './staff/leads-export.js';
import { listStaffLeadsRoute } from './staff/leads-list.js';
import { reassignLeadsRoute } from './staff/leads-reassign.js';
import { getStaffMeRoute } from './staff/me.js';
import {
  activateScoringModelRoute,
  fitScoringCandidateRoute,
  getScoringModelsRoute,
  rollBackScoringModelRoute,
} from './staff/scoring-models.js';
import { getWorkbenchSettingsRoute } from './staff/settings-get.js';
import { putWorkbenchSettingsRoute } from './staff/settings-put.js';
import { listTeamRoute } from './staff/team.js';
import { postTouchpointsRoute } from './touchpoints/post.js';
import { listTrialSessionsRoute } from './trial-sessions/list.js';

export const routes: readonly AnyRoute[] = [
  getHealthRoute,
  postLoginRoute,
  postPhoneRoute,
  postTouchpointsRoute,
  listCoursesRoute,
  getCourseRoute,
  listCampusesRoute,
  postRegistrationRoute,
  getMeRoute,
  exportMeRoute,
  deleteMeRoute,
  listMyDownloadsRoute,
  listMySubscriptionsRoute,
  listMyMessagesRoute,
  readMyMessageRoute,
  listContentsRoute,
  getContentRoute,
  getContentCoverRoute,
  getDownloadRoute,
  listTrialSessionsRoute,
  postBookingRoute,
  deleteBookingRoute,
  listMyBookingsRoute,
  // The advisor workbench (issue 9). Static paths before `/staff/leads/:id`, which would claim them.
  postStaffJoinRoute,
  getStaffMeRoute,
  postStaffInvitationRoute,
  listStaffLeadsRoute,
  exportStaffLeadsRoute,
  reassignLeadsRoute,
  getStaffLeadRoute,
  listLeadTimelineRoute,
  acceptLeadRoute,
  returnLeadRoute,
  claimLeadRoute,
  releaseLeadRoute,
  logFollowUpRoute,
  updateQualificationRoute,
  markAttendanceRoute,
  recordEnrolmentRoute,
  transferAdvisorRoute,
  listTeamRoute,
  getWorkbenchSettingsRoute,
  putWorkbenchSettingsRoute,
  importLeadsRoute,
  getScoringModelsRoute,
  fitScoringCandidateRoute,
  rollBackScoringModelRoute,
  activateScoringModelRoute,
  // Funnel analytics (issue 15). Static `.csv` paths are distinct, so order does not matter here.
  ...analyticsMeasureRoutes,
  listMarketingCostsRoute,
  exportMarketingCostsRoute,
  postMarketingCostRoute,
  putMarketingCostRoute,
  deleteMarketingCostRoute,
  // Channel codes (issue 13 §4).
  listChannelsRoute,
  createChannelRoute,
  getChannelRoute,
  updateChannelRoute,
  archiveChannelRoute,
  getChannelCodeRoute,
  getSlaCronRoute,
  postSlaCronRoute,
  listCampaignsRoute,
  createCampaignRoute,
  countAudienceRoute,
  // Before `:id`, which would take `options` for an id.
  campaignOptionsRoute,
  getCampaignRoute,
  putCampaignDocumentRoute,
  previewCampaignRoute,
  previewDraftCampaignRoute,
  testSendCampaignRoute,
  changeCampaignStatusRoute,
  getCampaignsCronRoute,
  postCampaignsCronRoute,
  getAnalyticsCronRoute,
  postAnalyticsCronRoute,
  getScoringCronRoute,
  postScoringCronRoute,
];
