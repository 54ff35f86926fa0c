import { useApiData } from '../../hooks/use-api-data';
import { fetchStaffFile } from '../staff-file';

/** A channel's code image (`GET …/code.png`, staff only), fetched to a local copy the page shows. */
export function useChannelCode(codeUrl: string | undefined) {
  return useApiData(() => (codeUrl ? fetchStaffFile(codeUrl) : new Promise<string>(() => undefined)), codeUrl);
}
