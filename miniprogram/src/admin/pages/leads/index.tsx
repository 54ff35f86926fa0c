import { PlaceholderPage } from '../../../components/placeholder-page';
import { TEXT } from './text';

/** Reserved for the advisors' lead list (SPEC §1); a later step builds it. */
export default function LeadsPage() {
  return <PlaceholderPage title={TEXT.title} note={TEXT.note} />;
}
