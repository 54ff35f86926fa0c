/**
 * Every route of the API, in one list: `createApp` mounts them and the OpenAPI document is built
 * from them. Add a route by importing its definition here.
 */
import type { AnyRoute } from '../http/route.js';
import { postLoginRoute } from './auth/login.js';
import { postPhoneRoute } from './auth/phone.js';
import { deleteBookingRoute } from './bookings/delete.js';
import { postBookingRoute } from './bookings/post.js';
import { listCampusesRoute } from './campuses/list.js';
import { getContentRoute } from './contents/get.js';
import { listContentsRoute } from './contents/list.js';
import { listCoursesRoute } from './courses/list.js';
import { getDownloadRoute } from './downloads/get.js';
import { getHealthRoute } from './health/get.js';
import { listMyBookingsRoute } from './me/bookings.js';
import { deleteMeRoute } from './me/delete.js';
import { listMyDownloadsRoute } from './me/downloads.js';
import { exportMeRoute } from './me/export.js';
import { getMeRoute } from './me/get.js';
import { listMySubscriptionsRoute } from './me/subscriptions.js';
import { postRegistrationRoute } from './registrations/post.js';
import { postTouchpointsRoute } from './touchpoints/post.js';
import { listTrialSessionsRoute } from './trial-sessions/list.js';

export const routes: readonly AnyRoute[] = [
  getHealthRoute,
  postLoginRoute,
  postPhoneRoute,
  postTouchpointsRoute,
  listCoursesRoute,
  listCampusesRoute,
  postRegistrationRoute,
  getMeRoute,
  exportMeRoute,
  deleteMeRoute,
  listMyDownloadsRoute,
  listMySubscriptionsRoute,
  listContentsRoute,
  getContentRoute,
  getDownloadRoute,
  listTrialSessionsRoute,
  postBookingRoute,
  deleteBookingRoute,
  listMyBookingsRoute,
];
