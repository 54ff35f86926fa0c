/**
 * Every route of the API, in one list: `createApp` mounts them and the OpenAPI document is built
 * from them. Add a route by importing its definition here.
 */
import type { AnyRoute } from '../http/route';
import { postLoginRoute } from './auth/login';
import { postPhoneRoute } from './auth/phone';
import { deleteBookingRoute } from './bookings/delete';
import { postBookingRoute } from './bookings/post';
import { listCampusesRoute } from './campuses/list';
import { getContentRoute } from './contents/get';
import { listContentsRoute } from './contents/list';
import { listCoursesRoute } from './courses/list';
import { getHealthRoute } from './health/get';
import { listMyBookingsRoute } from './me/bookings';
import { deleteMeRoute } from './me/delete';
import { listMyDownloadsRoute } from './me/downloads';
import { exportMeRoute } from './me/export';
import { getMeRoute } from './me/get';
import { listMySubscriptionsRoute } from './me/subscriptions';
import { postRegistrationRoute } from './registrations/post';
import { postTouchpointsRoute } from './touchpoints/post';
import { listTrialSessionsRoute } from './trial-sessions/list';

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
  listTrialSessionsRoute,
  postBookingRoute,
  deleteBookingRoute,
  listMyBookingsRoute,
];
