import { CAMPAIGN_TEXT } from '../../campaign-text';

export default definePageConfig({
  navigationBarTitleText: CAMPAIGN_TEXT.detailTitle,
  enablePullDownRefresh: true,
});
