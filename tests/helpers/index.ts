/**
 * The server test harness (ADR 003). Every server test imports from here:
 * `import { createTestApp, expectError } from '../../../tests/helpers';`
 */

export { expectAccessRules, signTestToken } from './access';
export { logInAs } from './auth';
export { createTestCatalog } from './catalog';
export { createTestClock, DEFAULT_TEST_TIME, type TestClock } from './clock';
export { expectError } from './expect-error';
export { createRegisteredProspects } from './prospects';
export { type RequestOptions, request, type TestResponse } from './request';
export { one } from './rows';
export { createTestApp, type TestApp, type TestAppOptions } from './test-app';
export { getTestDatabase, type TestDatabase, truncateAll } from './test-database';
export { createTestStore, deleteKeys, TEST_KEY_PREFIX } from './test-store';
export { getTestWechat, type TestWechat } from './test-wechat';
