/**
 * The server test harness (ADR 003). Every server test imports from here:
 * `import { createTestApp, expectError } from '../../../tests/helpers';`
 */

export { expectAccessRules, signTestToken } from './access.js';
export { logInAs } from './auth.js';
export {
  buildTestCampaign,
  type CampaignLead,
  campaignManagerClient,
  createCampaignLeads,
  createTestCampaign,
  runCampaignCron,
  TEST_TEMPLATE,
  TEST_TEMPLATE_ID,
} from './campaigns.js';
export { createTestCatalog, createTestSession } from './catalog.js';
export { createTestClock, DEFAULT_TEST_TIME, type TestClock } from './clock.js';
export { createContentWithFile } from './content-files.js';
export { expectError } from './expect-error.js';
export { createRegisteredProspects } from './prospects.js';
export { registerThroughApi } from './registration.js';
export { type RequestOptions, request, type TestResponse } from './request.js';
export { one } from './rows.js';
export { replayLeadScore } from './score-replay.js';
export {
  createTestCampus,
  createTestCourse,
  createTestStaff,
  createWorkbenchLead,
  staffPost,
  type TestStaff,
} from './staff.js';
export { createTestApp, type TestApp, type TestAppOptions } from './test-app.js';
export { getTestDatabase, type TestDatabase, truncateAll } from './test-database.js';
export { createTestStore, deleteKeys, TEST_KEY_PREFIX } from './test-store.js';
export { getTestWechat, type TestWechat } from './test-wechat.js';
