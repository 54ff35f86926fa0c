/** `GET /api/courses` and `GET /api/campuses`: the options of the registration and trial pages. */
import { z } from 'zod';
import { entityIdSchema } from '../fields.js';
import { contentSummarySchema } from './contents.js';
import { trialSessionSchema } from './trial-sessions.js';

export const courseSchema = z.object({
  id: entityIdSchema,
  name: z.string(),
  topic: z.string(),
  summary: z.string(),
  priceFen: z.number().int().min(0),
});
export type Course = z.infer<typeof courseSchema>;

export const campusSchema = z.object({ id: entityIdSchema, name: z.string(), city: z.string(), address: z.string() });
export type Campus = z.infer<typeof campusSchema>;

export const listCoursesResponseSchema = z.object({ courses: z.array(courseSchema) });
export type ListCoursesResponse = z.infer<typeof listCoursesResponseSchema>;

export const listCampusesResponseSchema = z.object({ campuses: z.array(campusSchema) });
export type ListCampusesResponse = z.infer<typeof listCampusesResponseSchema>;

/**
 * `GET /api/courses/:id`: the course page (issue 14): what it is, who it is for, the outline, the
 * price, where it can be tried, the next trial sessions and the content about it.
 */
export const courseDetailSchema = courseSchema.extend({
  audience: z.string(),
  /** e.g. `12 周 · 48 课时 · 6–10 人小班`. */
  format: z.string(),
  syllabus: z.array(z.string()),
  campuses: z.array(campusSchema),
  sessions: z.array(trialSessionSchema),
  related: z.array(contentSummarySchema),
});
export type CourseDetail = z.infer<typeof courseDetailSchema>;

export const getCourseResponseSchema = z.object({ course: courseDetailSchema });
export type GetCourseResponse = z.infer<typeof getCourseResponseSchema>;
