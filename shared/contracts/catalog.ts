/** `GET /api/courses` and `GET /api/campuses`: the options of the registration and trial pages. */
import { z } from 'zod';
import { entityIdSchema } from '../fields.js';

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
