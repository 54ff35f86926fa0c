import { CHANNEL_TEXT } from '../channels/text';

export default definePageConfig({
  navigationBarTitleText: CHANNEL_TEXT.detailTitle,
});
