import { CHANNEL_TEXT } from './text';

export default definePageConfig({
  navigationBarTitleText: CHANNEL_TEXT.title,
  enablePullDownRefresh: true,
});
